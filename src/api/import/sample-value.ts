/**
 * A value that fits a JSON Schema, for the sandbox's first records when the document gives no
 * example: the example or default if there is one, else the smallest value of the right type.
 */
import type { JsonSchema } from './document.ts';
import { flattenAllOf } from './json-schema.ts';

const FORMATS: Record<string, string> = {
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  'date-time': '2026-01-15T12:00:00Z',
  date: '2026-01-15',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  ipv4: '192.0.2.1',
};

/** The schema's type, the first besides `null` where it lists several. */
const typeOf = (schema: JsonSchema) =>
  Array.isArray(schema['type']) ? (schema['type'] as string[]).find((t) => t !== 'null') : (schema['type'] as string | undefined);

/**
 * A documented example as a value of the schema's type: some documents write an object's or a
 * list's example as JSON text (`example: '{"a": 1}'`), read here; one of another type is no example.
 */
function asExample(value: unknown, type: string | undefined): unknown {
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if ((type === 'object' || type === 'array') && typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return kind(parsed) === type ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return value;
}

export function sampleValue(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  const documented = [schema['example'], ...(Array.isArray(schema['examples']) ? (schema['examples'] as unknown[]) : [])]
    .map((example) => asExample(example, typeOf(schema)))
    .find((example) => example !== undefined);
  if (documented !== undefined) return documented;
  if ('default' in schema) return schema['default'];
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  const flat = flattenAllOf(schema);
  if (flat !== schema) return sampleValue(flat, depth + 1);
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const options = schema[key];
    if (Array.isArray(options) && options.length) {
      if (key !== 'allOf') return sampleValue(options[0] as JsonSchema, depth + 1);
      return Object.assign({}, ...options.map((option) => sampleValue(option as JsonSchema, depth + 1)));
    }
  }
  switch (typeOf(schema)) {
    case 'string': {
      const format = FORMATS[String(schema['format'])];
      if (format) return format;
      const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
      return 'example'.padEnd(min, 'x');
    }
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'boolean':
      return true;
    case 'array': {
      const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      return Array.from({ length: min }, () => sampleValue(schema['items'] as JsonSchema, depth + 1));
    }
    case 'null':
      return null;
    default: {
      const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
      const required = (schema['required'] ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, sampleValue(properties[name], depth + 1)]));
    }
  }
}
