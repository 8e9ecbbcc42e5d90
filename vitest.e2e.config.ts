import { defineConfig } from 'vitest/config';

// Real Chromium against the example collector and storefront; one browser at a time
// because the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
