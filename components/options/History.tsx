import { useId, useState } from 'preact/hooks';
import type { Profile } from '@/lib/profiles/types';
import { SIGN_LABELS, type SignNoticed } from '@/lib/signs';
import type { LogEvent } from '@/lib/streak/events';
import type { Stats } from '@/lib/streak/stats';
import { DayChart } from './DayChart';
import { days, describeEvent, describeStreakEnd, formatDay, formatWhen } from './format';

const RANGES = [14, 30, 90] as const;
const PAGE = 50;

/**
 * Everything that happened, kept honestly: every streak (none is ever wiped), the days
 * kept in total, a chart of urges and slips, and the timeline of events.
 */
export function History({
  stats,
  events,
  profiles,
  signs = [],
}: {
  stats: Stats;
  /** Events to show on the timeline, newest first. */
  events: readonly LogEvent[];
  profiles: readonly Profile[];
  /** The signs it is working that were ticked, in the order noticed. */
  signs?: readonly SignNoticed[];
}) {
  const id = useId();
  const [range, setRange] = useState<number>(30);
  const [shown, setShown] = useState(PAGE);
  const streaks = [...stats.streaks].reverse();

  return (
    <>
      <section aria-labelledby={`${id}-totals`}>
        <h2 id={`${id}-totals`}>So far</h2>
        <dl class="totals">
          <div>
            <dt>Days kept in total</dt>
            <dd>{stats.totalDaysKept}</dd>
          </div>
          <div>
            <dt>Longest streak</dt>
            <dd>{days(stats.longestStreak)}</dd>
          </div>
          <div>
            <dt>Urges resisted</dt>
            <dd>{stats.totals.urgesResisted}</dd>
          </div>
          <div>
            <dt>Slips</dt>
            <dd>{stats.totals.slips}</dd>
          </div>
        </dl>
        <p class="muted">
          A slip starts a new streak; it never takes away the days you already kept.
        </p>
      </section>

      <section aria-labelledby={`${id}-chart`}>
        <h2 id={`${id}-chart`}>Urges and slips per day</h2>
        <div class="field inline">
          <label for={`${id}-range`}>Show the last</label>
          <select
            id={`${id}-range`}
            value={String(range)}
            onChange={(e) => setRange(Number(e.currentTarget.value))}
          >
            {RANGES.map((r) => (
              <option key={r} value={String(r)}>
                {r} days
              </option>
            ))}
          </select>
        </div>
        <DayChart perDay={stats.perDay} today={stats.today} days={range} />
      </section>

      <section aria-labelledby={`${id}-streaks`}>
        <h2 id={`${id}-streaks`}>Every streak</h2>
        {streaks.length === 0 ? (
          <p>No streaks yet. Your first begins on the start date of your plan.</p>
        ) : (
          <table class="streaks">
            <caption class="visually-hidden">Every streak, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Last day</th>
                <th scope="col">Days kept</th>
                <th scope="col">How it ended</th>
              </tr>
            </thead>
            <tbody>
              {streaks.map((s) => (
                <tr key={s.start}>
                  <td>{formatDay(s.start)}</td>
                  <td>{s.endedBy ? formatDay(s.lastDay) : 'Today'}</td>
                  <td>{days(s.days)}</td>
                  <td>
                    {describeStreakEnd(s.endedBy)}
                    {/* The day the person was on when it ended: what "longest" counts. */}
                    {s.endedBy && s.endedBy.kind !== 'new-plan' && `, on day ${s.reachedDay}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby={`${id}-signs`}>
        <h2 id={`${id}-signs`}>Signs it is working</h2>
        {signs.length === 0 ? (
          <p>
            None ticked. That is normal; <a href="#signs">the checklist</a> is there if you notice
            one.
          </p>
        ) : (
          <ul class="signs-noticed" aria-label="Signs you noticed">
            {signs.map((s) => (
              <li key={s.sign}>
                <time dateTime={s.noticedOn}>{formatDay(s.noticedOn)}</time>: {SIGN_LABELS[s.sign]}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${id}-timeline`}>
        <h2 id={`${id}-timeline`}>Timeline</h2>
        {events.length === 0 ? (
          <p>Nothing logged yet.</p>
        ) : (
          <>
            <ol class="timeline" aria-label="Timeline">
              {events.slice(0, shown).map((e) => (
                <li key={e.id}>
                  <time dateTime={new Date(e.time).toISOString()}>{formatWhen(e.time)}</time>{' '}
                  <span>{describeEvent(e, profiles)}</span>
                  {(e.kind === 'slip' ||
                    e.kind === 'necessary-contact' ||
                    e.kind === 'they-reached-out') &&
                    e.note && <p class="note">{e.note}</p>}
                </li>
              ))}
            </ol>
            {events.length > shown && (
              <button type="button" onClick={() => setShown((n) => n + PAGE)}>
                Show earlier events
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
