import { useId, useState } from 'preact/hooks';
import { t, tWith } from '@/lib/i18n';
import type { Profile } from '@/lib/profiles/types';
import type { SignNoticed } from '@/lib/signs';
import type { LogEvent } from '@/lib/streak/log-event';
import type { Stats } from '@/lib/streak/stats';
import { DayChart } from './DayChart';
import { formatCivilDate, formatMoment } from '@/lib/format-date';
import { SIGN_LABELS, days, describeEvent, describeStreakEnd } from './format';

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
        <h2 id={`${id}-totals`}>{t('historySoFar')}</h2>
        <dl class="totals">
          <div>
            <dt>{t('historyDaysKept')}</dt>
            <dd>{stats.totalDaysKept}</dd>
          </div>
          <div>
            <dt>{t('historyLongest')}</dt>
            <dd>{days(stats.longestStreak)}</dd>
          </div>
          <div>
            <dt>{t('historyUrges')}</dt>
            <dd>{stats.totals.urgesResisted}</dd>
          </div>
          {stats.urgesToWrite > 0 && (
            <>
              <div>
                <dt>{t('historyUrgesToLook')}</dt>
                <dd>{stats.totals.urgesResisted - stats.urgesToWrite}</dd>
              </div>
              <div>
                <dt>{t('historyUrgesToWrite')}</dt>
                <dd>{stats.urgesToWrite}</dd>
              </div>
            </>
          )}
          <div>
            <dt>{t('historySlips')}</dt>
            <dd>{stats.totals.slips}</dd>
          </div>
        </dl>
        <p class="muted">{t('historySlipNote')}</p>
      </section>

      <section aria-labelledby={`${id}-chart`}>
        <h2 id={`${id}-chart`}>{t('historyChartTitle')}</h2>
        <div class="field inline">
          <label for={`${id}-range`}>{t('historyRange')}</label>
          <select
            id={`${id}-range`}
            value={String(range)}
            onChange={(e) => setRange(Number(e.currentTarget.value))}
          >
            {RANGES.map((r) => (
              <option key={r} value={String(r)}>
                {days(r)}
              </option>
            ))}
          </select>
        </div>
        <DayChart perDay={stats.perDay} today={stats.today} days={range} />
      </section>

      <section aria-labelledby={`${id}-streaks`}>
        <h2 id={`${id}-streaks`}>{t('historyStreaks')}</h2>
        {streaks.length === 0 ? (
          <p>{t('historyNoStreaks')}</p>
        ) : (
          <table class="streaks">
            <caption class="visually-hidden">{t('historyStreaksCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('historyStarted')}</th>
                <th scope="col">{t('historyLastDay')}</th>
                <th scope="col">{t('historyDaysKeptColumn')}</th>
                <th scope="col">{t('historyHowEnded')}</th>
              </tr>
            </thead>
            <tbody>
              {streaks.map((s) => (
                <tr key={s.start}>
                  <td>{formatCivilDate(s.start)}</td>
                  <td>{s.endedBy ? formatCivilDate(s.lastDay) : t('historyToday')}</td>
                  <td>{days(s.days)}</td>
                  <td>
                    {describeStreakEnd(s.endedBy)}
                    {/* The day the person was on when it ended: what "longest" counts. */}
                    {s.endedBy && s.endedBy.kind !== 'new-plan' && t('historyOnDay', s.reachedDay)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby={`${id}-signs`}>
        <h2 id={`${id}-signs`}>{t('historySigns')}</h2>
        {signs.length === 0 ? (
          <p>{tWith('historyNoSigns', <a href="#signs">{t('historyChecklistLink')}</a>)}</p>
        ) : (
          <ul class="signs-noticed" aria-label={t('historySignsLabel')}>
            {signs.map((s) => (
              <li key={s.sign}>
                {tWith(
                  'historySignNoticed',
                  <time dateTime={s.noticedOn}>{formatCivilDate(s.noticedOn)}</time>,
                  SIGN_LABELS[s.sign],
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${id}-timeline`}>
        <h2 id={`${id}-timeline`}>{t('historyTimeline')}</h2>
        {events.length === 0 ? (
          <p>{t('historyNothingLogged')}</p>
        ) : (
          <>
            <ol class="timeline" aria-label={t('historyTimeline')}>
              {events.slice(0, shown).map((e) => (
                <li key={e.id}>
                  <time dateTime={new Date(e.time).toISOString()}>{formatMoment(e.time)}</time>{' '}
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
                {t('historyShowEarlier')}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
