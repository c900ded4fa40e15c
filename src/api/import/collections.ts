/**
 * REST collections recognised in a document without `x-keyport` actions: `/things` and
 * `/things/{id}` become a collection the sandbox keeps records of (list, create, get, update,
 * delete), with the record schema from the responses, the create body from the request, and first
 * records from the examples or generated from the schema.
 */
import type { Collection, EndpointAction, ListPaging } from '../schema/endpoints.ts';
import { jsonMediaType, type JsonSchema, type Operation } from './document.ts';
import { flattenAllOf, zodObjectFromJsonSchema, type SchemaContext } from './json-schema.ts';
import { pointer } from './problems.ts';
import { sampleValue } from './sample-value.ts';

export interface RoutedOperation {
  /** The path as the document writes it. */
  path: string;
  /** The path with its one parameter renamed `{id}`, as the model writes it. */
  modelPath: string;
  method: string;
  operation: Operation;
}

/** Fields the sandbox sets itself on every record. */
const SANDBOX_FIELDS = ['id', 'created_at'];

/** "categories" → "category", "boxes" → "box", "responses" → "response", "pets" → "pet": one rule, the first that fits. */
function singular(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(x|ch|sh|ss)es$/.test(word)) return word.replace(/es$/, '');
  return word.replace(/s$/, '');
}
const pascal = (id: string) =>
  id
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

function successSchema(operation: Operation | undefined): JsonSchema | undefined {
  const status = ['200', '201'].find((s) => operation?.responses?.[s]);
  return flattenAllOf(status ? jsonMediaType(operation?.responses?.[status]?.content)?.schema : undefined);
}

/** The record schema: a get's response, a create's, or the items of a list's (bare array or under `data`/`items`/`results`). */
function recordSchema(get: Operation | undefined, create: Operation | undefined, list: Operation | undefined): JsonSchema | undefined {
  const direct = successSchema(get) ?? successSchema(create);
  if (direct?.['properties']) return direct;
  const listed = successSchema(list);
  if (listed?.['type'] === 'array') return flattenAllOf(listed['items'] as JsonSchema);
  const properties = (listed?.['properties'] ?? {}) as Record<string, JsonSchema>;
  const key = ['data', 'items', 'results'].find((k) => properties[k]?.['type'] === 'array');
  return key ? flattenAllOf(properties[key]!['items'] as JsonSchema) : undefined;
}

function withoutSandboxFields(schema: JsonSchema): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries((schema['properties'] ?? {}) as JsonSchema).filter(([name]) => !SANDBOX_FIELDS.includes(name)),
  );
  const required = ((schema['required'] ?? []) as string[]).filter((name) => !SANDBOX_FIELDS.includes(name));
  return { ...schema, properties, required };
}

const allowsNull = (schema: JsonSchema) =>
  schema['nullable'] === true ||
  (Array.isArray(schema['type']) && schema['type'].includes('null')) ||
  ['anyOf', 'oneOf'].some((key) => Array.isArray(schema[key]) && (schema[key] as JsonSchema[]).some((option) => option['type'] === 'null'));

/**
 * The sandbox stores a created record as the create body read through the record schema, so every
 * field the body need not give gets a default: `null` where the schema allows it, else a sample
 * value. Without it, the first create of a record with server-set fields would fail.
 */
