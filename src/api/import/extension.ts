/**
 * Reads the document's `x-keyport` objects: at the root, settings that replace the defaults
 * derived from the document (objects merge field by field, lists replace); on an operation, what
 * the sandbox does for it. Collections carry their schemas as JSON Schema, turned back into zod.
 */
import { z } from 'zod';
import { endpointActionSchema, successStatusSchema, type Collection } from '../schema/endpoints.ts';
import type { PresetInput } from '../schema/index.ts';
import { zodObjectFromJsonSchema, type SchemaContext } from './json-schema.ts';
import { OpenApiImportError, pointer, type ImportProblem } from './problems.ts';

const ROOT_SETTINGS = [
  'product',
  'environments',
  'keyFormat',
  'keyPolicy',
  'scopes',
  'access',
  'keyTemplates',
  'collections',
  'management',
  'errorFormat',
  'errors',
  'rateLimits',
  'webhooks',
  'monitoring',
] as const;

export type RootExtension = Partial<Pick<PresetInput, Exclude<(typeof ROOT_SETTINGS)[number], 'collections'>>> & {
  collections?: Collection[];
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownKeys(value: Record<string, unknown>, known: readonly string[], where: string[]): ImportProblem[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      pointer: pointer(...where, key),
      message: `unknown setting \`${key}\`: check the spelling, or remove it. Known: ${known.map((k) => `\`${k}\``).join(', ')}.`,
    }));
}

function readCollection(file: string, value: unknown, index: number, context: SchemaContext): Collection {
  const where = ['x-keyport', 'collections', String(index)];
  if (!isObject(value)) throw new OpenApiImportError(file, [{ pointer: pointer(...where), message: 'A collection is an object.' }]);
  const schema = (key: 'fields' | 'create') => {
    const converted = isObject(value[key]) ? zodObjectFromJsonSchema(value[key], pointer(...where, key), context) : undefined;
    if (!converted)
      throw new OpenApiImportError(file, [{ pointer: pointer(...where, key), message: `Give \`${key}\` as a JSON Schema of an object.` }]);
    return converted;
  };
  return { ...(value as unknown as Collection), fields: schema('fields'), create: schema('create') };
}

/** The root `x-keyport`, or an empty object when the document has none. */
export function readRootExtension(file: string, value: unknown, context: SchemaContext): RootExtension {
  if (value === undefined) return {};
  if (!isObject(value))
    throw new OpenApiImportError(file, [{ pointer: pointer('x-keyport'), message: '`x-keyport` is an object of settings.' }]);
  const problems = unknownKeys(value, ROOT_SETTINGS, ['x-keyport']);
  if (problems.length) throw new OpenApiImportError(file, problems);
  const { collections, ...settings } = value;
  return {
    ...(settings as RootExtension),
    ...(Array.isArray(collections) ? { collections: collections.map((c, i) => readCollection(file, c, i, context)) } : {}),
  };
}

const OPERATION_SETTINGS = ['action', 'order', 'description', 'id', 'summary', 'tag', 'scopes', 'successStatus'] as const;

const operationExtensionSchema = z.object({
  action: endpointActionSchema.optional(),
  order: z.number().optional(),
  description: z.string().nullable().optional(),
  id: z.string().optional(),
  summary: z.string().optional(),
  tag: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  successStatus: successStatusSchema.optional(),
});

export type OperationExtension = z.output<typeof operationExtensionSchema>;

/** An operation's `x-keyport`, checked; `where` is the operation's pointer parts. */
export function readOperationExtension(file: string, value: unknown, where: string[]): OperationExtension {
  if (value === undefined) return {};
  const at = [...where, 'x-keyport'];
  if (!isObject(value)) throw new OpenApiImportError(file, [{ pointer: pointer(...at), message: '`x-keyport` is an object.' }]);
  const problems = unknownKeys(value, OPERATION_SETTINGS, at);
  const parsed = operationExtensionSchema.safeParse(value);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => ({ pointer: pointer(...at, ...issue.path.map(String)), message: issue.message })));
  }
  if (problems.length || !parsed.success) throw new OpenApiImportError(file, problems);
  return parsed.data;
}
