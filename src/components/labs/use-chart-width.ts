/**
 * The width a chart has on screen, in CSS pixels, so its SVG can be drawn at 1:1 scale and its
 * labels stay readable on a phone. The server (and the first render) use `fallback`; the chart's
 * height is fixed in pixels, so measuring never moves anything below it.
 */
import { useEffect, useRef, useState } from 'react';

export function useChartWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.max(280, measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
