/** Words and numbers the widgets show: relative times, dates, masked keys; durations come from the model's runtime layer. */
import { DURATION_UNITS, formatDuration } from '../../api/runtime/durations.ts';

/** "1 step", "3 steps": a count with its noun, plural when it is not one (nouns with a plain -s). */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A grace period as a choice: "End at once" for 0. */
export const graceLabel = (seconds: number): string => (seconds === 0 ? 'None: the old key stops at once' : formatDuration(seconds));

/** "in 59 minutes", "3 days ago", "just now"; coarse on purpose (one unit). */
export function relativeTime(targetMs: number, nowMs: number): string {
  const diff = Math.round((targetMs - nowMs) / 1000);
  const abs = Math.abs(diff);
  if (abs < 5) return 'just now';
  const [size, unit] = DURATION_UNITS.find(([s]) => abs >= s) ?? DURATION_UNITS[DURATION_UNITS.length - 1]!;
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
