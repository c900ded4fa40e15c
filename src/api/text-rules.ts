/**
 * The text rule (`runtime/text.ts`) as zod checks for request bodies.
 *
 * `apiBodySchema()` applies the rule to every string of an endpoint's body and refuses fields the
 * body does not define; `buildModel()` runs every endpoint through it, so a preset gets both
 * without writing anything.
 */
import { z } from 'zod';
import { describeTextProblem, textProblem, type TextRuleOptions } from './runtime/text.ts';

/** Checks added by this module; a string that already has one keeps it (key names word their own). */
const textChecks = new WeakSet<object>();

/** Registers a check on raw string input as this module's rule, so `apiBodySchema` adds no second one. */
export function asTextRule<T extends object>(check: T): T {
  textChecks.add(check);
  return check;
}

/** The rule as a zod check for strings; it sees the text as sent, before any `.trim()`. */
export function textRule(options: TextRuleOptions) {
  return asTextRule(
    z.superRefine((value: string, ctx) => {
      const problem = textProblem(value, options);
      if (problem) ctx.addIssue({ code: 'custom', message: describeTextProblem(problem), input: value, continue: false });
    }),
  );
}

const multiLine = textRule({ multiLine: true });

/**
 * A single-line text field for a preset's bodies, e.g. `name: singleLine(z.string().min(1).max(200))`.
 * Every other string of a body may span lines.
 */
export function singleLine<T extends z.ZodString>(schema: T): T {
  return withFirstCheck(schema, textRule({ multiLine: false }));
}

type AnyDef = Record<string, unknown> & { type: string; checks?: unknown[] };

/** A copy with a new definition that keeps the description and other metadata. */
function cloneWith<T extends z.ZodType>(schema: T, def: AnyDef): T {
  const copy = schema.clone(def as never);
  const meta = z.globalRegistry.get(schema);
  if (meta) z.globalRegistry.add(copy, meta);
  return copy;
}

/** Puts a check before the schema's own, so it judges the raw input rather than the trimmed text. */
function withFirstCheck<T extends z.ZodType>(schema: T, check: unknown): T {
  const def = schema._zod.def as unknown as AnyDef;
  return cloneWith(schema, { ...def, checks: [check, ...(def.checks ?? [])] });
}

function withRules(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as unknown as AnyDef;
  const inner = (key: string) => cloneWith(schema, { ...def, [key]: withRules(def[key] as z.ZodType) });
  switch (def.type) {
    case 'string':
      return (def.checks ?? []).some((check) => textChecks.has(check as object)) ? schema : withFirstCheck(schema, multiLine);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner('innerType');
    case 'array':
      return inner('element');
    case 'record':
      return inner('valueType');
    case 'pipe':
      return inner('in');
    case 'union':
      return cloneWith(schema, { ...def, options: (def['options'] as z.ZodType[]).map(withRules) });
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def['shape'] as Record<string, z.ZodType>).map(([key, value]) => [key, withRules(value)]),
      );
      // Stripping unknown fields silently hides typos ("emial"); objects that chose a catchall keep it.
      return cloneWith(schema, { ...def, shape, catchall: def['catchall'] ?? z.never() });
    }
    default:
      return schema;
  }
}

/**
 * An endpoint's body as the API enforces it: every string follows the text rule (multi-line
 * unless marked otherwise) and fields the body does not define are refused, at any depth.
 */
export function apiBodySchema<T extends z.ZodObject>(body: T): T {
  return withRules(body) as T;
}
