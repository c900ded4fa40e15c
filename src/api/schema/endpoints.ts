import { z } from 'zod';
import { scopeIdSchema } from './scopes.ts';

/** A zod schema held as data: request bodies, queries and responses are described with zod. */
const zodObject = z.custom<z.ZodObject>((value) => value instanceof z.ZodObject, {
  message: 'Expected a zod object schema (z.object({...})).',
});
const zodType = z.custom<z.ZodType>((value) => value instanceof z.ZodType, {
  message: 'Expected a zod schema.',
});

/**
 * Whether a query parameter's schema takes a list, i.e. the parameter may be given several times
 * (`?tag=a&tag=b`); optional, default and preprocessing wrappers are looked through.
 */
export function takesSeveralValues(schema: z.ZodType | undefined): boolean {
  let current = schema;
  while (current && ['optional', 'default', 'nullable', 'prefault', 'pipe'].includes(current._zod.def.type)) {
    const def = current._zod.def as unknown as { innerType?: z.ZodType; out?: z.ZodType };
    current = def.innerType ?? def.out;
  }
  return current?._zod.def.type === 'array';
}

/**
 * A collection of sample records the sandbox keeps, e.g. contacts.
 * Records get `id` (with `idPrefix`) and `created_at` from the sandbox.
 */
export const collectionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z_]*$/, 'Collection ids are snake_case plurals, e.g. "contacts".'),
  /** Singular name for docs and the SDK's types, e.g. "Contact". */
  name: z.string().regex(/^[A-Z][A-Za-z]*$/, 'Collection names are PascalCase singulars, e.g. "Contact".'),
  idPrefix: z.string().regex(/^[a-z]+_$/, 'An id prefix is lowercase letters and "_", e.g. "ct_".'),
  /**
   * What record ids look like: the prefix and random letters (`ct_4fQz…`), or a UUID where an
   * imported document says its ids are UUIDs.
   */
  idFormat: z.enum(['prefixed', 'uuid']).default('prefixed'),
  /** What `created_at` holds: an ISO 8601 time, or Unix seconds where an imported document says so. */
  timeFormat: z.enum(['iso', 'unix']).default('iso'),
  /** The stored record, without `id` and `created_at`. */
  fields: zodObject,
  /** The body accepted on create; update accepts any subset of it. */
  create: zodObject,
  /** Sample records the sandbox starts with (without `id` and `created_at`). */
  seed: z.array(z.record(z.string(), z.unknown())).min(1),
  /**
   * In the test environment nothing real happens: records created there get these field values
   * (e.g. messages get `status: "simulated"` instead of being sent).
   */
  testModeOverrides: z.record(z.string(), z.unknown()).optional(),
});

export type Collection = z.output<typeof collectionSchema>;

export const httpMethodSchema = z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);
export type HttpMethod = z.output<typeof httpMethodSchema>;

/**
 * How a list pages and what it answers when an imported document pages its own way; without it a
 * list pages Keyport's way (`limit` and `starting_after` in, `{data, has_more, next_cursor}` out).
 */
export const listPagingSchema = z.strictObject({
  /**
   * What chooses the page: `cursor`, the id of the last record seen; `offset`, how many records to
   * skip; `page`, a page number from 1; `all`, nothing (every record at once).
   */
  style: z.enum(['cursor', 'offset', 'page', 'all']),
  /** Query parameter with the page size, e.g. `per_page`. */
  limit: z.string().min(1).optional(),
  /** Query parameter with the cursor, the offset or the page number, e.g. `page`. */
  position: z.string().min(1).optional(),
  /** Response property that holds the records, e.g. `droplets`; absent when the response is a bare array. */
  items: z.string().min(1).optional(),
  /**
   * The response's other properties, with the values the document shows. The sandbox sets those it
   * knows by name: `has_more`/`hasMore`, `done`, `total`/`total_count`/`meta.total`, and the next
   * cursor (`next_cursor`, `nextCursor`, `iterator`, `next`).
   */
  envelope: z.record(z.string(), z.unknown()).default({}),
});

export type ListPaging = z.output<typeof listPagingSchema>;

