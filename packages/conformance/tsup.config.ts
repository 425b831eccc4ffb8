import { rmSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The package is "type": "module", so tsup writes ESM as .js + .d.ts and CJS as
// .cjs + .d.cts: each format has its own declarations.
//
// The suite registers vitest tests, and vitest is ESM-only: its own CommonJS
// entry throws. So the CommonJS build of the root entry is honest about it:
// its declarations are the real ones (a CommonJS-typed project type-checks
// its test files, which vitest itself runs as ES modules), and its code throws
// at once with what to do instead of vitest's error from deep inside. The
// fixture builders (`./fixtures`) import nothing at run time and work from
// both formats.
const commonJsRoot = `'use strict';
throw new Error(
  '@rosterkit/conformance registers vitest tests, and vitest loads only as an ES module: ' +
    "import { runStoreConformance } from '@rosterkit/conformance' in your test file (vitest runs test files as ES modules, " +
    'also in a CommonJS project). The fixture builders load from CommonJS: @rosterkit/conformance/fixtures.',
);
`;

export default defineConfig({
  entry: ['src/index.ts', 'src/fixtures.ts'],
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  async onSuccess() {
    writeFileSync('dist/index.cjs', commonJsRoot);
    rmSync('dist/index.cjs.map', { force: true });
  },
});
