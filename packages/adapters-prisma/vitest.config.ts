import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // The SQL migrations are imported as text, as tsup's `text` loader does.
      name: 'sql-as-text',
      transform(code, id) {
        return id.endsWith('.sql') ? `export default ${JSON.stringify(code)};` : undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // Every test talks to a real database; the property tests run dozens of
    // transactions, and CI runs the packages' suites side by side on two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
