import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The end-to-end suites drive the built extension in real browsers, one file at a time.
// Running the two browsers' tests side by side gained nothing here (measured: the two
// cores are busy either way), so time is saved by doing less: see isolate below.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    root: '.',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    // Every file in one process, one after another, so that Firefox and the fake sites are
    // started once and shared (tests/e2e/harness/browsers.ts, sharedFirefox).
    isolate: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
