import { describe, expect, it } from 'vitest';
import {
  applyDue,
  cancelPending,
  classify,
  nextDueAt,
  pendingForProfile,
  propose,
  type Proposal,
} from '@/lib/cooling-off';
import type { Profile } from '@/lib/profiles/types';
import {
  COOLING_OFF_MS,
  DEFAULT_FRICTION,
  defaultSettings,
  readSettingsValue,
  type Settings,
} from '@/lib/settings';

const HOUR = 60 * 60 * 1000;

/** The injected clock: every function under test is given `clock.now()` and nothing else. */
function testClock(start = Date.parse('2026-03-14T21:30:00Z')) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

function ids() {
  let n = 0;
  return () => `change-${++n}`;
}

const profile = (handle: string, mode: Profile['mode'] = 'block'): Profile => ({
  id: `instagram:${handle}`,
  platform: 'instagram',
  key: handle,
  display: `Instagram · @${handle}`,
  url: `https://www.instagram.com/${handle}/`,
  mode,
  addedAt: Date.parse('2026-03-01T10:00:00Z'),
});

/** A listed Messenger conversation: the only kind of entry that may be Modified. */
const chat = (handle: string, mode: Profile['mode'] = 'block'): Profile => ({
  id: `messenger:${handle}`,
  platform: 'messenger',
  key: handle,
  display: `Messenger · ${handle}`,
  url: `https://www.messenger.com/t/${handle}`,
  mode,
  addedAt: Date.parse('2026-03-01T10:00:00Z'),
});

function base(): Settings {
  return {
    ...defaultSettings(),
    plan: { startDate: '2026-03-01', goalDays: 30, looksRestart: true },
    profiles: [profile('jamie.doe'), chat('co.parent', 'modified'), chat('jamie.doe')],
  };
}

