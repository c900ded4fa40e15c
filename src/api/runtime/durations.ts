/** Durations in words, as the docs, the labs and the key manager write them. */

export const DURATION_UNITS: Array<[seconds: number, singular: string]> = [
  [86_400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** `3600` → "1 hour", `90` → "1 minute 30 seconds"; at most two units. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return '0 seconds';
  const parts: string[] = [];
  for (const [size, unit] of DURATION_UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) {
      parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    }
  }
  return parts.join(' ');
}
