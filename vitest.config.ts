import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { availableParallelism } from 'node:os';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/corpus/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves a core to itself by default, which on CI's 2 cores means one worker: most of a
    // worker's time is starting a file (environment, imports), not waiting on the main process.
    maxWorkers: availableParallelism(),
    environment: 'happy-dom',
  },
});
