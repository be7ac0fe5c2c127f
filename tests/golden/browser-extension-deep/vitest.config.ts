import { defineConfig } from 'vitest/config';

// Extension code runs in browsers, but everything under test here is plain logic over injected
// fakes (tests/fakes), so the fast node environment is enough: no browser, no DOM library.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