describe('cooling-off: what lowers protection waits 24 hours', () => {
  it('removing a profile waits, keeps it listed, and applies exactly at the due time', () => {
    const clock = testClock();
    const r = propose(
      base(),
      { kind: 'remove-profile', profileId: 'instagram:jamie.doe' },
      clock.now(),
      ids(),
    );
    expect(r.outcome).toBe('pending');
    expect(r.settings.profiles.map((p) => p.id)).toContain('instagram:jamie.doe');
    expect(r.pending?.dueAt).toBe(clock.now() + COOLING_OFF_MS);
    expect(pendingForProfile(r.settings, 'instagram:jamie.doe')).toHaveLength(1);

    clock.advance(24 * HOUR - 1);
    const early = applyDue(r.settings, clock.now());
    expect(early.applied).toEqual([]);
    expect(early.settings).toBe(r.settings);

    clock.advance(1);
    const due = applyDue(r.settings, clock.now());
    expect(due.applied.map((p) => p.id)).toEqual([r.pending!.id]);
    expect(due.settings.profiles.map((p) => p.id)).toEqual([
      'messenger:co.parent',
      'messenger:jamie.doe',
    ]);
    expect(due.settings.pending).toEqual([]);
    expect(due.removedProfiles.map((p) => p.id)).toEqual(['instagram:jamie.doe']);
  });

  it('a cancelled change never applies, however late it gets', () => {
    const clock = testClock();
    const r = propose(
      base(),
      { kind: 'remove-profile', profileId: 'instagram:jamie.doe' },
      clock.now(),
      ids(),
    );
    clock.advance(3 * HOUR);
    const cancelled = cancelPending(r.settings, r.pending!.id);
    expect(cancelled.pending).toEqual([]);
    clock.advance(30 * 24 * HOUR);
    const later = applyDue(cancelled, clock.now());
    expect(later.applied).toEqual([]);
    expect(later.settings.profiles.map((p) => p.id)).toContain('instagram:jamie.doe');
  });

  it('asking again for the same removal neither delays nor hastens it', () => {
    const clock = testClock();
    const first = propose(
      base(),
      { kind: 'remove-profile', profileId: 'instagram:jamie.doe' },
      clock.now(),
      ids(),
    );
    clock.advance(5 * HOUR);
    const again = propose(
      first.settings,
      { kind: 'remove-profile', profileId: 'instagram:jamie.doe' },
      clock.now(),
      ids(),
    );
    expect(again.settings.pending).toHaveLength(1);
    expect(again.pending?.dueAt).toBe(first.pending?.dueAt);
  });

  it('switching a conversation to Modified waits, then applies', () => {
    const clock = testClock();
    const r = propose(
      base(),
      { kind: 'set-mode', profileId: 'messenger:jamie.doe', mode: 'modified' },
      clock.now(),
      ids(),
    );
    expect(r.outcome).toBe('pending');
    expect(r.settings.profiles.find((p) => p.id === 'messenger:jamie.doe')?.mode).toBe('block');
    clock.advance(COOLING_OFF_MS);
    const due = applyDue(r.settings, clock.now());
    expect(due.settings.profiles.find((p) => p.id === 'messenger:jamie.doe')?.mode).toBe(
      'modified',
    );
  });

  it('a profile (not a conversation) is never made Modified: asking changes nothing', () => {
    const s = base();
    const r = propose(
      s,
      { kind: 'set-mode', profileId: 'instagram:jamie.doe', mode: 'modified' },
      Date.parse('2026-03-10T10:00:00Z'),
      ids(),
    );
    expect(r.outcome).toBe('unchanged');
    expect(r.settings).toBe(s);
  });

  it('a profile added as Modified is added blocked; a conversation keeps Modified', () => {
    const now = Date.parse('2026-03-10T10:00:00Z');
    const a = propose(
      base(),
      { kind: 'add-profile', profile: profile('new.one', 'modified') },
      now,
      ids(),
    );
    expect(a.settings.profiles.find((p) => p.id === 'instagram:new.one')?.mode).toBe('block');
    const b = propose(
      base(),
      { kind: 'add-profile', profile: chat('new.one', 'modified') },
      now,
      ids(),
    );
    expect(b.settings.profiles.find((p) => p.id === 'messenger:new.one')?.mode).toBe('modified');
  });

  it('a shorter pause and the phrase turned off wait; the friction stays until then', () => {
    const clock = testClock();
    const s = base();
    const r = propose(
      s,
      {
        kind: 'set-friction',
        friction: { ...DEFAULT_FRICTION, pauseSeconds: 3, phraseRequired: false },
      },
      clock.now(),
      ids(),
    );
    expect(r.outcome).toBe('pending');
    expect(r.settings.friction).toEqual(DEFAULT_FRICTION);
    clock.advance(COOLING_OFF_MS);
    const due = applyDue(r.settings, clock.now());
    expect(due.settings.friction).toEqual({
      ...DEFAULT_FRICTION,
      pauseSeconds: 3,
      phraseRequired: false,
    });
  });

  it('a longer "allow once" counts as lowering protection', () => {
    expect(
      classify(base(), {
        kind: 'set-friction',
        friction: { ...DEFAULT_FRICTION, allowMinutes: 30 },
      }),
    ).toBe('weakens');
  });

  it('ending the plan waits; a new reason keeps the original time', () => {
    const clock = testClock();
    const r = propose(base(), { kind: 'end-plan', reason: 'goal-reached' }, clock.now(), ids());
    expect(r.outcome).toBe('pending');
    expect(r.settings.plan).not.toBeNull();
    clock.advance(2 * HOUR);
    const again = propose(
      r.settings,
      { kind: 'end-plan', reason: 'reconciled' },
      clock.now(),
      ids(),
    );
    expect(again.settings.pending).toHaveLength(1);
    expect(again.pending?.dueAt).toBe(r.pending?.dueAt);
    clock.advance(COOLING_OFF_MS - 2 * HOUR);
    const due = applyDue(again.settings, clock.now());
    expect(due.settings.plan).toBeNull();
    expect(due.applied[0]?.change).toEqual({ kind: 'end-plan', reason: 'reconciled' });
  });

  it('applies only the changes that are due, oldest first, and reports the next time', () => {
    const clock = testClock();
    const next = ids();
    const a = propose(
      base(),
      { kind: 'set-mode', profileId: 'messenger:jamie.doe', mode: 'modified' },
      clock.now(),
      next,
    );
    clock.advance(6 * HOUR);
    const b = propose(
      a.settings,
      { kind: 'remove-profile', profileId: 'instagram:jamie.doe' },
      clock.now(),
      next,
    );
    expect(nextDueAt(b.settings)).toBe(a.pending?.dueAt);
    clock.advance(COOLING_OFF_MS - 6 * HOUR);
    const first = applyDue(b.settings, clock.now());
    expect(first.applied.map((p) => p.change.kind)).toEqual(['switch-to-modified']);
    expect(nextDueAt(first.settings)).toBe(b.pending?.dueAt);
    clock.advance(6 * HOUR);
    const second = applyDue(first.settings, clock.now());
    expect(second.settings.profiles.map((p) => [p.id, p.mode])).toEqual([
      ['messenger:co.parent', 'modified'],
      ['messenger:jamie.doe', 'modified'],
    ]);
    expect(nextDueAt(second.settings)).toBeNull();
  });

  it('removing a profile also drops anything else still waiting for it', () => {
    const clock = testClock();
    const next = ids();
    const a = propose(
      base(),
      { kind: 'remove-profile', profileId: 'messenger:jamie.doe' },
      clock.now(),
      next,
    );
    clock.advance(HOUR);
    const b = propose(
      a.settings,
      { kind: 'set-mode', profileId: 'messenger:jamie.doe', mode: 'modified' },
      clock.now(),
      next,
    );
    clock.advance(COOLING_OFF_MS - HOUR);
    const due = applyDue(b.settings, clock.now());
    expect(due.settings.pending).toEqual([]);
  });
});

