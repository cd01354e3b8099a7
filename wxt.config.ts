import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PLATFORM_HOST_PATTERNS } from './lib/profiles/hosts';

// Firefox gets MV3 too: one rule engine (declarativeNetRequest) for both browsers, host
// access the person can see and withdraw, and no blocking webRequest for AMO to question.
// The README explains the trade-off.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
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
    ],
    host_permissions: PLATFORM_HOST_PATTERNS,
    // A custom site is asked for, one origin at a time, when the person adds it.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    web_accessible_resources: [
      // The interstitial is the target of the redirect rules: a redirect to an extension
      // page that is not web-accessible ends on an error page when a site's link is clicked.
      // Any site can link to a profile (a search result, a message), and the redirect is
      // checked against the page the link was on, so every origin must be allowed.
      { resources: ['interstitial.html'], matches: ['<all_urls>'] },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'no-contact@no-contact.invalid', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
