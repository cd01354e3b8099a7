import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PLATFORM_HOST_PATTERNS } from './lib/profiles/hosts';
import { buildIdentity, nameWorkerForBuild } from './scripts/build-identity';
import { preactWithoutInnerHtml } from './scripts/vite-preact-without-inner-html';
import {
  modulePreloadForDynamicImports,
  stylesBeforeScripts,
} from './scripts/vite-styles-before-scripts';

// Firefox gets MV3 too: one rule engine (declarativeNetRequest) for both browsers, host
// access the person can see and withdraw, and no blocking webRequest for AMO to question.
// The README explains the trade-off.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file names what it uses, so the lint boundaries (no `browser` in
  // components, no database in the guard) see every use.
  imports: false,
  manifestVersion: 3,
  // preactWithoutInnerHtml: see its file; it keeps `web-ext lint --warnings-as-errors` clean.
  // __NC_BUILD__: this build's identity (lib/build.ts), the same on every machine for the
  // same sources, so the store packages still rebuild byte for byte.
  // stylesBeforeScripts: see its file; it keeps the pages' first paint as early as a page
  // without script would have it.
  vite: () => ({
    plugins: [preact(), preactWithoutInnerHtml(), stylesBeforeScripts()],
    build: { modulePreload: modulePreloadForDynamicImports },
    define: { __NC_BUILD__: JSON.stringify(buildIdentity()) },
  }),
  // `npm run zip`: the Firefox run also writes the sources zip AMO's reviewers rebuild from
  // (SOURCE_CODE_REVIEW.md, inside it, says how). Hidden files, node_modules and .output
  // are left out by WXT already; what is left out here is not needed to build.
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'reports/**',
      'docs/screenshots/**',
      'stats.html',
      '**/*.log',
    ],
  },
  hooks: {
    // Chrome keeps running the service worker script it registered until the worker's
    // address changes: a build whose files replaced an earlier one's in place, even at a
    // new version and after a browser restart, would otherwise keep the earlier background
    // (seen with Chromium 156). So the manifest names a one-line worker whose name carries
    // this build's identity and which imports the real one. Firefox starts its background
    // from the files each time and keeps the plain name.
    'build:done': (wxt) => {
      if (wxt.config.browser === 'firefox' || wxt.config.command !== 'build') return;
      nameWorkerForBuild(wxt.config.outDir, buildIdentity());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'declarativeNetRequest',
      'alarms',
      // The fallback for in-page navigation the page-side guard did not see.
      'webNavigation',
      // To give the guard to platform tabs already open when the extension is installed.
      'scripting',
      // "Add to No Contact" on links to the platforms (entrypoints/background/context-menu.ts).
      'contextMenus',
    ],
    host_permissions: PLATFORM_HOST_PATTERNS,
    // A custom site is asked for, one origin at a time, when the person adds it.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    // A key that opens the popup, which the person can change (README, "Using it"). Not
    // Alt+Shift+N: Chrome opens a split-view tab with it, ChromeOS its notifications.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    web_accessible_resources: [
      // The interstitial is the target of the redirect rules: a redirect to an extension
      // page that is not web-accessible ends on an error page when a site's link is clicked.
      // Any site can link to a profile (a search result, a message), and the redirect is
      // checked against the page the link was on, so every origin must be allowed.
      // In Chrome, `use_dynamic_url` serves it only at a per-session address (which
      // runtime.getURL gives the guard), so a site cannot probe the fixed extension address
      // to learn that No Contact is installed. The rules name the fixed address all the same:
      // Chrome puts the session's address in its place when the extension's own redirect
      // fires, so rules kept from the last session are right at once after a restart
      // (entrypoints/background/interstitial-address.ts). Firefox already gives each install
      // a random address.
      {
        resources: ['interstitial.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'no-contact@no-contact.invalid',
              // 140 (the ESR line) is the first with data_collection_permissions; the
              // newest APIs used otherwise (the MAIN world for content scripts,
              // optional_host_permissions) arrived in 128.
              strict_min_version: '140.0',
              // Nothing leaves the browser: no analytics, no requests of our own.
              data_collection_permissions: { required: ['none'] },
            },
            // Made for desktop and tested there only. Should it be installed on Android,
            // 142 is where Firefox for Android reads data_collection_permissions.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Content scripts declared for the MAIN world (the guard's page half) need 111.
          minimum_chrome_version: '111',
          // Split: an incognito window gets a background and pages of its own, so the
          // interstitial can be the page of an incognito tab (a spanning extension's page
          // cannot). Everything that side logs is handed to the normal side through
          // storage they both share (entrypoints/background/split.ts).
          incognito: 'split',
        }),
  }),
});
