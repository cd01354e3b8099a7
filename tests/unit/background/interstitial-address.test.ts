import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import {
  fixedInterstitialUrl,
  ruleInterstitialUrl,
} from '@/entrypoints/background/interstitial-address';
import { setupRuleSync } from '@/entrypoints/background/rules-sync';
import type { DnrRule, RuleUpdate } from '@/lib/rules/dnr';
import { defaultSettings, SETTINGS_KEY } from '@/lib/settings';
import { listed } from '../profiles/fixtures';

const ID = 'hdgmmahpoofadaanhohifjpdpefobdfo';
const FIXED = `chrome-extension://${ID}/interstitial.html`;
/** What runtime.getURL gives in Chrome for a `use_dynamic_url` resource: a new GUID each session. */
const session = (guid: string) => `chrome-extension://${guid}/interstitial.html`;
const GUID_1 = 'e1c573d2-fbce-4775-bc25-a1ce5fbd6e3f';
const GUID_2 = '9d738607-6db9-4a2f-8f0b-ae771ad48ee9';

describe('fixedInterstitialUrl', () => {
  it("Chrome: the per-session address becomes the extension's fixed one", () => {
    expect(fixedInterstitialUrl(session(GUID_1), ID)).toBe(FIXED);
    expect(fixedInterstitialUrl(session(GUID_2), ID)).toBe(FIXED);
  });

  it('is the same for every session, and a fixed address is kept as it is', () => {
    expect(fixedInterstitialUrl(FIXED, ID)).toBe(FIXED);
  });

  it('Firefox: the per-installation address is already the same across restarts; kept', () => {
    const moz = 'moz-extension://4b9c6f1e-4d1a-4f5e-9b1a-2f0c2b7d9e11/interstitial.html';
    expect(fixedInterstitialUrl(moz, 'no-contact@no-contact.invalid')).toBe(moz);
  });

  it('anything it cannot vouch for is left as the browser gave it', () => {
    // Not a Chromium extension ID (32 letters a-p): no address is made up from it.
    expect(fixedInterstitialUrl(session(GUID_1), 'test-extension-id')).toBe(session(GUID_1));
    expect(fixedInterstitialUrl(session(GUID_1), '')).toBe(session(GUID_1));
    expect(fixedInterstitialUrl('not a url', ID)).toBe('not a url');
  });
});

describe('ruleInterstitialUrl', () => {
  it("asks runtime.getURL for the interstitial and names the extension's fixed address", () => {
    const getURL = vi.fn((p: string) => `chrome-extension://${GUID_1}${p}`);
    const runtime = { id: ID, getURL } as unknown as WxtBrowser['runtime'];
    expect(ruleInterstitialUrl({ runtime })).toBe(FIXED);
    expect(getURL).toHaveBeenCalledWith('/interstitial.html');
  });
});

describe('the redirect rules across a browser restart (setupRuleSync)', () => {
  const jamie = listed('https://www.instagram.com/jamie.doe/');
  const browser = fakeBrowser as unknown as WxtBrowser;
  /** The browser's dynamic rules: kept across restarts, like Chrome's. */
  let dynamic: DnrRule[] = [];
  let updates: RuleUpdate[] = [];

  /** One browser session: the runtime's per-session address, the APIs rule sync touches. */
  async function startSession(guid: string) {
    fakeBrowser.reset();
    Object.assign(fakeBrowser.runtime, {
      id: ID,
      getURL: (p: string) => `chrome-extension://${guid}${p}`,
    });
    Object.assign(fakeBrowser as object, {
      declarativeNetRequest: {
        getDynamicRules: () => Promise.resolve(structuredClone(dynamic)),
        updateDynamicRules: (u: RuleUpdate) => {
          updates.push(u);
          const remove = new Set(u.removeRuleIds ?? []);
          dynamic = [...dynamic.filter((r) => !remove.has(r.id)), ...(u.addRules ?? [])];
          return Promise.resolve();
        },
      },
      permissions: {
        contains: () => Promise.resolve(false),
        onAdded: { addListener: () => undefined },
        onRemoved: { addListener: () => undefined },
      },
      scripting: { getRegisteredContentScripts: () => Promise.resolve([]) },
    });
    // The stored list, as the last session left it (written before the listeners exist).
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...defaultSettings(), profiles: [jamie] },
    });
    setupRuleSync(browser);
  }

  const redirects = () =>
    dynamic.flatMap((r) => (r.action.type === 'redirect' ? [r.action.redirect] : []));

  beforeEach(() => {
    dynamic = [];
    updates = [];
  });

  it('are written with the fixed address, and a restart leaves them as they are', async () => {
    await startSession(GUID_1);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    // The profile's redirect and its platform's catch for encoded spellings.
    await vi.waitFor(() => expect(redirects()).toHaveLength(2));
    expect(new Set(redirects().map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ regexSubstitution: `${FIXED}#\\0` })]),
    );
    const before = structuredClone(dynamic);

    // The next browser start: a new per-session address, the same stored rules. Nothing
    // names the last session's address, so there is nothing to rewrite.
    updates = [];
    await startSession(GUID_2);
    await fakeBrowser.runtime.onStartup.trigger();
    await new Promise((r) => setTimeout(r, 50));
    expect(updates).toEqual([]);
    expect(dynamic).toEqual(before);
    expect(JSON.stringify(dynamic)).not.toContain(GUID_1);
  });

  it('rules left by a version that named the per-session address are rewritten at start', async () => {
    await startSession(GUID_1);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(redirects()).toHaveLength(2));
    // As an earlier version wrote them: the address of its own session.
    dynamic = dynamic.map((r) =>
      r.action.type === 'redirect'
        ? {
            ...r,
            action: { type: 'redirect', redirect: { regexSubstitution: `${session(GUID_1)}#\\0` } },
          }
        : r,
    );
    await startSession(GUID_2);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    const fixed = { regexSubstitution: `${FIXED}#\\0` };
    await vi.waitFor(() => expect(redirects()).toEqual([fixed, fixed]));
  });
});
