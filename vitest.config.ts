import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One level deep only: tests/golden/ holds generated projects whose own test files are not ours.
    include: ['tests/*/*.test.ts'],
    // Two cores: run files in parallel on both, tests inside a file in order.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
