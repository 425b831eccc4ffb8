import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A newman run of the whole collection against the in-test server takes a
    // few seconds alone, more when turbo runs every package at once.
    testTimeout: 30_000,
  },
});
