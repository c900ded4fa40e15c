/** The key-name rule (`runtime/key-name.ts`) as the zod schema of the API's request bodies. */
import { z } from 'zod';
import { KEY_NAME_PROBLEMS, keyNameProblem } from './runtime/key-name.ts';
import { asTextRule } from './text-rules.ts';

/** A key name in a request body: checked as sent, stored trimmed. */
export function keyNameSchema(max: number) {
  const rule = asTextRule(
    z.superRefine((value: string, ctx) => {
      const problem = keyNameProblem(value, max);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value, continue: false });
    }),
  );
  // `min` and `max` repeat the rule for the OpenAPI document and the SDK's types.
  return z.string().check(rule).trim().min(1, KEY_NAME_PROBLEMS.empty).max(max, `Names are at most ${max} characters.`);
}
