import { defineConfig } from 'tsup';

// The package is "type": "module", so tsup writes ESM as index.js + index.d.ts and
// CJS as index.cjs + index.d.cts: each format has its own declarations.
// Splitting shares one copy of the handler's internals between the entries.
export default defineConfig({
  entry: ['src/index.ts', 'src/node/index.ts', 'src/spreadsheets/index.ts'],
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
