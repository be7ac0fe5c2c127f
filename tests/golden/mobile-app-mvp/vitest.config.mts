import { defineConfig } from 'vitest/config';

// .mts keeps this file an ES module even though package.json has no "type": "module", which
// React Native tooling (Metro, Babel config files) expects to stay CommonJS.
// The logic under test is plain TypeScript with injected clocks and transports: no device,
// no simulator and no React Native runtime.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
