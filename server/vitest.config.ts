import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // each test file gets its own database cloned from a migrated template, so files run in parallel
    pool: 'forks',
    maxWorkers: 2,
    // projects with their own worker count run as their own group (vitest requires a distinct order)
    sequence: { groupOrder: 1 },
  },
});
