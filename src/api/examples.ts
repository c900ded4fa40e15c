/**
 * Example requests and responses for the docs and the OpenAPI document, built from the
 * preset's sample data so they match what the sandbox returns.
 */
import type { ApiModel } from './model.ts';
import { exampleRecordId, recordTime, seedRecordId } from './record-fields.ts';
import { environment, fullAccessScope } from './runtime/index.ts';
import type { Collection, Endpoint } from './schema/endpoints.ts';

const EXAMPLE_TIME = '2026-11-02T09:30:00.000Z';

/** Seeded records as the sandbox serves them. */
export function seededRecords(collection: Collection): Record<string, unknown>[] {
  return collection.seed.map((record, i) => ({
    ...collection.fields.parse(record),
    id: seedRecordId(collection, i),
    created_at: recordTime(collection, Date.parse(EXAMPLE_TIME)),
  }));
}

function collectionOf(model: ApiModel, endpoint: Endpoint): Collection | undefined {
  const action = endpoint.action;
  return 'collection' in action ? model.collections.find((c) => c.id === action.collection) : undefined;
}

function exampleKey(model: ApiModel) {
  const test = environment(model, 'test');
  return {
    id: 'key_7Hq2mX9aP4',
    name: 'Production backend',
    environment: 'test',
    prefix: `${test.keyPrefix}4fQz`,
    last_four: 'x81K',
    scopes: model.keyTemplates[0]?.scopes ?? [fullAccessScope(model).id],
    status: 'active',
    created_at: EXAMPLE_TIME,
    last_used_at: null,
    expires_at: null,
    ip_allowlist: [],
    replaced_by: null,
  };
}

/**
 * The list SDK samples page through: a collection's that pages Keyport's way (`data`, `has_more`,
 * `next_cursor`; an imported document may page its own way), else the key list every model has.
 */
export function pagedList(model: ApiModel): Endpoint {
  return (
    model.endpoints.find((e) => e.action.type === 'list' && !e.action.paging && !e.path.includes('{')) ??
    model.endpoints.find((e) => e.action.type === 'keys' && e.action.operation === 'list')!
  );
}

/** A request body that the endpoint accepts, from the first sample record. */
export function requestExample(model: ApiModel, endpoint: Endpoint): Record<string, unknown> | undefined {
  if (!endpoint.body) return undefined;
  const collection = collectionOf(model, endpoint);
  if (collection) {
    // The first sample record that the create schema accepts (a seeded "owner" user, say,
    // may hold values no request can set).
    const allowed = Object.keys(collection.create.shape);
    const bodies = collection.seed.map((sample) =>
      Object.fromEntries(Object.entries(sample).filter(([k, v]) => allowed.includes(k) && v !== null)),
    );
    // Else the endpoint's own example (an imported document's), when its records fit no create.
    const body = bodies.find((candidate) => collection.create.safeParse(candidate).success) ?? endpoint.requestExample ?? bodies[0]!;
    if (endpoint.action.type !== 'update') return body;
    // One field to change: the first the update accepts on its own; else the update's own example
    // (a document whose records are wrapped, `{ stopwords: { … } }`, updates with another shape).
    const single = Object.entries(body).map(([key, value]) => ({ [key]: value }));
    const accepted = (candidate: Record<string, unknown> | undefined) => candidate && endpoint.body!.safeParse(candidate).success;
    return single.find(accepted) ?? (accepted(endpoint.requestExample) ? endpoint.requestExample : undefined) ?? single[0] ?? {};
  }
  switch (endpoint.id) {
    case 'keys.create':
      return model.keyTemplates[0] ? { name: 'Production backend', template: model.keyTemplates[0].id } : { name: 'Production backend' };
    case 'keys.update':
      return { name: 'Production backend (EU)' };
    case 'keys.roll':
      return { grace_seconds: model.keyPolicy.rollGraceSeconds.at(-1) ?? 0 };
    default:
      return endpoint.requestExample ?? {};
  }
}

/** The success response body the endpoint returns for the example request. */
export function responseExample(model: ApiModel, endpoint: Endpoint): unknown {
  const collection = collectionOf(model, endpoint);
  if (collection) {
    const records = seededRecords(collection);
    switch (endpoint.action.type) {
      case 'list':
        return { data: records, has_more: false, next_cursor: null };
      case 'delete':
        return { id: records[0]!.id, deleted: true };
      case 'create':
        return {
          ...records[0],
          ...(requestExample(model, endpoint) ?? {}),
          id: exampleRecordId(collection),
          created_at: recordTime(collection, Date.parse(EXAMPLE_TIME)),
        };
      default:
        return records[0];
    }
  }
  const key = exampleKey(model);
  const secret = `${key.prefix}…`;
  switch (endpoint.action.type) {
    case 'whoami':
      return { key_id: key.id, name: key.name, environment: 'test', scopes: key.scopes, full_access: false, expires_at: null };
    case 'example':
      return endpoint.responses?.find((r) => r.status === endpoint.successStatus)?.example ?? null;
    case 'stats':
      return { counts: Object.fromEntries(model.collections.map((c) => [c.id, c.seed.length])), requests_today: 12 };
    case 'keys':
      switch (endpoint.action.operation) {
        case 'list':
          return { data: [key], has_more: false, next_cursor: null };
        case 'create':
          return { ...key, secret };
        case 'roll':
          return {
            key: { ...key, id: 'key_2Lm8rT5wQ1', secret },
            previous: { ...key, expires_at: '2026-11-09T09:30:00.000Z', replaced_by: 'key_2Lm8rT5wQ1' },
          };
        case 'revoke':
          return { ...key, status: 'revoked' };
        case 'usage':
          return {
            key_id: key.id,
            last_used_at: EXAMPLE_TIME,
            total_requests: 3,
            error_rate: 1 / 3,
            per_day: [{ date: '2026-11-02', requests: 3, errors: 1 }],
            per_endpoint: [{ endpoint: 'whoami.get', requests: 3, errors: 1 }],
            recent_requests: [],
          };
        case 'events':
          return {
            data: [{ id: 'evt_1', type: 'key.created', time: EXAMPLE_TIME, key_id: key.id, detail: 'Created with 3 scopes' }],
            has_more: false,
            next_cursor: null,
          };
        default:
          return key;
      }
    default:
      return {};
  }
}
