/**
 * The frame every lab chart shares: a figure the width it has on screen (`useChartWidth`), an SVG
 * titled for screen readers, and its legend beneath.
 */
import type { ReactNode, RefObject } from 'react';

interface Frame {
  /** From `useChartWidth`: the figure is what it measures. */
  ref: RefObject<HTMLElement | null>;
  width: number;
  height: number;
  /** A unique id for the SVG's title. */
  titleId: string;
  /** What the chart shows, in one sentence: the SVG's accessible name. */
  label: string;
}

interface Props {
  frame: Frame;
  legend: ReactNode;
  /** The SVG's content. */
  children: ReactNode;
}

export default function LabChart({ frame: { ref, width, height, titleId, label }, legend, children }: Props) {
  return (
    <figure className="kp-chart kp-lab-chart" ref={ref}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        height={height}
        preserveAspectRatio="xMinYMin meet"
        role="img"
        aria-labelledby={titleId}
        className="kp-lab-chart__svg"
      >
        <title id={titleId}>{label}</title>
        {children}
      </svg>
      <figcaption className="kp-chart__legend kp-lab-legend">{legend}</figcaption>
    </figure>
  );
}
