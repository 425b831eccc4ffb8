import { defineConfig } from 'tsup';

// The package is "type": "module", so tsup writes ESM as index.js + index.d.ts and
// CJS as index.cjs + index.d.cts: each format has its own declarations. The SQL
// migrations are bundled as text, so applyMigrations reads no files at run time.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  loader: { '.sql': 'text' },
});
