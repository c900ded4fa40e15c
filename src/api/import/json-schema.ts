/**
 * JSON Schemas of the document as zod validators, with zod's own converter, so the sandbox checks
 * imported bodies and queries exactly as it checks a preset's. What zod cannot convert becomes
 * "any value" with a warning, rather than stopping the import.
 */
import { z } from 'zod';
import type { JsonSchema } from './document.ts';
import type { ImportWarning } from './problems.ts';

export interface SchemaContext {
  openApi30: boolean;
  warnings: ImportWarning[];
}

/** OpenAPI-only keywords zod's converter does not know; they say nothing about validity. */
const ANNOTATIONS = ['xml', 'externalDocs', 'example', 'discriminator', 'deprecated'];

function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (typeof schema !== 'object' || schema === null) return schema;
  // A `$ref` left after resolving closes a circle (a note's replies are notes): that part takes
  // any value, and the rest of the schema is still checked.
  if (typeof (schema as { $ref?: unknown }).$ref === 'string') return {};
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !ANNOTATIONS.includes(key))
      .map(([key, value]) => [
        key,
        key === 'properties'
          ? propertiesWithoutAnnotations(value)
          : key === 'pattern' && typeof value === 'string'
            ? unicodePattern(value)
            : withoutAnnotations(value),
      ]),
  );
}

const compiles = (pattern: string, flags: string) => {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
};

/**
 * JSON Schema validators compile `pattern` in Unicode mode, where escaping a character that needs
 * none (`\:` in DigitalOcean's tag names) is an error; without the backslash it means the same.
 */
function unicodePattern(pattern: string): string {
  if (compiles(pattern, 'u')) return pattern;
  const plain = pattern.replace(/\\([^A-Za-z0-9^$\\.*+?()[\]{}|/-])/g, '$1');
  return compiles(plain, 'u') ? plain : pattern;
}

/** Under `properties` the keys are field names, which may well be called `example`. */
function propertiesWithoutAnnotations(properties: unknown): unknown {
  if (typeof properties !== 'object' || properties === null) return properties;
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, withoutAnnotations(value)]));
}

/** The schema as a zod validator; "any value" (with a warning at `where`) when it cannot be converted. */
export function zodFromJsonSchema(schema: JsonSchema | undefined, where: string, context: SchemaContext): z.ZodType {
  if (schema === undefined) return z.unknown();
  try {
    return z.fromJSONSchema(withoutAnnotations(schema) as never, context.openApi30 ? { defaultTarget: 'openapi-3.0' } : {});
  } catch (error) {
    context.warnings.push({
      pointer: where,
      message: `This schema cannot be turned into a validator (${error instanceof Error ? error.message : String(error)}); the sandbox accepts any value here.`,
    });
    return z.unknown();
  }
}

const isObjectSchema = (schema: unknown): schema is JsonSchema =>
  typeof schema === 'object' && schema !== null && (schema as JsonSchema)['type'] === 'object';

/**
 * `allOf` of object schemas (how OpenAPI documents often extend a `NewPet` into a `Pet`) as one
 * object schema, so it stays a zod object with every field rather than an intersection.
 */
export function flattenAllOf(schema: JsonSchema | undefined): JsonSchema | undefined {
  const parts = schema?.['allOf'];
  if (!Array.isArray(parts)) return schema;
  const flat = parts.map((part) => flattenAllOf(part as JsonSchema));
  // A part may also only add `required` names (`allOf: [Meta, {required: [total]}]`).
  const constrains = (part: JsonSchema | undefined) =>
    part !== undefined && Object.keys(part).every((key) => ['required', 'description', 'title'].includes(key));
  if (!flat.every((part) => isObjectSchema(part) || (part && typeof part['properties'] === 'object') || constrains(part))) return schema;
  const { allOf: _parts, ...rest } = schema!;
  return {
    ...rest,
    type: 'object',
    properties: Object.assign({}, rest['properties'], ...flat.map((part) => part!['properties'] ?? {})) as JsonSchema,
    required: [
      ...new Set([
        ...((rest['required'] as string[] | undefined) ?? []),
        ...flat.flatMap((part) => (part!['required'] as string[] | undefined) ?? []),
      ]),
    ],
  };
}

/** An object schema as a zod object, or `undefined` (with a warning) when it describes something else. */
export function zodObjectFromJsonSchema(schema: JsonSchema | undefined, where: string, context: SchemaContext): z.ZodObject | undefined {
  const converted = zodFromJsonSchema(flattenAllOf(schema), where, context);
  if (converted instanceof z.ZodObject) return converted;
  context.warnings.push({
    pointer: where,
    message: 'Keyport validates JSON object bodies only; this schema is not a plain object, so it is not checked.',
  });
  return undefined;
}

/**
 * Query values arrive as text. Only plain decimal digits become a number, and only `true` and
 * `false` a boolean, as for a preset's `limit`.
 */
function fromText(type: unknown) {
  return (value: unknown) => {
    if (typeof value !== 'string') return value;
    if ((type === 'integer' || type === 'number') && /^-?[0-9]{1,15}(\.[0-9]+)?$/.test(value)) return Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  };
}

/** One query parameter as the sandbox reads it: text, turned into a number or boolean where the schema says so. */
export function zodQueryParameter(schema: JsonSchema | undefined, where: string, context: SchemaContext): z.ZodType {
  const converted = zodFromJsonSchema(schema, where, context);
  const type = schema?.['type'];
  return type === 'integer' || type === 'number' || type === 'boolean' ? z.preprocess(fromText(type), converted) : converted;
}
