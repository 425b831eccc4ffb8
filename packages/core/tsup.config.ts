import { defineConfig } from 'tsup';

// The package is "type": "module", so tsup writes ESM as index.js + index.d.ts and
// CJS as index.cjs + index.d.cts: each format has its own declarations.
// Splitting (also for CJS) puts code that several entries share in one chunk, so
// `@rosterkit/core` and its subpaths (`/errors`, `/adapter`, `/extra`) hand out
// the same RosterError class within a format instead of one copy per entry.
export default defineConfig({
  entry: ['src/index.ts', 'src/errors/index.ts', 'src/adapter/index.ts', 'src/extra/index.ts'],
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
