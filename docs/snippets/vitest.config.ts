import { defineConfig } from 'vitest/config';

// The test-file blocks of the guides (`<!-- snippet vitest -->`), as
// check-snippets.ts writes them: `*.snippet.ts` files of this host project.
export default defineConfig({
  test: {
    include: ['**/*.snippet.ts'],
    exclude: ['**/node_modules/**', 'generated/**'],
    // The adapter guide's harness runs the whole conformance suite, races and
    // property test included, on SQLite and PostgreSQL.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
