/**
 * The rule for key names: one line of visible text, 1 to `keyPolicy.nameMaxLength` characters
 * once trimmed. The API's `keys.create` and `keys.update` bodies enforce it (`../key-name.ts`) and
 * the key manager's form shows the same words before anything is sent. Whether a name is helpful
 * is advice, not a rule (`../key-name-advice.ts`).
 */
import { textProblem } from './text.ts';

export const KEY_NAME_PROBLEMS = {
  empty: 'Give the key a name, e.g. “Production backend”.',
  control: 'Names cannot contain control characters (tabs, line breaks or other invisible characters). Remove them and try again.',
  bidi: 'Names cannot contain invisible text-direction characters, which can disguise what a name says. Remove them and try again.',
  brokenUnicode:
    'Names cannot contain broken characters (invalid Unicode, such as half of an emoji). Type the name again rather than pasting it.',
};

/**
 * Why a key name cannot be used, or `null`. `max` is the model's `keyPolicy.nameMaxLength`; the
 * API counts UTF-16 code units (JavaScript's `length`) of the trimmed name.
 */
export function keyNameProblem(raw: string, max: number): string | null {
  const name = raw.trim();
  if (!name) return KEY_NAME_PROBLEMS.empty;
  const problem = textProblem(raw, { multiLine: false });
  if (problem?.kind === 'control' || problem?.kind === 'line-break') return KEY_NAME_PROBLEMS.control;
  if (problem?.kind === 'bidi') return KEY_NAME_PROBLEMS.bidi;
  if (problem?.kind === 'lone-surrogate') return KEY_NAME_PROBLEMS.brokenUnicode;
  if (name.length > max) return `Names are at most ${max} characters; this one has ${name.length}. Shorten it.`;
  return null;
}
