// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DayChart } from '@/components/options/DayChart';
import { History } from '@/components/options/History';
import { computeStats } from '@/lib/streak/stats';
import { at, slip, urge } from '../fixtures/events';
import { PLAN } from '../popup/summary-fixture';

const TZ = 'Europe/Berlin';

afterEach(cleanup);

describe('the history of streaks', () => {
  it('shows each streak with its days kept and the day it ended on', () => {
    const events = [
      urge('2024-05-02T09:00:00+02:00', TZ),
      slip('2024-05-06T21:00:00+02:00', TZ, { what: 'call' }),
    ];
    const stats = computeStats({
      plan: PLAN,
      events,
      now: at('2024-05-08T12:00:00+02:00'),
      timeZone: TZ,
    });
    render(<History stats={stats} events={[...events].reverse()} profiles={[]} />);
    const table = screen.getByRole('table', { name: /streak/i });
    const rows = within(table).getAllByRole('row').slice(1);
    // Newest first: the running streak (6 to 8 May), then the one the call ended on day 6.
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('3 days'),
      expect.stringMatching(/5 days.*on day 6/),
    ]);
    expect(rows[0]!.textContent).toContain('Still going');
    // The longest streak is the day reached; the days kept in total count each day once.
    expect(screen.getByText('Longest streak').nextElementSibling?.textContent).toBe('6 days');
    expect(screen.getByText('Days kept in total').nextElementSibling?.textContent).toBe('8');
  });
});

describe('urges to write and to look', () => {
  it('are shown apart under the urges once a conversation turned someone back', () => {
    const events = [
      urge('2024-05-02T09:00:00+02:00', TZ),
      { ...urge('2024-05-03T09:00:00+02:00', TZ), profileId: 'messenger:co.parent' },
      { ...urge('2024-05-04T09:00:00+02:00', TZ), profileId: 'instagram:jamie.doe' },
    ];
    const stats = computeStats({
      plan: PLAN,
      events,
      now: at('2024-05-08T12:00:00+02:00'),
      timeZone: TZ,
    });
    render(<History stats={stats} events={[...events].reverse()} profiles={[]} />);
    const value = (term: string) =>
      [...document.querySelectorAll('dl.totals dt')].find((d) => d.textContent === term)
        ?.nextElementSibling?.textContent;
    expect(value('Urges resisted')).toBe('3');
    expect(value('of them, urges to look')).toBe('2');
    expect(value('of them, urges to write')).toBe('1');
    cleanup();
    const looks = computeStats({
      plan: PLAN,
      events: events.slice(0, 1),
      now: at('2024-05-08T12:00:00+02:00'),
      timeZone: TZ,
    });
    render(<History stats={looks} events={events.slice(0, 1)} profiles={[]} />);
    expect(screen.queryByText('of them, urges to write')).toBeNull();
  });
});

describe('the chart of urges and slips per day', () => {
  /** The dates under the bars, as shown. */
  const axis = (locale: string) => {
    const { container } = render(
      <DayChart
        perDay={[{ date: '2024-05-04', urgesResisted: 2, slips: 1, necessaryContacts: 0 }]}
        today="2024-05-08"
        days={14}
        locale={locale}
      />,
    );
    const labels = [...container.querySelectorAll('g:not([aria-hidden]) > text.axis')].map(
      (t) => t.textContent,
    );
    cleanup();
    return labels;
  };

  it("writes the axis's dates in the person's locale", () => {
    expect(axis('en-US')).toEqual(['4/25', '4/28', '5/1', '5/4', '5/7', '5/8']);
    expect(axis('en-GB')).toEqual(['25/04', '28/04', '01/05', '04/05', '07/05', '08/05']);
  });

  it('names each bar with its whole date', () => {
    const { container } = render(
      <DayChart
        perDay={[{ date: '2024-05-04', urgesResisted: 2, slips: 1, necessaryContacts: 0 }]}
        today="2024-05-08"
        days={14}
        locale="en-GB"
      />,
    );
    const titles = [...container.querySelectorAll('rect title')].map((t) => t.textContent);
    expect(titles).toHaveLength(2);
    for (const title of titles) expect(title).toContain('4 May 2024');
  });
});
