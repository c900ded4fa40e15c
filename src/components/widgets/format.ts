/** Words and numbers the widgets show: durations, relative times, dates, masked keys. */

const UNITS: Array<[seconds: number, singular: string]> = [
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
  for (const [size, unit] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) {
      parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    }
  }
  return parts.join(' ');
}

/** A grace period as a choice: "End at once" for 0. */
export const graceLabel = (seconds: number): string => (seconds === 0 ? 'None: the old key stops at once' : formatDuration(seconds));

/** "in 59 minutes", "3 days ago", "just now"; coarse on purpose (one unit). */
export function relativeTime(targetMs: number, nowMs: number): string {
  const diff = Math.round((targetMs - nowMs) / 1000);
  const abs = Math.abs(diff);
  if (abs < 5) return 'just now';
  const [size, unit] = UNITS.find(([s]) => abs >= s) ?? UNITS[UNITS.length - 1]!;
  const count = Math.floor(abs / size);
  const words = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return diff > 0 ? `in ${words}` : `${words} ago`;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Local date and time; only ever rendered in the browser, so the reader's time zone is used. */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));

const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** Local date only, for narrow table cells. */
export const formatDay = (iso: string): string => dayFormat.format(new Date(iso));

/** `sk_test_4fQz…x81K`: enough to recognise a key, too little to use it. */
export const maskedKey = (prefix: string, lastFour: string): string => `${prefix}…${lastFour}`;

/** `125` → "2:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The message of an SDK error without its "401 invalid_api_key: " lead, for sentences. */
export const plainMessage = (message: string): string => message.replace(/^\d{3} [\w-]+: /, '');
