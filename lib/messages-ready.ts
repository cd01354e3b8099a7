import { loadedVersionDiffers } from './build';

/** What browserMessagesReady reads: `browser` or `chrome`, in both browsers. */
export interface MessageSource {
  i18n: { getMessage(name: string): string };
  runtime: { getManifest(): { version: string } };
}

/**
 * Whether the browser gives this build's messages, so no fallback is needed: it gives the
 * extension's messages at all (see loadFallbackMessages), and the extension it has loaded
 * is this version (files replaced in place and not reloaded yet lack the words this build
 * added). Apart from lib/i18n so the first-paint script can ask without the polyfill.
 */
export function browserMessagesReady(ext: MessageSource): boolean {
  return (
    !loadedVersionDiffers(ext.runtime.getManifest().version) &&
    ext.i18n.getMessage('extName') !== ''
  );
}
