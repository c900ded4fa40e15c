/**
 * What free text sent to the API may hold, as one rule for request bodies and for the forms that
 * fill them: no control characters (line breaks and tabs only where the text may span lines), no
 * invisible bidirectional controls that make text read differently from what it is, and no broken
 * UTF-16 (lone surrogates, which no UTF-8 encoder can send as they are). Zero-width and other
 * format characters such as U+200B stay allowed: many scripts need them.
 *
 * `apiBodySchema()` applies the rule to every string of an endpoint's body and refuses fields the
 * body does not define; `buildModel()` runs every endpoint through it, so a preset gets both
 * without writing anything.
 */
import { z } from 'zod';

export type TextProblemKind = 'control' | 'line-break' | 'bidi' | 'lone-surrogate';

export interface TextProblem {
  kind: TextProblemKind;
  /** The offending UTF-16 code unit. */
  codeUnit: number;
  /** Where it is, counted in UTF-16 code units from 0 (JavaScript's string index). */
  index: number;
}

export interface TextRuleOptions {
  /** Whether `\n`, `\r` and `\t` are allowed, as in a message's text. Names are single lines. */
  multiLine: boolean;
}

const isLineBreakOrTab = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const isBidiControl = (code: number) => (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The first character the rule refuses, or `null` when the text may be sent. */
export function textProblem(value: string, options: TextRuleOptions): TextProblem | null {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (isHighSurrogate(code)) {
      if (isLowSurrogate(value.charCodeAt(index + 1))) index++;
      else return { kind: 'lone-surrogate', codeUnit: code, index };
    } else if (isLowSurrogate(code)) {
      return { kind: 'lone-surrogate', codeUnit: code, index };
    } else if (isControl(code)) {
      if (!isLineBreakOrTab(code)) return { kind: 'control', codeUnit: code, index };
      if (!options.multiLine) return { kind: 'line-break', codeUnit: code, index };
    } else if (isBidiControl(code)) {
      return { kind: 'bidi', codeUnit: code, index };
    }
  }
  return null;
}

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The problem as the API's 422 puts it after "Invalid value for `field`: ". */
export function describeTextProblem(problem: TextProblem): string {
  const what = `${codePoint(problem.codeUnit)} at character ${problem.index + 1}`;
  switch (problem.kind) {
    case 'line-break':
      return `this field is a single line, but it contains a line break or tab (${what}); remove it`;
    case 'control':
      return `contains a control character (${what}), which cannot be displayed; remove it`;
    case 'bidi':
      return `contains an invisible text-direction character (${what}), which can disguise what the text says; remove it`;
    case 'lone-surrogate':
      return `contains invalid Unicode (an unpaired surrogate, ${what}); send the text as UTF-8`;
  }
}

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
  const copy = schema.clone(def as never) as T;
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
      const shape = Object.fromEntries(Object.entries(def['shape'] as Record<string, z.ZodType>).map(([key, value]) => [key, withRules(value)]));
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
