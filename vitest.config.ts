import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here: keep forks modest so SQLite-heavy suites do not starve each other.
    pool: 'forks',
    maxWorkers: 2,
  },
});
