import { defineConfig } from 'tsup';

// The package is "type": "module", so tsup writes ESM as index.js + index.d.ts and
// CJS as index.cjs + index.d.cts: each format has its own declarations.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
