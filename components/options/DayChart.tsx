import { useId } from 'preact/hooks';
import { plural, t } from '@/lib/i18n';
import { formatCivilDate } from '@/lib/format-date';
import { addDays, type CivilDate } from '@/lib/streak/calendar';
import type { DayCount } from '@/lib/streak/stats';

const W = 640;
const H = 200;
const PAD = { left: 32, right: 8, top: 12, bottom: 28 };

/** The dates of the window ending today, oldest first. */
export function windowDates(today: CivilDate, days: number): CivilDate[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
}

const urges = (n: number) => plural(n, 'urgesOne', 'urgesOther');
const slips = (n: number) => plural(n, 'slipsOne', 'slipsOther');

/**
 * Urges resisted and slips per day, as bars drawn by hand in SVG (no chart library: a few
 * rectangles need no dependency). The same numbers are in a table beside it for screen
 * readers and for anyone who prefers figures. Urges come first and in the calm colour:
 * every one of them is a small win.
 */
export function DayChart({
  perDay,
  today,
  days,
  locale,
}: {
  perDay: readonly DayCount[];
  today: CivilDate;
  days: number;
  /** The dates' locale; the browser's by default (tests choose theirs). */
  locale?: string;
}) {
  const id = useId();
  const formatDay = (d: CivilDate) => formatCivilDate(d, 'date', locale);
  const dates = windowDates(today, days);
  const byDate = new Map(perDay.map((d) => [d.date, d]));
  const shown = dates.map((date) => {
    const d = byDate.get(date);
    return { date, urges: d?.urgesResisted ?? 0, slips: d?.slips ?? 0 };
  });
  const max = Math.max(1, ...shown.map((d) => Math.max(d.urges, d.slips)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / days;
  const bar = Math.max(1, slot * 0.38);
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const totalUrges = shown.reduce((n, d) => n + d.urges, 0);
  const totalSlips = shown.reduce((n, d) => n + d.slips, 0);
  const first = dates[0]!;
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  const labelEvery = Math.ceil(days / 6);

  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="day-chart"
        data-days={days}
      >
        <title id={`${id}-title`}>{t('chartTitle')}</title>
        <desc id={`${id}-desc`}>
          {t('chartDesc', formatDay(first), formatDay(today), urges(totalUrges), slips(totalSlips))}
        </desc>
        {ticks.map((tick) => (
          <g key={`t${tick}`} aria-hidden="true">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} class="grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end" class="axis">
              {tick}
            </text>
          </g>
        ))}
        {shown.map((d, i) => {
          const x = PAD.left + i * slot + (slot - 2 * bar) / 2;
          return (
            <g key={d.date}>
              {d.urges > 0 && (
                <rect
                  class="bar-urge"
                  x={x}
                  y={y(d.urges)}
                  width={bar}
                  height={plotH - (y(d.urges) - PAD.top)}
                  data-date={d.date}
                  data-kind="urges"
                  data-count={d.urges}
                >
                  <title>{t('chartUrgesOn', formatDay(d.date), urges(d.urges))}</title>
                </rect>
              )}
              {d.slips > 0 && (
                <rect
                  class="bar-slip"
                  x={x + bar}
                  y={y(d.slips)}
                  width={bar}
                  height={plotH - (y(d.slips) - PAD.top)}
                  data-date={d.date}
                  data-kind="slips"
                  data-count={d.slips}
                >
                  <title>{t('chartSlipsOn', formatDay(d.date), slips(d.slips))}</title>
                </rect>
              )}
              {(i % labelEvery === 0 || i === days - 1) && (
                <text
                  aria-hidden="true"
                  x={PAD.left + i * slot + slot / 2}
                  y={H - 8}
                  text-anchor="middle"
                  class="axis"
                >
                  {formatCivilDate(d.date, 'day-month', locale)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="swatch swatch-urge" aria-hidden="true" /> {t('chartLegendUrges')}{' '}
        <span class="swatch swatch-slip" aria-hidden="true" /> {t('chartLegendSlips')}
      </figcaption>
      <details>
        <summary>{t('chartShowNumbers')}</summary>
        {totalUrges + totalSlips === 0 ? (
          <p>{t('chartNothing')}</p>
        ) : (
          <table>
            <caption class="visually-hidden">{t('chartTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chartDay')}</th>
                <th scope="col">{t('chartLegendUrges')}</th>
                <th scope="col">{t('chartLegendSlips')}</th>
              </tr>
            </thead>
            <tbody>
              {shown
                .filter((d) => d.urges || d.slips)
                .map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{formatDay(d.date)}</th>
                    <td>{d.urges}</td>
                    <td>{d.slips}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
