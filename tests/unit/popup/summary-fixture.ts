import type { PopupProps } from '@/components/popup/Popup';
import { vi } from 'vitest';
import type { Plan } from '@/lib/settings';
import type { LogEvent } from '@/lib/streak/log-event';
import { computeStats } from '@/lib/streak/stats';
import type { Summary } from '@/lib/streak/stats';
import { at, slip, urge } from '../fixtures/events';

export const TZ = 'Europe/Berlin';
export const PLAN: Plan = { startDate: '2024-05-01', goalDays: 30, looksRestart: true };

/**
 * A plan from 1 May; a restarting slip on 6 May (the first streak kept 5 days and reached
 * day 6); today is 8 May, day 3 of the current streak; 2 urges resisted today, 3 in all.
 */
export function summaryFixture(): Summary {
  const events: LogEvent[] = [
    urge('2024-05-02T09:00:00+02:00', TZ),
    slip('2024-05-06T21:00:00+02:00', TZ),
    urge('2024-05-08T08:00:00+02:00', TZ),
    urge('2024-05-08T09:30:00+02:00', TZ),
  ];
  const { perDay: _perDay, ...summary } = computeStats({
    plan: PLAN,
    events,
    now: at('2024-05-08T12:00:00+02:00'),
    timeZone: TZ,
  });
  return summary;
}

/** The summary of a given plan on a day with nothing logged. */
export function quietSummary(plan: Plan | null, nowIso: string): Summary {
  const { perDay: _perDay, ...summary } = computeStats({
    plan,
    events: [],
    now: at(nowIso),
    timeZone: TZ,
  });
  return summary;
}

/** The popup's props with every handler a mock and the numbers of summaryFixture(). */
export function popupProps(over: Partial<PopupProps> = {}): PopupProps {
  return {
    summary: summaryFixture(),
    weaknesses: [],
    celebration: null,
    onUrge: vi.fn(() => Promise.resolve('urge-1')),
    onSlip: vi.fn(() => Promise.resolve({ eventId: 'slip-1', restarted: true })),
    onNecessary: vi.fn(() => Promise.resolve('necessary-1')),
    when: {
      check: () => ({ ok: true as const, at: undefined }),
      defaultTime: '12:00',
      today: '2026-03-10',
    },
    onUndo: vi.fn(() => Promise.resolve(true)),
    onReachedOut: vi.fn(() => Promise.resolve()),
    onReply: vi.fn(() => Promise.resolve('Logged as necessary contact. Your count goes on.')),
    onDrafts: vi.fn(),
    onEndPlan: vi.fn(),
    onSetup: vi.fn(),
    onSettings: vi.fn(),
    onRestoreAccess: vi.fn(),
    locale: 'en-GB',
    ...over,
  };
}
