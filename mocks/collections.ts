/**
 * The preset's sample data: seeded records (`<idPrefix>seed_<n>`, see `record-fields.ts`), and list, get, create, update,
 * delete and stats over them, per environment. Lists are oldest first (seeded records, then
 * created ones, in the order they were made), matching the examples in the docs.
 */
import type { z } from 'zod';
import type { ApiModel } from '../src/api/model.ts';
import { recordTime, seedRecordId } from '../src/api/record-fields.ts';
import { takesSeveralValues, type Collection, type ListPaging } from '../src/api/schema/endpoints.ts';
import type { EnvironmentId } from '../src/api/schema/environments.ts';
import { fail, invalid, ok, type ActionResult } from './action-result.ts';
import type { SandboxContext } from './context.ts';
import { randomId, randomUuid } from './ids.ts';
import { documentedPage, paginate } from './paginate.ts';
import type { EnvironmentData, SandboxState, StoredRecord } from './state.ts';
import { requestsOn } from './usage.ts';

function seed(model: ApiModel, now: number): EnvironmentData {
  return Object.fromEntries(
    model.collections.map((collection) => [
      collection.id,
      collection.seed.map((record, i) => ({
        ...collection.fields.parse(record),
        id: seedRecordId(collection, i),
        created_at: recordTime(collection, now),
      })),
    ]),
  );
}

/** The same sample records in both environments; they change independently from then on. */
export function seedData(model: ApiModel, now: number): SandboxState['data'] {
  return { live: seed(model, now), test: seed(model, now) };
}

/** "AgentLoop" → "agent loop", for messages. */
const noun = (collection: Collection) => collection.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export interface CollectionCall {
  collection: Collection;
  /** A list's own paging, when its document has one Keyport recognised. */
  paging?: ListPaging | undefined;
  environment: EnvironmentId;
  id: string;
  query: { limit: number; starting_after?: string };
  body: Record<string, unknown>;
  /** The endpoint's success response: a delete answers what it describes. */
  response?: z.ZodType | undefined;
}

function recordsOf(ctx: SandboxContext, call: CollectionCall): StoredRecord[] {
  return ctx.state().data[call.environment][call.collection.id]!;
}

const notFound = (call: CollectionCall) => fail('not_found', { detail: `${noun(call.collection)} with id "${call.id}"` });

export function listRecords(ctx: SandboxContext, call: CollectionCall): ActionResult {
  if (call.paging) {
    const body = documentedPage(recordsOf(ctx, call), call.paging, call.query as Record<string, unknown>);
    const cursor = call.paging.position ?? 'cursor';
    return body === null
      ? invalid(cursor, `no ${noun(call.collection)} with id "${String((call.query as Record<string, unknown>)[cursor])}"`)
      : ok(body);
  }
  const page = paginate(recordsOf(ctx, call), call.query);
  return page ? ok(page) : invalid('starting_after', `no ${noun(call.collection)} with id "${call.query.starting_after}"`);
}

export function getRecord(ctx: SandboxContext, call: CollectionCall): ActionResult {
  const record = recordsOf(ctx, call).find((r) => r.id === call.id);
  return record ? ok(record) : notFound(call);
}

/**
 * The body as the record keeps it: a single value where the record holds a list becomes a list
 * of one (Resend takes `to` as text or a list, and shows a list), as the API itself stores it.
 */
function asRecordFields(collection: Collection, body: Record<string, unknown>): Record<string, unknown> {
  const shape = collection.fields.shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => [
      name,
      takesSeveralValues(shape[name]) && value !== null && value !== undefined && !Array.isArray(value) ? [value] : value,
    ]),
  );
}

export function createRecord(ctx: SandboxContext, call: CollectionCall): ActionResult {
  const { collection } = call;
  // Test mode never has real effects: e.g. a message created with a test key is "simulated".
  const overrides = call.environment === 'test' ? (collection.testModeOverrides ?? {}) : {};
  // An imported document may describe a record differently from the body that creates it: a body
  // its endpoint accepted is kept as sent where the record's schema cannot read it.
  const fields = collection.fields.safeParse(asRecordFields(collection, call.body));
  const record: StoredRecord = {
    ...(fields.success ? fields.data : { ...call.body }),
    ...overrides,
    id: collection.idFormat === 'uuid' ? randomUuid(ctx.random) : randomId(collection.idPrefix, ctx.random, 14),
    created_at: recordTime(collection, ctx.now()),
  };
  recordsOf(ctx, call).push(record);
  return ok(record, 201);
}

export function updateRecord(ctx: SandboxContext, call: CollectionCall): ActionResult {
  const records = recordsOf(ctx, call);
  const index = records.findIndex((r) => r.id === call.id);
  const current = records[index];
  if (!current) return notFound(call);
  // As in `createRecord`: a body its endpoint accepted is kept as sent, where an imported
  // document's update takes another shape than its records show (Typesense's stopwords).
  const merged = call.collection.fields.safeParse({ ...current, ...asRecordFields(call.collection, call.body) });
  const record: StoredRecord = {
    ...(merged.success ? merged.data : { ...current, ...call.body }),
    id: current.id,
    created_at: current.created_at,
  };
  records[index] = record;
  return ok(record);
}

export function deleteRecord(ctx: SandboxContext, call: CollectionCall): ActionResult {
  const records = recordsOf(ctx, call);
  const index = records.findIndex((r) => r.id === call.id);
  if (index === -1) return notFound(call);
  const [removed] = records.splice(index, 1);
  // Keyport's own answer, unless the API documents that a delete answers the record it removed.
  const deleted = { id: call.id, deleted: true };
  const answersRecord = call.response && !call.response.safeParse(deleted).success && call.response.safeParse(removed).success;
  return ok(answersRecord ? removed : deleted);
}

export function stats(ctx: SandboxContext, environment: EnvironmentId, keyId: string): ActionResult {
  const data = ctx.state().data[environment];
  return ok({
    counts: Object.fromEntries(ctx.model.collections.map((c) => [c.id, data[c.id]?.length ?? 0])),
    // This request is recorded once it is answered, so it is added here.
    requests_today: requestsOn(ctx.state().account, keyId, ctx.now()) + 1,
  });
}
