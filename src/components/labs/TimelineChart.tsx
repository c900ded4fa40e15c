/**
 * A burst on a timeline, hand-written SVG in the theme's colours: one mark per answer in a strip
 * at the top (a dot for success, a cross for 429, hollow when the SDK retried it), the remaining
 * quota as a step line below, dashed lines where the rate-limit window resets, and shaded spans
 * where the client waited. Its accessible name is the run in words; the table holds every number.
 */
import { useId } from 'react';
import type { BurstRun } from './burst.ts';
import LabChart from './LabChart.tsx';
import { useChartWidth } from './use-chart-width.ts';

const H = 230;
const LEFT = 50;
const RIGHT = 12;
const STRIP = 14;
const TOP = 46;
const BOTTOM = 36;

function ticks(maxMs: number, most: number): number[] {
  const seconds = maxMs / 1000;
  const step = [1, 2, 5, 10, 20, 30, 60].find((s) => seconds / s <= most) ?? 120;
  return Array.from({ length: Math.floor(seconds / step) + 1 }, (_, i) => i * step * 1000);
}

interface Props {
  run: BurstRun | null;
  /** The demo limit, for the y axis before any answer arrives. */
  limit: number;
  windowMs: number;
  label: string;
}

export default function TimelineChart({ run, limit, windowMs, label }: Props) {
  const id = useId();
  const { ref, width: W } = useChartWidth<HTMLElement>(640);
  const samples = run?.samples ?? [];
  const waits = run?.waits ?? [];
  const lastT = Math.max(0, ...samples.map((s) => s.t), ...waits.map((w) => w.end ?? w.start + w.ms));
  const domain = Math.max(windowMs, lastT + 500);
  const x = (t: number) => LEFT + (t / domain) * (W - LEFT - RIGHT);
  const inPlot = (px: number) => Math.min(Math.max(px, LEFT), W - RIGHT);
  const top = limit;
  const y = (remaining: number) => TOP + (1 - remaining / top) * (H - TOP - BOTTOM);
  const phase = run?.phaseMs ?? 0;
  const resets: number[] = [];
  for (let t = windowMs - phase; t <= domain; t += windowMs) resets.push(t);

  // The remaining quota as a step line: it holds until the next answer changes it.
  const points = samples.filter((s) => s.remaining !== null);
  const path = points
    .map((s, i) => {
      const px = x(s.t).toFixed(1);
      const py = y(s.remaining!).toFixed(1);
      return i === 0 ? `M${px} ${py}` : `H${px} V${py}`;
    })
    .join(' ');

  return (
    <LabChart
      frame={{ ref, width: W, height: H, titleId: `${id}-title`, label }}
      legend={
        <>
          <span>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <circle cx="6" cy="6" r="5" className="kp-lab-chart__ok" />
            </svg>{' '}
            success
          </span>
          <span>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <path d="M1 1 L11 11 M11 1 L1 11" className="kp-lab-chart__error" />
            </svg>{' '}
            429 Too Many Requests
          </span>
          {run?.kind === 'sdk' && (
            <span>
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <path d="M1 1 L11 11 M11 1 L1 11" className="kp-lab-chart__retried" />
              </svg>{' '}
              429, retried by the SDK
            </span>
          )}
          <span>
            <svg width="16" height="12" aria-hidden="true" focusable="false">
              <path d="M0 9 H6 V3 H16" className="kp-lab-chart__line" />
            </svg>{' '}
            remaining quota
          </span>
          <span>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <rect x="0" y="0" width="12" height="12" className="kp-lab-chart__wait" />
            </svg>{' '}
            waiting
          </span>
        </>
      }
    >
      {/* Waits first, so marks and lines sit on top of them. */}
      {waits.map((w, i) => {
        // Inside the axes: a wait still open, or ending after the last answer, stops at the axis's end.
        const from = inPlot(x(w.start));
        const to = inPlot(x(w.end ?? w.start + w.ms));
        return (
          <g key={`w${i}`}>
            <rect x={from} y={TOP} width={Math.max(1, to - from)} height={H - BOTTOM - TOP} className="kp-lab-chart__wait" />
            {to - from > 80 && (
              <text x={(from + to) / 2} y={H - BOTTOM - 6} textAnchor="middle" className="kp-chart__label">
                waiting {Math.round(w.ms / 100) / 10} s
              </text>
            )}
          </g>
        );
      })}
      {resets.map((t) => (
        <g key={`r${t}`}>
          <line x1={x(t)} x2={x(t)} y1={0} y2={H - BOTTOM} className="kp-lab-chart__reset" />
          <text
            x={x(t) > W - 100 ? x(t) - 3 : x(t) + 3}
            y={STRIP + 20}
            textAnchor={x(t) > W - 100 ? 'end' : 'start'}
            className="kp-chart__label"
          >
            window resets
          </text>
        </g>
      ))}
      {/* Axes */}
      <line x1={LEFT} x2={W - RIGHT} y1={H - BOTTOM} y2={H - BOTTOM} className="kp-chart__axis" />
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={H - BOTTOM} className="kp-chart__axis" />
      {ticks(domain, Math.floor(W / 60)).map((t) => (
        <text key={`t${t}`} x={x(t)} y={H - BOTTOM + 14} textAnchor="middle" className="kp-chart__label">
          {t / 1000}s
        </text>
      ))}
      <text x={W - RIGHT} y={H - 4} textAnchor="end" className="kp-chart__label">
        time since the first request (sandbox clock)
      </text>
      {[0, Math.ceil(top / 2), top].map((v) => (
        <text key={`y${v}`} x={LEFT - 6} y={y(v) + 3} textAnchor="end" className="kp-chart__label">
          {v}
        </text>
      ))}
      <text
        x={12}
        y={(TOP + H - BOTTOM) / 2}
        transform={`rotate(-90 12 ${(TOP + H - BOTTOM) / 2})`}
        textAnchor="middle"
        className="kp-chart__label"
      >
        remaining
      </text>
      <text x={2} y={STRIP + 3} className="kp-chart__label">
        answers
      </text>
      {path && <path d={path} className="kp-lab-chart__line" />}
      {points.map((s, i) => (
        <circle key={`p${i}`} cx={x(s.t)} cy={y(s.remaining!)} r={2.5} className="kp-lab-chart__point" />
      ))}
      {samples.map((s, i) => {
        const cx = x(s.t);
        const cls = s.status < 400 ? 'kp-lab-chart__ok' : s.retried ? 'kp-lab-chart__retried' : 'kp-lab-chart__error';
        return s.status < 400 ? (
          <circle key={`s${i}`} cx={cx} cy={STRIP} r={5} className={cls} />
        ) : (
          <path
            key={`s${i}`}
            d={`M${cx - 5} ${STRIP - 5} L${cx + 5} ${STRIP + 5} M${cx + 5} ${STRIP - 5} L${cx - 5} ${STRIP + 5}`}
            className={cls}
          />
        );
      })}
    </LabChart>
  );
}
