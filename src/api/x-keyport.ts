/**
 * The `x-keyport` extensions of the OpenAPI document: what OpenAPI cannot say about a Keyport API
 * (key prefixes, environments, key templates, rate-limit tiers, key policy, webhook signing,
 * product wording, the sandbox's sample data), so that importing `/openapi.json` gives back the
 * model it was written from. The root object holds the model's settings; each operation holds
 * what the sandbox does for it.
 */
import { z } from 'zod';
import type { ApiModel } from './model.ts';
import type { Collection, Endpoint, EndpointAction } from './schema/endpoints.ts';

/** The name of the extension, at the document's root and on each operation. */
export const X_KEYPORT = 'x-keyport';

type Json = Record<string, unknown>;

/** A zod schema as JSON Schema (2020-12, as OpenAPI 3.1 uses), without the `$schema` line. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

/**
 * A collection as data: its zod schemas as JSON Schema. `fields` is written as input, because the
 * sandbox parses seed records and merged updates with it, so its defaults must survive.
 */
function collectionData(collection: Collection): Json {
  return {
    id: collection.id,
    name: collection.name,
    idPrefix: collection.idPrefix,
    ...(collection.idFormat === 'uuid' ? { idFormat: collection.idFormat } : {}),
    ...(collection.timeFormat === 'unix' ? { timeFormat: collection.timeFormat } : {}),
    fields: jsonSchemaOf(collection.fields, 'input'),
    create: jsonSchemaOf(collection.create, 'input'),
    seed: collection.seed,
    ...(collection.testModeOverrides ? { testModeOverrides: collection.testModeOverrides } : {}),
  };
}

/** The root `x-keyport` object: every setting of the model that is plain data, and the collections. */
export function rootExtension(model: ApiModel): Json {
  return {
    product: model.product,
    environments: model.environments,
    keyFormat: model.keyFormat,
    keyPolicy: model.keyPolicy,
    scopes: model.scopes,
    access: model.access,
    keyTemplates: model.keyTemplates,
    collections: model.collections.map(collectionData),
    management: model.management,
    errorFormat: model.errorFormat,
    errors: model.errors,
    rateLimits: model.rateLimits,
    webhooks: model.webhooks,
    monitoring: model.monitoring,
  };
}

/** What an operation's `x-keyport` says: what the sandbox does, and where it stands in the model. */
export interface OperationExtension {
  action: EndpointAction;
  /** Position among the model's endpoints; OpenAPI groups operations by path, which loses it. */
  order: number;
  /** The endpoint's own description (`null` for none): the document's adds a note on scopes. */
  description: string | null;
}

export function operationExtension(endpoint: Endpoint, order: number): OperationExtension {
  return {
    action: endpoint.action,
    order,
    description: endpoint.description ?? null,
  };
}
