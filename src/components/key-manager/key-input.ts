/**
 * Checks what a reader types into the key manager before anything is sent, with messages that
 * say how to fix it. The sandbox checks again (trim, length, IP syntax); these catch the rest
 * early and explain control characters, which the API would accept but no one can read.
 */

/** C0/C1 control characters, and the invisible bidirectional overrides used to disguise text. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Why a key name cannot be used, or `null`. `max` is the model's `keyPolicy.nameMaxLength`. */
export function nameProblem(raw: string, max: number): string | null {
  const name = raw.trim();
  if (!name) return 'Give the key a name, e.g. “Production backend”.';
  if (CONTROL.test(raw)) return 'Names cannot contain control characters (tabs, line breaks or other invisible characters). Remove them and try again.';
  if (BIDI.test(raw)) return 'Names cannot contain invisible text-direction characters, which can disguise what a name says. Remove them and try again.';
  // The API counts UTF-16 code units (JavaScript's length), so this does too.
  if (name.length > max) return `Names are at most ${max} characters; this one has ${name.length}. Shorten it.`;
  return null;
}

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
      problem: `“${shown(bad).replace(/[\u0000-\u001f\u007f-\u009f]/g, '�')}” is not an IP address or range. Write addresses like 203.0.113.7 or 2001:db8::1, or IPv4 ranges like 203.0.113.0/24, one per line.`,
    };
  }
  return { entries, problem: null };
}
