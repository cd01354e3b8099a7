import { browser } from 'wxt/browser';
import { createPageLink, reloadOnce } from '@/lib/page-link';

/**
 * The popup's link to the background (lib/page-link): its requests, each sent with this
 * build and, for log writes, kept in the outbox until written; and the hello check.
 */
export const link = createPageLink(browser, {
  reloadPage: () => reloadOnce(sessionStorage, () => location.reload()),
});
