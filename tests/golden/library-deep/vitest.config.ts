import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Type-level tests live in *.test-d.ts files: vitest runs tsc over the project, reports their
    // failed expectations as failing tests, and fails the run on a type error anywhere else.
    typecheck: {
      enabled: true,
      include: ['tests/**/*.test-d.ts'],
    },
  },
});
