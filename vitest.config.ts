import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// WxtVitest does not apply wxt.config.ts's vite plugins, so preact() is added here too.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The English messages behind browser.i18n (WxtVitest adds its fake browser first).
    setupFiles: ['tests/unit/setup/i18n.ts'],
    restoreMocks: true,
  },
});
