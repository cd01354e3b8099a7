import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// WxtVitest does not apply wxt.config.ts's vite plugins, so preact() is added here too.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  // A build identity for lib/build.ts, as wxt.config.ts stamps one into every build.
  define: { __NC_BUILD__: JSON.stringify('5.0.0+unit00000000') },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A fake IndexedDB before every file; the English messages behind browser.i18n
    // (WxtVitest adds its fake browser first).
    setupFiles: ['tests/unit/setup/indexeddb.ts', 'tests/unit/setup/i18n.ts'],
    restoreMocks: true,
    // Worker threads, and the modules (the fake browser, the messages) loaded once per
    // worker rather than once per file: the suite runs in about 30 s instead of 120 s here.
    // Files must not leave state behind for the next one; they pass in any order
    // (checked with --sequence.shuffle.files).
    pool: 'threads',
    isolate: false,
  },
});
