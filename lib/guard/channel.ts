/**
 * Event names of the handshake between the guard's two halves. Both run at
 * document_start, before any script of the page, so the page never sees the handshake;
 * after it, they talk only through a node that is never attached to the document.
 */
export const CHANNEL_FROM_MAIN = 'nc-guard-main';
export const CHANNEL_FROM_ISOLATED = 'nc-guard-isolated';
/** Main -> isolated: may the tab go to this address in-page? Cancelled means no. */
export const ROUTE_QUERY = 'nc-route';
/** Isolated -> main: the current document is not a listed profile; let its requests go. */
export const RELEASE = 'nc-release';
/**
 * If the isolated half never answers (the extension was disabled or updated under the
 * page), the page's own requests are let go after this long rather than held forever.
 */
export const RELEASE_FAILSAFE_MS = 3000;
