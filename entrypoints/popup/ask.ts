import { browser } from 'wxt/browser';
import { createAsk } from '@/lib/ask';

/** The popup's requests to the background; no answer is a failure (see lib/ask). */
export const ask = createAsk((m) => browser.runtime.sendMessage(m));
