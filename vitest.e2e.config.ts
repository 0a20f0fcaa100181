import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests drive the built extension in real browsers: one file at a time. A test that
 * fails is run once more: two real browsers on a loaded 2-core CI machine occasionally miss a
 * beat (one such miss in ~70 tests cost a whole CI run). A real fault fails both attempts, and
 * a test that needed the second one is named in the summary with its first error
 * (scripts/test-summary.ts), so a flaky test stays visible.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    // One worker for every file: each file starts and closes its own browsers and servers, so
    // nothing is shared but the harness's modules, imported once instead of once per file.
    isolate: false,
    retry: 1,
  },
});