/** What the sandbox does for an endpoint. */
export const endpointActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('list'), collection: z.string(), paging: listPagingSchema.optional() }),
  z.strictObject({ type: z.enum(['get', 'create', 'update', 'delete']), collection: z.string() }),
  /** Counts of every collection and of this key's requests: an analytics-style read. */
  z.strictObject({ type: z.literal('stats') }),
  /** The calling key: id, name, environment, scopes, expiry. */
  z.strictObject({ type: z.literal('whoami') }),
  /**
   * No state: the documented response of `successStatus` from `responses` (its example, or a
   * value generated from its schema). Imported operations outside a REST collection do this.
   */
  z.strictObject({ type: z.literal('example') }),
  z.strictObject({
    type: z.literal('keys'),
    operation: z.enum(['list', 'create', 'get', 'update', 'roll', 'revoke', 'usage', 'events']),
  }),
]);

export type EndpointAction = z.output<typeof endpointActionSchema>;

/** Any 2xx: what the API documents, e.g. 202 for work accepted and done later. */
export const successStatusSchema = z.int().min(200, 'A success status is a 2xx code.').max(299, 'A success status is a 2xx code.');

/**
 * A response the API documents for an endpoint, with the body the sandbox answers for it. An
 * imported document's responses are kept so that a reader can ask for any of them
 * (`Prefer: code=404`) and so `example` endpoints have something to answer.
 */
export const documentedResponseSchema = z.strictObject({
  status: z.int().min(100).max(599),
  description: z.string().optional(),
  /** The body as JSON; absent for a response without one. */
  example: z.unknown().optional(),
  /** The documented JSON Schema of the body, written back to `/openapi.json`. */
  schema: z.record(z.string(), z.unknown()).optional(),
});

export type DocumentedResponse = z.output<typeof documentedResponseSchema>;

export const endpointSchema = z.strictObject({
  /** `resource.method`, also the SDK call: "contacts.list" → `client.contacts.list()`. */
  id: z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, 'Endpoint ids look like "contacts.list" (resource.method, camelCase).'),
  method: httpMethodSchema,
  /**
   * Path below the base URL with `{param}` placeholders, e.g. "/contacts/{id}". The last one is
   * `{id}`; those before it name parent records, e.g. "/domains/{domain_name}/records/{id}".
   */
  path: z.string().regex(/^(\/[a-z0-9_{}-]+)+$/, 'Paths start with "/" and use {param} placeholders, e.g. "/contacts/{id}".'),
  summary: z.string().min(1),
  description: z.string().optional(),
  /** Group in the reference and the sidebar, e.g. "Contacts". */
  tag: z.string().min(1),
  /** Every scope listed is required; a key with the full-access scope passes any check. */
  scopes: z.array(scopeIdSchema),
  action: endpointActionSchema,
  /**
   * The path parameters (by their names in `path`) as the API documents them, checked before the
   * action runs. Imported endpoints answered from the document carry it; a collection's `{id}` is
   * the sandbox's own record id and is not described here.
   */
  params: zodObject.optional(),
  query: zodObject.optional(),
  body: zodObject.optional(),
  /**
   * Values samples put in the path's parameters, by name, e.g. `{ domain_name: 'example.com' }`:
   * documented, or generated and accepted by `params`. A collection's `{id}` is not here: samples
   * take one of its seeded records.
   */
  pathExample: z.record(z.string(), z.string()).optional(),
  /** Values samples send for the required query parameters (a list for one given several times). */
  queryExample: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  /**
   * The body samples show and send: an imported document's example, or a value generated from
   * its schema; absent, `{}`. A collection's create or update takes one of its records first.
   */
  requestExample: z.record(z.string(), z.unknown()).optional(),
  /** The response body on success. */
  response: zodType,
  /** HTTP status on success. */
  successStatus: successStatusSchema.default(200),
  /** Every documented response, for `Prefer: code=…` and `example` actions; presets leave it out. */
  responses: z.array(documentedResponseSchema).optional(),
});

export type Endpoint = z.output<typeof endpointSchema>;
export type EndpointInput = z.input<typeof endpointSchema>;
