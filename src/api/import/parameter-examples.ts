/**
 * The values samples put in an operation's path parameters and required query parameters: the
 * documented example when the endpoint's own validator accepts it, else a value generated from the
 * schema that it accepts. A sample the sandbox would refuse is no sample, so a parameter with
 * neither is left out (and answers 422, as the API would).
 */
import type { z } from 'zod';
import { takesSeveralValues } from '../schema/endpoints.ts';
import type { Parameter } from './document.ts';
import { sampleValue } from './sample-value.ts';

/** Text values tried after the documented ones: an integer, a UUID, a word. */
const FALLBACKS = ['1', '123e4567-e89b-12d3-a456-426614174000', 'example'];

/** A value as it travels in a URL; objects have no single text form. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The parameter's example values, documented first, then generated from its schema. */
function candidates(parameter: Parameter | undefined): unknown[] {
  if (!parameter) return [];
  const documented = Object.values(parameter.examples ?? {}).map((example) => example?.value);
  return [parameter.example, ...documented, sampleValue(parameter.schema)].filter((value) => value !== undefined && value !== null);
}

/** The first candidate in the form the sandbox reads it (text, or a list of texts), that `accepts` takes. */
function firstAccepted(values: unknown[], takesMany: boolean, accepts: (value: unknown) => boolean): string | string[] | undefined {
  for (const value of [...values, ...FALLBACKS]) {
    const read = takesMany ? (Array.isArray(value) ? value : [value]).map(asText) : asText(value);
    if (read === undefined || (Array.isArray(read) && (read.length === 0 || read.includes(undefined)))) continue;
    if (accepts(read)) return read as string | string[];
  }
  return undefined;
}

/**
 * A value for each path parameter (by its model name) that the endpoint's `params` accepts; for an
 * endpoint without `params` (a collection's), any text does. `skip` names the parameters filled
 * in some other way, e.g. a collection's `{id}` from its seeded records.
 */
export function pathExample(
  names: Map<string, string>,
  parameters: Parameter[] | undefined,
  params: z.ZodObject | undefined,
  skip: readonly string[] = [],
): Record<string, string> | undefined {
  const example: Record<string, string> = {};
  for (const [name, modelName] of names) {
    if (skip.includes(modelName)) continue;
    const parameter = parameters?.find((p) => p.in === 'path' && p.name === name);
    const field = params?.shape[modelName] as z.ZodType | undefined;
    const value = firstAccepted(candidates(parameter), false, (text) => !field || field.safeParse(text).success);
    if (typeof value === 'string') example[modelName] = value;
  }
  return Object.keys(example).length ? example : undefined;
}

/** A value for each required query parameter that the endpoint's `query` accepts: text, or a list for a parameter given several times. */
export function queryExample(
  parameters: Parameter[] | undefined,
  query: z.ZodObject | undefined,
): Record<string, string | string[]> | undefined {
  if (!query) return undefined;
  const example: Record<string, string | string[]> = {};
  const fields: Record<string, z.ZodType> = query.shape;
  for (const [name, field] of Object.entries(fields)) {
    if (field.safeParse(undefined).success) continue;
    const parameter = parameters?.find((p) => p.in === 'query' && p.name === name);
    const value = firstAccepted(candidates(parameter), takesSeveralValues(field), (read) => field.safeParse(read).success);
    if (value !== undefined) example[name] = value;
  }
  return Object.keys(example).length ? example : undefined;
}
