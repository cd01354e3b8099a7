import type { WxtBrowser as Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { syncCustomGuard } from '@/entrypoints/background/custom-guard';
import { hostPatterns } from '@/lib/profiles/hosts';
import { everyConversation, listed } from '../profiles/fixtures';

/** Just the permissions and scripting calls syncCustomGuard makes, recorded. */
function fakeBrowser(granted: (origin: string) => boolean) {
  const registered: { id: string; matches?: string[] }[][] = [];
  const browser = {
    permissions: {
      contains: ({ origins }: { origins: string[] }) => Promise.resolve(origins.every(granted)),
    },
    scripting: {
      getRegisteredContentScripts: () => Promise.resolve([]),
      unregisterContentScripts: () => Promise.resolve(),
      registerContentScripts: (scripts: { id: string; matches?: string[] }[]) => {
        registered.push(scripts);
        return Promise.resolve();
      },
    },
  } as unknown as Browser;
  return { browser, registered };
}

describe('the page-side guard on the chat apps asked for when listed', () => {
  it('is registered for their granted hosts, the way it is for a custom site', async () => {
    const { browser, registered } = fakeBrowser(() => true);
    const list = [...everyConversation(), listed('https://example.com/', 'site')];
    await syncCustomGuard(browser, list);
    expect(registered).toHaveLength(1);
    const matches = new Set(registered[0]!.flatMap((s) => s.matches ?? []));
    for (const o of [
      ...hostPatterns([
        'discord.com',
        'discordapp.com',
        'web.telegram.org',
        'wa.me',
        'whatsapp.com',
      ]),
      '*://example.com/*',
    ]) {
      expect(matches.has(o), o).toBe(true);
    }
    // Instagram, X and LinkedIn have the manifest's guard already.
    expect([...matches].some((m) => /instagram|x\.com|linkedin/.test(m))).toBe(false);
  });

  it('is left off a chat app whose access was not given', async () => {
    const { browser, registered } = fakeBrowser((o) => !o.includes('telegram'));
    await syncCustomGuard(browser, everyConversation());
    const matches = registered[0]!.flatMap((s) => s.matches ?? []);
    expect(matches.some((m) => m.includes('telegram'))).toBe(false);
    expect(matches).toContain('*://wa.me/*');
  });
});
