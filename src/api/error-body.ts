/**
 * Builds an error body in the preset's shape. The sandbox sends these; the docs and the
 * OpenAPI document show them as examples, so what readers see is what they receive.
 */
import type { ApiModel } from './model.ts';
import { environment, errorDefinition, errorDocsPath } from './runtime/index.ts';

/** Values for a message's `{placeholders}`; unknown placeholders are left as written. */
export type MessageParams = Record<string, string | number>;

export function errorMessage(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Example values for the docs, so a message reads naturally before any request is made. */
export function exampleParams(model: ApiModel): MessageParams {
  const live = environment(model, 'live');
  return {
    detail: 'the checksum does not match: a character was mistyped',
    keyEnvironment: 'live',
    requestEnvironment: 'test',
    keyBaseUrl: live.baseUrl,
    retryAfter: 42,
    expiredAt: '2026-01-31T00:00:00.000Z',
    field: 'name',
  };
}

export function errorBody(model: ApiModel, id: string, params: MessageParams = {}, missing: string[] = []): Record<string, unknown> {
  const definition = errorDefinition(model, id);
  const { envelope, fields } = model.errorFormat;
  const body: Record<string, unknown> = {};
  if (fields.kind) body[fields.kind] = definition.kind;
  body[fields.message] = errorMessage(definition.message, params);
  if (fields.status) body[fields.status] = definition.status;
  body[fields.id] = definition.id;
  if (id === 'insufficient_scope') body[fields.missingScopes] = missing;
  body[fields.docs] = model.product.docsUrl + errorDocsPath(definition.id);
  return envelope ? { [envelope]: body } : body;
}
