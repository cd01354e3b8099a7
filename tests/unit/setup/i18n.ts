/**
 * Every unit test gets the real English messages from browser.i18n: the fake browser of
 * wxt/testing does not implement i18n, and the components' tests look for the English
 * words. Assigned once; fakeBrowser.reset() leaves i18n alone.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../../public/_locales/en/messages.json';
import { messageFrom } from '../helpers/i18n-messages';

fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | string[]) =>
  messageFrom(english, name, substitutions);
fakeBrowser.i18n.getUILanguage = () => 'en-US';
// The loaded extension's version is this build's (vitest.config.ts stamps 5.0.0+…), as in
// a browser that has loaded the files the page came from.
fakeBrowser.runtime.getManifest = () => ({
  manifest_version: 3,
  name: 'No Contact',
  version: '5.0.0',
});
