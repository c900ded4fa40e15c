/**
 * Runs what an endpoint does, chosen by its `action` in the model: who am I, stats, key
 * management, list/get/create/update/delete on a collection, or the documented example.
 */
import type { Endpoint } from '../src/api/schema/endpoints.ts';
import type { EnvironmentId } from '../src/api/schema/environments.ts';
import type { ActionResult } from './action-result.ts';
import * as records from './collections.ts';
import type { SandboxContext } from './context.ts';
import { documentedSuccess } from './documented-responses.ts';
import * as keys from './key-management.ts';
import type { StoredKey } from './state.ts';

export interface Call {
  endpoint: Endpoint;
  environment: EnvironmentId;
  /** The `{id}` path parameter; empty when the path has none. */
  id: string;
  /** The calling key. */
  key: StoredKey;
  /** Query and body as the endpoint's schemas output them. */
  query: unknown;
  body: unknown;
}

const collectionOps = {
  list: records.listRecords,
  get: records.getRecord,
  create: records.createRecord,
  update: records.updateRecord,
  delete: records.deleteRecord,
};

type KeyOperation = Extract<Endpoint['action'], { type: 'keys' }>['operation'];

/** Bodies are cast to the types the model's schemas output: the pipeline validated them already. */
function keyOperation(ctx: SandboxContext, operation: KeyOperation, call: Call): ActionResult | Promise<ActionResult> {
  switch (operation) {
    case 'list':
      return keys.listKeys(ctx, call.query as Parameters<typeof keys.listKeys>[1]);
    case 'create':
      return keys.createKey(ctx, call.body as Parameters<typeof keys.createKey>[1]);
    case 'get':
      return keys.getKey(ctx, call.id);
    case 'update':
      return keys.updateKey(ctx, call.id, call.body as Parameters<typeof keys.updateKey>[2]);
    case 'roll':
      return keys.rollKey(ctx, call.id, call.body as Parameters<typeof keys.rollKey>[2]);
    case 'revoke':
      return keys.revokeKey(ctx, call.id);
    case 'usage':
      return keys.keyUsage(ctx, call.id);
    case 'events':
      return keys.keyEvents(ctx, call.id);
  }
}

export async function runAction(ctx: SandboxContext, call: Call): Promise<ActionResult> {
  const action = call.endpoint.action;
  switch (action.type) {
    case 'whoami':
      return keys.whoami(ctx, call.key);
    case 'stats':
      return records.stats(ctx, call.environment, call.key.id);
    case 'keys':
      return keyOperation(ctx, action.operation, call);
    case 'example':
      return documentedSuccess(call.endpoint);
    default:
      return collectionOps[action.type](ctx, {
        collection: ctx.model.collections.find((c) => c.id === action.collection)!,
        paging: action.type === 'list' ? action.paging : undefined,
        environment: call.environment,
        id: call.id,
        query: call.query as records.CollectionCall['query'],
        body: (call.body ?? {}) as Record<string, unknown>,
        response: call.endpoint.response,
      });
  }
}
