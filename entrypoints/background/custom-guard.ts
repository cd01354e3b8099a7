import type { WxtBrowser as Browser } from 'wxt/browser';
import { originPatternsFor } from '@/lib/profiles';
import type { Profile } from '@/lib/profiles/types';

const IDS = { isolated: 'guard-custom', main: 'guard-main-custom' } as const;

/**
 * The page-side guard is declared in the manifest for the platforms whose hosts the
 * manifest gives. Every other host a listed entry needs (a custom site, or a chat app's
 * host asked for when a conversation there is listed: Discord, Telegram Web, WhatsApp; see
 * `originPatternsFor`) gets the same guard, registered here for the origins the person
 * granted when listing it, and unregistered when the last entry needing them is removed.
 * Registered scripts persist across browser restarts, so this runs only when the list
 * changes. (The ids keep their first name, from when only custom sites had one: a renamed
 * id would leave the old registration behind after an update.)
 */
export async function syncCustomGuard(browser: Browser, profiles: readonly Profile[]) {
  const wanted = [...new Set(profiles.flatMap((p) => originPatternsFor(p)))];
  const granted: string[] = [];
  for (const origin of wanted) {
    if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [IDS.isolated, IDS.main],
  });
  const current = existing.find((s) => s.id === IDS.isolated)?.matches ?? [];
  const same =
    existing.length === 2 &&
    current.length === granted.length &&
    current.every((m) => granted.includes(m));
  if (same) return;
  if (existing.length) {
    await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  }
  if (!granted.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: IDS.main,
      matches: granted,
      js: ['/content-scripts/guard-main.js'],
      runAt: 'document_start',
      world: 'MAIN',
    },
    {
      id: IDS.isolated,
      matches: granted,
      js: ['/content-scripts/guard.js'],
      runAt: 'document_start',
    },
  ]);
}
