/**
 * The request a sample makes for an endpoint: method, URL on the test environment, query, the
 * header that carries the key, other headers, the example body, and the SDK call that makes it.
 * Snippets in every language are rendered from this one description.
 */
import { requestExample, seededRecords } from './examples.ts';
import type { ApiModel } from './model.ts';
import { environment, keyHeader, type KeyHeader } from './runtime/index.ts';
import type { AuthScheme } from './schema/auth.ts';
import type { Endpoint } from './schema/endpoints.ts';

export interface ExampleRequest {
  method: string;
  /** The base URL the request goes to, e.g. `https://sandbox.huechat.ai/v2`. */
  baseUrl: string;
  /** Absolute URL without the query string. */
  url: string;
  query: Array<[string, string]>;
  /** Where the key goes: `Authorization` with `Bearer ` before it, or a header of its own; `null` sends none. */
  auth: KeyHeader | null;
  /** Headers other than the key's, e.g. `Content-Type`. */
  headers: Array<[string, string]>;
  body?: unknown;
  /** The SDK call that makes the same request, e.g. `client.contacts.get('ct_1')`. */
  sdk: { resource: string; method: string; id?: string; args?: unknown };
}

/** An id the sandbox knows for this endpoint's collection, so samples really answer. */
export function sampleId(model: ApiModel, endpoint: Endpoint): string {
  const action = endpoint.action;
  const collection = 'collection' in action ? model.collections.find((c) => c.id === action.collection) : undefined;
  return collection ? String(seededRecords(collection)[0]!.id) : 'key_7Hq2mX9aP4';
}

export interface RequestChoices {
  scheme?: AuthScheme | null;
  id?: string;
  query?: Record<string, string>;
  body?: unknown;
  baseUrl?: string;
}

/** The request for an endpoint with the reader's choices, or the documented example. */
export function buildRequest(model: ApiModel, endpoint: Endpoint, choices: RequestChoices = {}): ExampleRequest {
  const scheme = choices.scheme === undefined ? model.auth.schemes[0]! : choices.scheme;
  const baseUrl = choices.baseUrl ?? environment(model, 'test').baseUrl;
  const hasId = endpoint.path.includes('{id}');
  const id = hasId ? (choices.id ?? sampleId(model, endpoint)) : undefined;
  const body = endpoint.body ? (choices.body ?? requestExample(model, endpoint)) : undefined;
  const query = Object.entries(choices.query ?? {}).filter(([, value]) => value !== '');
  const headers: Array<[string, string]> = body !== undefined ? [['Content-Type', 'application/json']] : [];
  const [resource, method] = endpoint.id.split('.') as [string, string];
  const args = body !== undefined ? body : query.length ? Object.fromEntries(query) : undefined;
  return {
    method: endpoint.method,
    baseUrl,
    url: baseUrl + endpoint.path.replace('{id}', encodeURIComponent(id ?? '')),
    query,
    auth: scheme ? keyHeader(scheme) : null,
    headers,
    ...(body !== undefined ? { body } : {}),
    sdk: { resource, method, ...(id !== undefined ? { id } : {}), ...(args !== undefined ? { args } : {}) },
  };
}
