/**
 * Endpoints and shapes every Keyport API has, whatever the preset: "who am I" and key
 * management. Their paths and required scopes come from the preset's `management` settings.
 */
import { z } from 'zod';
import { keyNameSchema } from './key-name.ts';
import type { Collection, EndpointInput } from './schema/endpoints.ts';

export const KEY_STATUSES = ['active', 'inactive', 'revoked', 'expired'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export const AUDIT_EVENT_TYPES = [
  'key.created',
  'key.rolled',
  'key.renamed',
  'key.disabled',
  'key.enabled',
  'key.revoked',
  'key.expired',
] as const;

const timestamp = z.iso.datetime().describe('ISO 8601 time in UTC');

export const apiKeySchema = z.object({
  id: z.string().describe('Stable id of the key; safe to share with support.'),
  name: z.string(),
  environment: z.enum(['live', 'test']),
  prefix: z.string().describe('The first characters of the key, for recognising it.'),
  last_four: z.string().describe('The last four characters of the key.'),
  scopes: z.array(z.string()),
  status: z.enum(KEY_STATUSES),
  created_at: timestamp,
  last_used_at: timestamp.nullable(),
  expires_at: timestamp.nullable(),
  ip_allowlist: z.array(z.string()),
  replaced_by: z.string().nullable().describe('Id of the key this one was rolled to.'),
});

export const createdApiKeySchema = apiKeySchema.extend({
  secret: z.string().describe('The full key. Returned only in this response: store it now.'),
});

export const whoamiSchema = z.object({
  key_id: z.string(),
  name: z.string(),
  environment: z.enum(['live', 'test']),
  scopes: z.array(z.string()),
  full_access: z.boolean(),
  expires_at: timestamp.nullable(),
});

const requestLogEntrySchema = z.object({
  id: z.string(),
  time: timestamp,
  method: z.string(),
  path: z.string(),
  endpoint: z.string().nullable(),
  status: z.number().int(),
  latency_ms: z.number(),
  ip: z.string(),
  user_agent: z.string(),
});

export const usageSchema = z.object({
  key_id: z.string(),
  last_used_at: timestamp.nullable(),
  total_requests: z.number().int(),
  error_rate: z.number().min(0).max(1),
  per_day: z.array(z.object({ date: z.string(), requests: z.number().int(), errors: z.number().int() })),
  per_endpoint: z.array(z.object({ endpoint: z.string(), requests: z.number().int(), errors: z.number().int() })),
  recent_requests: z.array(requestLogEntrySchema),
});

export const auditEventSchema = z.object({
  id: z.string(),
  type: z.enum(AUDIT_EVENT_TYPES),
  time: timestamp,
  key_id: z.string(),
  detail: z.string(),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().describe('Pass as `starting_after` to get the next page.'),
  });

const LIMIT_PROBLEM = 'use a whole number from 1 to 100, in decimal digits';

/**
 * Query values arrive as text. Only plain decimal digits become a number: `Number()` alone would
 * also read `0x10` as 16, `1e1` as 10 and `""` as 0.
 */
const decimal = (value: unknown) => (typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : value);

export const listQuerySchema = z.object({
  limit: z
    .preprocess(decimal, z.number({ error: LIMIT_PROBLEM }).int(LIMIT_PROBLEM).min(1, LIMIT_PROBLEM).max(100, LIMIT_PROBLEM).default(20))
    .describe('How many records to return (1–100).'),
  starting_after: z.string().optional().describe('Cursor from the previous page’s `next_cursor`.'),
});

export interface ManagementSettings {
  keysPath: string;
  whoamiPath: string;
  scopes: string[];
}

/** Body to create a key; every field but `name` is optional. */
export function createKeyBodySchema(nameMaxLength: number) {
  return z.object({
    name: keyNameSchema(nameMaxLength),
    environment: z.enum(['live', 'test']).default('test'),
    scopes: z.array(z.string()).optional().describe('Scopes for the key; full access when neither this nor `template` is given.'),
    template: z.string().optional().describe('Id of a key template whose scopes the key gets.'),
    expires_in_days: z.number().int().positive().nullable().optional(),
    ip_allowlist: z.array(z.string()).optional(),
  });
}

export function builtinEndpoints(settings: ManagementSettings, nameMaxLength: number): EndpointInput[] {
  const { keysPath, whoamiPath, scopes } = settings;
  const keyAction = (operation: 'list' | 'create' | 'get' | 'update' | 'roll' | 'revoke' | 'usage' | 'events') =>
    ({ type: 'keys', operation }) as const;
  return [
    {
      id: 'whoami.get',
      method: 'GET',
      path: whoamiPath,
      summary: 'Who am I',
      description:
        'Returns the key that made the request: its id, name, environment, scopes and expiry. Use it to check a key after deploying it.',
      tag: 'Authentication',
      scopes: [],
      action: { type: 'whoami' },
      response: whoamiSchema,
    },
    {
      id: 'keys.list',
      method: 'GET',
      path: keysPath,
      summary: 'List API keys',
      description:
        'Every key of the account, newest first. Secrets are never returned, only a display prefix and the last four characters.',
      tag: 'API keys',
      scopes,
      action: keyAction('list'),
      query: listQuerySchema,
      response: listOf(apiKeySchema),
    },
    {
      id: 'keys.create',
      method: 'POST',
      path: keysPath,
      summary: 'Create an API key',
      description: 'Creates a key and returns its secret once. Only a hash of the key is stored.',
      tag: 'API keys',
      scopes,
      action: keyAction('create'),
      body: createKeyBodySchema(nameMaxLength),
      response: createdApiKeySchema,
      successStatus: 201,
    },
    {
      id: 'keys.get',
      method: 'GET',
      path: `${keysPath}/{id}`,
      summary: 'Get an API key',
      tag: 'API keys',
      scopes,
      action: keyAction('get'),
      response: apiKeySchema,
    },
    {
      id: 'keys.update',
      method: 'PATCH',
      path: `${keysPath}/{id}`,
      summary: 'Rename, disable or enable an API key',
      description: 'A disabled key is refused until it is enabled again; unlike revoking, nothing is lost.',
      tag: 'API keys',
      scopes,
      action: keyAction('update'),
      body: z.object({
        name: keyNameSchema(nameMaxLength).optional(),
        status: z.enum(['active', 'inactive']).optional(),
      }),
      response: apiKeySchema,
    },
    {
      id: 'keys.roll',
      method: 'POST',
      path: `${keysPath}/{id}/roll`,
      summary: 'Roll an API key',
      description:
        'Creates a new key with the same scopes and returns its secret once. The old key keeps working for the grace period, then expires.',
      tag: 'API keys',
      scopes,
      action: keyAction('roll'),
      body: z.object({
        grace_seconds: z.number().int().min(0).default(0).describe('How long the old key keeps working.'),
      }),
      response: z.object({ key: createdApiKeySchema, previous: apiKeySchema }),
      successStatus: 201,
    },
    {
      id: 'keys.revoke',
      method: 'DELETE',
      path: `${keysPath}/{id}`,
      summary: 'Revoke an API key',
      description: 'Stops the key at once. A revoked key cannot be restored.',
      tag: 'API keys',
      scopes,
      action: keyAction('revoke'),
      response: apiKeySchema,
    },
    {
      id: 'keys.usage',
      method: 'GET',
      path: `${keysPath}/{id}/usage`,
      summary: 'Usage of an API key',
      description: 'Last use, requests per day, error rate, requests per endpoint and the most recent requests.',
      tag: 'API keys',
      scopes,
      action: keyAction('usage'),
      response: usageSchema,
    },
    {
      id: 'keys.events',
      method: 'GET',
      path: `${keysPath}/{id}/events`,
      summary: 'Audit events of an API key',
      description: 'Created, rolled, renamed, disabled, enabled, revoked and expired events, newest first.',
      tag: 'API keys',
      scopes,
      action: keyAction('events'),
      response: listOf(auditEventSchema),
    },
  ];
}

/**
 * The endpoints a collection gets: list, get, create, update and delete, as the preset picks.
 * What a preset leaves out follows the collection's id (`agent_loops`): path `/agent-loops`, tag
 * "Agent loops", scopes `agent_loops:read` and `agent_loops:write`.
 */
export function collectionEndpoints(
  collection: Collection,
  choices: {
    path?: string;
    tag?: string;
    read?: string[];
    write?: string[];
    operations: Array<'list' | 'get' | 'create' | 'update' | 'delete'>;
    resource?: string;
  },
): EndpointInput[] {
  const words = collection.id.replace(/_/g, ' ');
  const options = {
    path: choices.path ?? `/${collection.id.replace(/_/g, '-')}`,
    tag: choices.tag ?? words.charAt(0).toUpperCase() + words.slice(1),
    read: choices.read ?? [`${collection.id}:read`],
    write: choices.write ?? [`${collection.id}:write`],
    operations: choices.operations,
  };
  const record = recordSchema(collection);
  const resource = choices.resource ?? camel(collection.id);
  const all: Record<string, EndpointInput> = {
    list: {
      id: `${resource}.list`,
      method: 'GET',
      path: options.path,
      summary: `List ${collection.id.replace(/_/g, ' ')}`,
      tag: options.tag,
      scopes: options.read,
      action: { type: 'list', collection: collection.id },
      query: listQuerySchema,
      response: listOf(record),
    },
    get: {
      id: `${resource}.get`,
      method: 'GET',
      path: `${options.path}/{id}`,
      summary: `Get a ${lower(collection.name)}`,
      tag: options.tag,
      scopes: options.read,
      action: { type: 'get', collection: collection.id },
      response: record,
    },
    create: {
      id: `${resource}.create`,
      method: 'POST',
      path: options.path,
      summary: `Create a ${lower(collection.name)}`,
      tag: options.tag,
      scopes: options.write,
      action: { type: 'create', collection: collection.id },
      body: collection.create,
      response: record,
      successStatus: 201,
    },
    update: {
      id: `${resource}.update`,
      method: 'PATCH',
      path: `${options.path}/{id}`,
      summary: `Update a ${lower(collection.name)}`,
      tag: options.tag,
      scopes: options.write,
      action: { type: 'update', collection: collection.id },
      body: collection.create.partial(),
      response: record,
    },
    delete: {
      id: `${resource}.delete`,
      method: 'DELETE',
      path: `${options.path}/{id}`,
      summary: `Delete a ${lower(collection.name)}`,
      tag: options.tag,
      scopes: options.write,
      action: { type: 'delete', collection: collection.id },
      response: z.object({ id: z.string(), deleted: z.literal(true) }),
    },
  };
  return options.operations.map((operation) => all[operation]!);
}

/** A stored record as the API returns it: the collection's fields plus id and creation time. */
export function recordSchema(collection: Collection) {
  return collection.fields.extend({ id: z.string(), created_at: collection.timeFormat === 'unix' ? z.int() : timestamp });
}

const lower = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const camel = (id: string) => id.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