function withDefaults(fields: JsonSchema, create: JsonSchema | undefined): JsonSchema {
  const given = new Set((create?.['required'] as string[] | undefined) ?? []);
  const properties = Object.fromEntries(
    Object.entries((fields['properties'] ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => [
      name,
      given.has(name) || 'default' in schema ? schema : { ...schema, default: allowsNull(schema) ? null : sampleValue(schema) },
    ]),
  );
  return { ...fields, properties };
}

const SAMPLE_UUID = '3f1b7a9e-2c4d-4e8f-9a0b-1c2d3e4f5a6b';

const propertyOf = (record: JsonSchema, name: string) => ((record['properties'] ?? {}) as Record<string, JsonSchema>)[name];

/**
 * UUID record ids where the document's record says its `id` is one (`format: uuid`, or a pattern
 * a UUID fits and Keyport's own `rec_seed_1` does not); else Keyport's prefixed ids.
 */
function idFormatOf(record: JsonSchema): 'uuid' | 'prefixed' {
  const id = flattenAllOf(propertyOf(record, 'id'));
  if (id?.['format'] === 'uuid') return 'uuid';
  if (typeof id?.['pattern'] !== 'string') return 'prefixed';
  try {
    const pattern = new RegExp(id['pattern'], 'u');
    return pattern.test(SAMPLE_UUID) && !pattern.test('rec_seed_1') ? 'uuid' : 'prefixed';
  } catch {
    return 'prefixed';
  }
}

/** Query parameters that hold a page size, a cursor, an offset or a page number, as APIs name them. */
const LIMIT_NAMES = ['limit', 'per_page', 'perPage', 'page_size', 'pageSize', 'max_results', 'maxResults'];
const CURSOR_NAMES = ['starting_after', 'after', 'cursor', 'iterator', 'page_token', 'pageToken', 'next_token', 'nextToken'];
const OFFSET_NAMES = ['offset', 'skip', 'start'];
const PAGE_NAMES = ['page', 'page_number', 'pageNumber'];

/**
 * The list's own paging, read from its query parameters and its response: which parameter takes
 * the page size and which the position, and which array property of the response holds the
 * records. Undefined when the response is not a bare array or an object with one such property.
 */
export function listPaging(list: RoutedOperation, collection: string): ListPaging | undefined {
  const names = (list.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const first = (candidates: string[]) => candidates.find((name) => names.includes(name));
  const limit = first(LIMIT_NAMES);
  const [style, position] = first(PAGE_NAMES)
    ? (['page', first(PAGE_NAMES)] as const)
    : first(OFFSET_NAMES)
      ? (['offset', first(OFFSET_NAMES)] as const)
      : first(CURSOR_NAMES)
        ? (['cursor', first(CURSOR_NAMES)] as const)
        : (['all', undefined] as const);
  const paging = { style, ...(limit && style !== 'all' ? { limit } : {}), ...(position ? { position } : {}) };
  const schema = successSchema(list.operation);
  if (schema?.['type'] === 'array') return { ...paging, envelope: {} };
  const properties = (schema?.['properties'] ?? {}) as Record<string, JsonSchema>;
  const arrays = Object.keys(properties).filter((name) => flattenAllOf(properties[name])?.['type'] === 'array');
  const items =
    arrays.length === 1
      ? arrays[0]
      : arrays.find((name) => ['data', 'items', 'results', collection, collection.replace(/_/g, '')].includes(name));
  if (!items) return undefined;
  const envelope = Object.fromEntries(
    Object.entries(properties)
      .filter(([name]) => name !== items)
      .map(([name, property]) => [name, sampleValue(flattenAllOf(property))]),
  );
  return { ...paging, items, envelope };
}

export interface RecognisedCollections {
  collections: Collection[];
  /** `METHOD path` (document path) → the action on its collection. */
  actions: Map<string, EndpointAction>;
}

/** Every `/things` + `/things/{id}` pair whose records have an object schema; `taken` ids are left alone. */
export function recogniseCollections(routes: RoutedOperation[], taken: Set<string>, context: SchemaContext): RecognisedCollections {
  const collections: Collection[] = [];
  const actions = new Map<string, EndpointAction>();
  const bases = new Set(routes.filter((r) => !r.modelPath.includes('{')).map((r) => r.modelPath));
  for (const base of bases) {
    const find = (method: string, path: string) => routes.find((r) => r.method === method && r.modelPath === path);
    const item = `${base}/{id}`;
    const ops = {
      list: find('GET', base),
      create: find('POST', base),
      get: find('GET', item),
      update: find('PATCH', item) ?? find('PUT', item),
      delete: find('DELETE', item),
    };
    const id = base.split('/').at(-1)!.replace(/-/g, '_');
    if (!/^[a-z][a-z_]*$/.test(id) || taken.has(id) || (!ops.get && !ops.delete && !ops.update)) continue;
    const record = recordSchema(ops.get?.operation, ops.create?.operation, ops.list?.operation);
    if (!record) continue;
    const where = pointer('paths', (ops.get ?? ops.list ?? ops.create)!.path);
    const createBody = jsonMediaType(ops.create?.operation.requestBody?.content)?.schema;
    const fieldsSchema = withDefaults(withoutSandboxFields(record), flattenAllOf(createBody));
    const fields = zodObjectFromJsonSchema(fieldsSchema, where, context);
    const create = createBody ? zodObjectFromJsonSchema(createBody, where, context) : fields;
    if (!fields || !create) continue;
    const example = jsonMediaType(ops.get?.operation.responses?.['200']?.content)?.example;
    const seed = [example ?? sampleValue(fieldsSchema)].map((r) =>
      Object.fromEntries(Object.entries(r as object).filter(([k]) => !SANDBOX_FIELDS.includes(k))),
    );
    if (!seed.every((r) => fields.safeParse(r).success)) {
      context.warnings.push({
        pointer: where,
        message: `No valid sample ${singular(id)} could be made from the schema or examples; \`${base}\` is not kept as a collection. Add an example.`,
      });
      continue;
    }
    collections.push({
      id,
      name: pascal(singular(id)) || 'Record',
      idPrefix: `${singular(id).replace(/_/g, '').slice(0, 8) || 'rec'}_`,
      idFormat: idFormatOf(record),
      timeFormat: ['integer', 'number'].includes(String(flattenAllOf(propertyOf(record, 'created_at'))?.['type'])) ? 'unix' : 'iso',
      fields,
      create,
      seed,
    });
    taken.add(id);
    for (const [type, route] of Object.entries(ops)) {
      if (!route) continue;
      const paging = type === 'list' ? listPaging(route, id) : undefined;
      actions.set(
        `${route.method} ${route.path}`,
        paging ? { type: 'list', collection: id, paging } : { type: type as 'get', collection: id },
      );
    }
  }
  return { collections, actions };
}
