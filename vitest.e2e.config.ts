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
    // expect.poll gives up after 1 s by default: a deadline, not a pace, and one a loaded
    // two-core runner can miss (a send that waits for the 2 s batch timer, a console report
    // read back through the protocol). Only how long a poll may wait grows.
    expect: { poll: { timeout: 10_000 } },
  },
});
