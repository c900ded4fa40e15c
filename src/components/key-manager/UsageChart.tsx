/**
 * Requests per day as bars, errors stacked in a second colour: hand-written SVG drawn with the
 * theme's colours (so it reads in light and dark), with a text summary as its accessible name
 * and the same numbers as a table for anyone who prefers them.
 */
import { useId } from 'react';
import DataTable from '../widgets/DataTable.tsx';

export interface DayCount {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  requests: number;
  errors: number;
}

const WIDTH = 320;
const HEIGHT = 120;
const AXIS = 18;

/** The last `days` days up to `today`, with zero for days without requests. */
export function lastDays(perDay: readonly DayCount[], todayMs: number, days = 7): DayCount[] {
  const byDate = new Map(perDay.map((d) => [d.date, d]));
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(todayMs - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return byDate.get(date) ?? { date, requests: 0, errors: 0 };
  });
}

const shortDate = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export default function UsageChart({ days }: { days: DayCount[] }) {
  const titleId = useId();
  const total = days.reduce((sum, d) => sum + d.requests, 0);
  const errors = days.reduce((sum, d) => sum + d.errors, 0);
  const max = Math.max(1, ...days.map((d) => d.requests));
  const slot = WIDTH / days.length;
  const bar = Math.min(28, slot * 0.6);
  const scale = (value: number) => (value / max) * (HEIGHT - AXIS - 14);
  const summary =
    `Requests per day over the last ${days.length} days: ${total} in total, ${errors} of them errors. ` +
    days.map((d) => `${shortDate(d.date)}: ${d.requests}${d.errors ? ` (${d.errors} errors)` : ''}`).join('; ') +
    '.';

  return (
    <figure className="kp-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        className="kp-chart__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{summary}</title>
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="kp-chart__axis" />
        {total > 0 && (
          <text x={2} y={10} className="kp-chart__label">
            {max} max
          </text>
        )}
        {days.map((d, i) => {
          const x = i * slot + (slot - bar) / 2;
          const h = scale(d.requests);
          const e = scale(d.errors);
          return (
            <g key={d.date}>
              <rect x={x} y={HEIGHT - AXIS - h} width={bar} height={h - e} className="kp-chart__ok" />
              {e > 0 && <rect x={x} y={HEIGHT - AXIS - e} width={bar} height={e} className="kp-chart__error" />}
              <text x={x + bar / 2} y={HEIGHT - 4} textAnchor="middle" className="kp-chart__label">
                {shortDate(d.date).replace(/^\w+ /, '')}
              </text>
              {d.requests > 0 && (
                <text x={x + bar / 2} y={HEIGHT - AXIS - h - 3} textAnchor="middle" className="kp-chart__label">
                  {d.requests}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="kp-chart__legend">
        <span className="kp-swatch kp-swatch--ok" aria-hidden="true" /> successful requests{' '}
        <span className="kp-swatch kp-swatch--error" aria-hidden="true" /> errors
      </figcaption>
      <details className="kp-details">
        <summary>Requests per day as a table</summary>
        <DataTable
          columns={[
            { header: 'Day (UTC)', rowHeader: true, cell: (d) => shortDate(d.date) },
            { header: 'Requests', cell: (d) => d.requests },
            { header: 'Errors', cell: (d) => d.errors },
          ]}
          rows={days}
          rowKey={(d) => d.date}
        />
      </details>
    </figure>
  );
}
