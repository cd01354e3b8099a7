import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAllowOnce } from '@/entrypoints/background/allow-once';
import { continueHandlers } from '@/entrypoints/background/continue';
import type { Message } from '@/lib/messaging';
import { allEvents } from '@/lib/db/event-store';
import { createDb } from '@/lib/db/schema';
import { ALLOWANCES_KEY, parseAllowances } from '@/lib/guard/allowances';
import { recognise } from '@/lib/profiles';
import { defaultSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { stubBrowser } from './stub-browser';

let n = 0;
async function setup(change: (s: Settings) => Settings = (s) => s) {
  const s = stubBrowser();
  const r = recognise('https://www.instagram.com/jamie.doe/');
  const m = recognise('https://www.messenger.com/t/co.parent');
  const f = recognise('https://www.facebook.com/sam.lee');
  if (!r.ok || !m.ok || !f.ok) throw new Error('fixture');
  const settings: Settings = change({
    ...defaultSettings(),
    plan: { startDate: '2026-11-01', goalDays: 30, looksRestart: true },
    profiles: [
      { ...r.profile, mode: 'block', addedAt: 1 },
      { ...m.profile, mode: 'modified', addedAt: 2 },
      // Stored as Modified by an older version: a profile is never Modified.
      { ...f.profile, mode: 'modified', addedAt: 3 },
    ],
  });
  await s.api.storage.local.set({ [SETTINGS_KEY]: settings });
  const db = createDb(`continue-test-${++n}`);
  const handlers = continueHandlers(s.browser, createAllowOnce(s.browser), () => db);
  const call = (msg: Message<'continue'>, tabId?: number) =>
    handlers.continue!(msg, { tab: tabId === undefined ? undefined : { id: tabId } });
  return { s, db, call };
}

describe('Continue anyway', () => {
  it('on a listed profile logs one restarting look, however often it is sent', async () => {
    const { s, db, call } = await setup();
    const msg = {
      type: 'continue',
      url: 'https://www.instagram.com/jamie.doe/',
      dedupeKey: 'visit-1',
    } as const;
    const [a, b] = await Promise.all([call(msg, 5), call(msg, 5)]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    const events = await allEvents(db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'slip',
      what: 'looked-at-profile',
      restarted: true,
      profileId: 'instagram:jamie.doe',
    });
    expect(s.rules().length).toBeGreaterThan(0);
  });

  it('allows the profile once, in the sender tab, for the minutes the settings give', async () => {
    const { s, call } = await setup((x) => ({
      ...x,
      friction: { ...x.friction, allowMinutes: 7 },
    }));
    const before = Date.now();
    const r = await call(
      { type: 'continue', url: 'https://www.instagram.com/jamie.doe/', dedupeKey: 'k' },
      5,
    );
    if (!r.ok) throw new Error('expected ok');
    expect(r.until).toBeGreaterThanOrEqual(before + 7 * 60_000);
    const stored = (await s.api.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY];
    expect(parseAllowances(stored, before)).toMatchObject([
      { profileId: 'instagram:jamie.doe', tabId: 5, until: r.until },
    ]);
    expect(s.rules().every((rule) => rule.condition.tabIds?.[0] === 5)).toBe(true);
  });

  it('a look does not restart when the person chose so', async () => {
    const { db, call } = await setup((x) => ({ ...x, plan: { ...x.plan!, looksRestart: false } }));
    await call(
      { type: 'continue', url: 'https://www.instagram.com/jamie.doe/', dedupeKey: 'k' },
      5,
    );
    expect((await allEvents(db))[0]).toMatchObject({ kind: 'slip', restarted: false });
  });

  it('on a Modified conversation logs a necessary contact, which never restarts', async () => {
    const { db, call } = await setup();
    await call(
      { type: 'continue', url: 'https://www.messenger.com/t/co.parent', dedupeKey: 'k' },
      5,
    );
    const [e] = await allEvents(db);
    expect(e).toMatchObject({ kind: 'necessary-contact', profileId: 'messenger:co.parent' });
  });

  it('into a listed conversation is a message slip, which restarts even when looks do not', async () => {
    const { db, call } = await setup((x) => ({
      ...x,
      plan: { ...x.plan!, looksRestart: false },
      profiles: x.profiles.map((p) => (p.platform === 'messenger' ? { ...p, mode: 'block' } : p)),
    }));
    await call(
      { type: 'continue', url: 'https://www.messenger.com/t/co.parent', dedupeKey: 'k' },
      5,
    );
    const [e] = await allEvents(db);
    expect(e).toMatchObject({
      kind: 'slip',
      what: 'message',
      restarted: true,
      profileId: 'messenger:co.parent',
    });
  });

  it('on a profile stored as Modified logs a look that restarts, as on any profile', async () => {
    const { db, call } = await setup();
    await call({ type: 'continue', url: 'https://m.facebook.com/sam.lee', dedupeKey: 'k' }, 5);
    const [e] = await allEvents(db);
    expect(e).toMatchObject({
      kind: 'slip',
      what: 'looked-at-profile',
      restarted: true,
      profileId: 'facebook:sam.lee',
    });
  });

  it('refuses an address that is not a listed profile, or a sender without a tab, and logs nothing', async () => {
    const { s, db, call } = await setup();
    for (const url of [
      'https://www.instagram.com/someone.else/',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(await call({ type: 'continue', url, dedupeKey: url }, 5)).toMatchObject({ ok: false });
    }
    expect(
      await call({ type: 'continue', url: 'https://www.instagram.com/jamie.doe/', dedupeKey: 'z' }),
    ).toMatchObject({ ok: false });
    expect(await allEvents(db)).toHaveLength(0);
    expect(s.rules()).toHaveLength(0);
  });
});
