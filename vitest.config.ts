import { defineConfig } from 'vitest/config';

// Units and integration: happy-dom by default; a file that needs plain Node says
// `// @vitest-environment node` at its top. Real-browser tests live in test/e2e and
// run with vitest.e2e.config.ts (npm run test:e2e).
export default defineConfig({
  test: {
    environment: './test/utils/quiet-happy-dom.ts',
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // Script tags added by the SDK (add-ons) are not fetched in unit tests; e2e loads them for real.
    environmentOptions: { happyDOM: { settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } } },
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 20_000,
  },
});
