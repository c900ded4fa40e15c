/**
 * Checks what a reader types into the key manager's allowlist before anything is sent, with
 * messages that say how to fix it. Key names follow the model's rule (`src/api/runtime/key-name.ts`),
 * which the API enforces with the same words.
 */

/** C0/C1 control characters, which an allowlist entry cannot hold. */
// eslint-disable-next-line no-control-regex -- control characters are what this rejects
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const IP_SHAPE = /^[0-9A-Fa-f:.]+(?:\/\d{1,3})?$/;
const MAX_SHOWN = 40;

const shown = (entry: string) => (entry.length > MAX_SHOWN ? `${entry.slice(0, MAX_SHOWN)}…` : entry);

/** Entries of an allowlist typed one per line (commas and spaces also separate). */
export function parseAllowlist(text: string): { entries: string[]; problem: string | null } {
  const entries = text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length > 50) return { entries, problem: `List at most 50 addresses or ranges; there are ${entries.length}.` };
  // Only the shape is checked here; the sandbox judges the numbers and explains what is wrong.
  const bad = entries.find((entry) => entry.length > 50 || !IP_SHAPE.test(entry) || CONTROL.test(entry));
  if (bad !== undefined) {
    return {
      entries,
      problem: `“${shown(bad).replace(new RegExp(CONTROL, 'g'), '�')}” is not an IP address or range. Write addresses like 203.0.113.7 or 2001:db8::1, or IPv4 ranges like 203.0.113.0/24, one per line.`,
    };
  }
  return { entries, problem: null };
}
