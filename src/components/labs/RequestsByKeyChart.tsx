/**
 * The simulated app's requests per second, stacked by the key that answered them, with failed
 * requests on top (red, hatched): hand-written SVG in the theme's colours. Dashed lines mark the
 * walkthrough's steps. The accessible name says the totals; the table beside it lists the steps.
 */
import { useId } from 'react';
import { WINDOW_SECONDS, type Bucket, type Marker } from './rotation-app.ts';
import LabChart from './LabChart.tsx';
import { useChartWidth } from './use-chart-width.ts';

const H = 200;
const LEFT = 28;
const RIGHT = 8;
const TOP = 32;
const BOTTOM = 30;

interface Props {
  buckets: Bucket[];
  markers: Marker[];
  /** Seconds since the app started. */
  now: number;
  label: string;
  names: { old: string; next: string };
}

export default function RequestsByKeyChart({ buckets, markers, now, label, names }: Props) {
  const id = useId();
  const { ref, width: W } = useChartWidth<HTMLElement>(640);
  const end = Math.max(20, Math.ceil(now));
  const start = Math.max(0, end - WINDOW_SECONDS);
  const span = end - start;
  const shown = buckets.filter((b) => b.second >= start && b.second < end);
  const max = Math.max(5, ...shown.map((b) => b.old + b.next + b.failed));
  const slot = (W - LEFT - RIGHT) / span;
  const x = (second: number) => LEFT + (second - start) * slot;
  const h = (n: number) => (n / max) * (H - TOP - BOTTOM);
  const base = H - BOTTOM;
  const step = [5, 10, 20, 30].find((s) => span / s <= W / 60) ?? 60;

  return (
    <LabChart
      frame={{ ref, width: W, height: H, titleId: `${id}-title`, label }}
      legend={
        <>
          <span>
            <span className="kp-swatch kp-lab-swatch--old" aria-hidden="true" /> answered with {names.old}
          </span>
          <span>
            <span className="kp-swatch kp-lab-swatch--new" aria-hidden="true" /> answered with {names.next}
          </span>
          <span>
            <span className="kp-swatch kp-lab-swatch--failed" aria-hidden="true" /> failed
          </span>
        </>
      }
    >
      <defs>
        <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" className="kp-lab-bar--failed" />
          <line x1="0" y1="0" x2="0" y2="4" className="kp-lab-hatch" />
        </pattern>
      </defs>
      <line x1={LEFT} x2={W - RIGHT} y1={base} y2={base} className="kp-chart__axis" />
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={base} className="kp-chart__axis" />
      {[0, max].map((v) => (
        <text key={v} x={LEFT - 4} y={base - h(v) + 3} textAnchor="end" className="kp-chart__label">
          {v}
        </text>
      ))}
      {Array.from({ length: Math.floor(span / step) + 1 }, (_, i) => start + i * step).map((s) => (
        <text key={s} x={x(s)} y={base + 12} textAnchor="middle" className="kp-chart__label">
          {s}s
        </text>
      ))}
      <text x={W - RIGHT} y={H - 4} textAnchor="end" className="kp-chart__label">
        requests per second, by key
      </text>
      {shown.map((b) => {
        const bx = x(b.second) + slot * 0.1;
        const bw = Math.max(1, slot * 0.8);
        const ho = h(b.old);
        const hn = h(b.next);
        const hf = h(b.failed);
        return (
          <g key={b.second}>
            {b.old > 0 && <rect x={bx} y={base - ho} width={bw} height={ho} className="kp-lab-bar--old" />}
            {b.next > 0 && <rect x={bx} y={base - ho - hn} width={bw} height={hn} className="kp-lab-bar--new" />}
            {b.failed > 0 && (
              <rect
                x={bx}
                y={base - ho - hn - hf}
                width={bw}
                height={hf}
                fill={`url(#${id}-hatch)`}
                className="kp-lab-bar--failed-outline"
              />
            )}
          </g>
        );
      })}
      {markers
        .filter((m) => m.t / 1000 >= start)
        .map((m, i, shownMarkers) => {
          // Labels of markers close together go on alternate rows, so they do not overlap.
          const mx = x(m.t / 1000);
          const crowded = i > 0 && mx - x(shownMarkers[i - 1]!.t / 1000) < 48;
          const row = crowded && i % 2 === 1 ? 0 : 1;
          return (
            <g key={`${m.label}-${i}`}>
              <line x1={mx} x2={mx} y1={row === 0 ? 12 : TOP - 8} y2={base} className="kp-lab-chart__mark" />
              <text x={mx} y={row === 0 ? 9 : TOP - 11} textAnchor="middle" className="kp-chart__label kp-lab-chart__marker-label">
                {m.label}
              </text>
            </g>
          );
        })}
    </LabChart>
  );
}
