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

export function sampleValue(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if ('example' in schema) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length) return schema['examples'][0];
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
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).find((t) => t !== 'null') : schema['type'];
  switch (type) {
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
