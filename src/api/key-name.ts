/**
 * The rule for key names, in one place: the API's `keys.create` and `keys.update` bodies enforce
 * it and the key manager's form can show the same words before anything is sent. A name is one
 * line of visible text, 1 to `keyPolicy.nameMaxLength` characters once trimmed. Whether a name is
 * helpful is advice, not a rule (`key-name-advice.ts`).
 */
import { z } from 'zod';
import { asTextRule, textProblem } from './text-rules.ts';

const PROBLEMS = {
  empty: 'Give the key a name, e.g. “Production backend”.',
  control: 'Names cannot contain control characters (tabs, line breaks or other invisible characters). Remove them and try again.',
  bidi: 'Names cannot contain invisible text-direction characters, which can disguise what a name says. Remove them and try again.',
  brokenUnicode: 'Names cannot contain broken characters (invalid Unicode, such as half of an emoji). Type the name again rather than pasting it.',
};

/**
 * Why a key name cannot be used, or `null`. `max` is the model's `keyPolicy.nameMaxLength`; the
 * API counts UTF-16 code units (JavaScript's `length`) of the trimmed name.
 */
export function keyNameProblem(raw: string, max: number): string | null {
  const name = raw.trim();
  if (!name) return PROBLEMS.empty;
  const problem = textProblem(raw, { multiLine: false });
  if (problem?.kind === 'control' || problem?.kind === 'line-break') return PROBLEMS.control;
  if (problem?.kind === 'bidi') return PROBLEMS.bidi;
  if (problem?.kind === 'lone-surrogate') return PROBLEMS.brokenUnicode;
  if (name.length > max) return `Names are at most ${max} characters; this one has ${name.length}. Shorten it.`;
  return null;
}

/** A key name in a request body: checked as sent, stored trimmed. */
export function keyNameSchema(max: number) {
  const rule = asTextRule(
    z.superRefine((value: string, ctx) => {
      const problem = keyNameProblem(value, max);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value, continue: false });
    }),
  );
  // `min` and `max` repeat the rule for the OpenAPI document and the SDK's types.
  return z.string().check(rule).trim().min(1, PROBLEMS.empty).max(max, `Names are at most ${max} characters.`);
}
