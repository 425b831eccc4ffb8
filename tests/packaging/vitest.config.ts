import { defineConfig } from 'vitest/config';

// Each test starts Node processes that load the built packages (exceljs is
// heavy); under turbo's parallel runs on 2 cores one took over 5 s.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