describe('cooling-off: what raises protection applies at once', () => {
  const clock = testClock();
  const cases: Array<[string, Proposal]> = [
    ['adding a profile', { kind: 'add-profile', profile: profile('new.one') }],
    [
      'switching a Modified conversation back to block',
      { kind: 'set-mode', profileId: 'messenger:co.parent', mode: 'block' },
    ],
    [
      'a longer pause',
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION, pauseSeconds: 30 } },
    ],
    [
      'a shorter "allow once"',
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION, allowMinutes: 2 } },
    ],
  ];
  for (const [what, proposal] of cases) {
    it(`${what}: no waiting`, () => {
      expect(classify(base(), proposal)).toBe('strengthens');
      const r = propose(base(), proposal, clock.now(), ids());
      expect(r.outcome).toBe('applied');
      expect(r.settings.pending).toEqual([]);
      expect(r.settings).not.toEqual(base());
    });
  }

  it('turning the phrase back on applies at once', () => {
    const s = { ...base(), friction: { ...DEFAULT_FRICTION, phraseRequired: false } };
    const r = propose(s, { kind: 'set-friction', friction: DEFAULT_FRICTION }, clock.now(), ids());
    expect(r.outcome).toBe('applied');
    expect(r.settings.friction.phraseRequired).toBe(true);
  });

  it('a mixed friction change applies the stronger part now and queues the rest', () => {
    const c = testClock();
    const r = propose(
      base(),
      {
        kind: 'set-friction',
        friction: { ...DEFAULT_FRICTION, pauseSeconds: 40, phraseRequired: false },
      },
      c.now(),
      ids(),
    );
    expect(r.outcome).toBe('partly-pending');
    expect(r.settings.friction).toEqual({ ...DEFAULT_FRICTION, pauseSeconds: 40 });
    c.advance(COOLING_OFF_MS);
    expect(applyDue(r.settings, c.now()).settings.friction).toEqual({
      ...DEFAULT_FRICTION,
      pauseSeconds: 40,
      phraseRequired: false,
    });
  });

  it('a stronger choice made later is never undone by an earlier waiting request', () => {
    const c = testClock();
    const next = ids();
    const lower = propose(
      base(),
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION, pauseSeconds: 0 } },
      c.now(),
      next,
    );
    c.advance(HOUR);
    const raise = propose(
      lower.settings,
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION, pauseSeconds: 45 } },
      c.now(),
      next,
    );
    expect(raise.outcome).toBe('applied');
    expect(raise.settings.friction.pauseSeconds).toBe(45);
    // The waiting request had only the pause to lower, so it is gone.
    expect(raise.settings.pending).toEqual([]);
    c.advance(2 * COOLING_OFF_MS);
    expect(applyDue(raise.settings, c.now()).settings.friction.pauseSeconds).toBe(45);
  });

  it('lowering another field restarts the wait for the whole waiting friction change', () => {
    const c = testClock();
    const next = ids();
    const first = propose(
      base(),
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION, pauseSeconds: 5 } },
      c.now(),
      next,
    );
    c.advance(20 * HOUR);
    const second = propose(
      first.settings,
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION, phraseRequired: false } },
      c.now(),
      next,
    );
    expect(second.settings.pending).toHaveLength(1);
    expect(second.pending?.dueAt).toBe(c.now() + COOLING_OFF_MS);
    // The pause left as it is in the form keeps its waiting value.
    expect(second.pending?.change).toEqual({
      kind: 'lower-friction',
      friction: { ...DEFAULT_FRICTION, pauseSeconds: 5, phraseRequired: false },
    });
    c.advance(4 * HOUR);
    expect(applyDue(second.settings, c.now()).applied).toEqual([]);
  });

  it('the same values as now change nothing', () => {
    const s = base();
    const r = propose(
      s,
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION } },
      clock.now(),
      ids(),
    );
    expect(r.outcome).toBe('unchanged');
    expect(r.settings).toBe(s);
  });
});

describe('cooling-off: waiting changes survive storage', () => {
  it('every kind of waiting change reads back from stored settings unchanged', () => {
    const c = testClock();
    const next = ids();
    let s = base();
    for (const p of [
      { kind: 'remove-profile', profileId: 'instagram:jamie.doe' },
      { kind: 'set-mode', profileId: 'messenger:jamie.doe', mode: 'modified' },
      { kind: 'set-friction', friction: { ...DEFAULT_FRICTION, phraseRequired: false } },
      { kind: 'end-plan', reason: 'no-longer-needed' },
    ] as Proposal[]) {
      s = propose(s, p, c.now(), next).settings;
    }
    expect(s.pending).toHaveLength(4);
    const read = readSettingsValue(JSON.parse(JSON.stringify(s)));
    expect(read.problems).toEqual([]);
    expect(read.settings.pending).toEqual(s.pending);
  });
});
