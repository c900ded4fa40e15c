/**
 * The request a docs sample makes for an endpoint: on the test environment, with the documented
 * example body and an id the sandbox knows. The shape is `runtime/request.ts`'s, which the
 * console fills in the browser from what the reader typed.
 */
import { requestExample, seededRecords } from './examples.ts';
import type { ApiModel } from './model.ts';
import { defaultScheme, environment, keyPlacement, requestFor, type ExampleRequest } from './runtime/index.ts';
import type { AuthScheme } from './schema/auth.ts';
import type { Endpoint } from './schema/endpoints.ts';

/** An id the sandbox knows for this endpoint's collection, so samples really answer. */
export function sampleId(model: ApiModel, endpoint: Endpoint): string {
  const documented = endpoint.pathExample?.['id'];
  if (documented !== undefined) return documented;
  const action = endpoint.action;
  const collection = 'collection' in action ? model.collections.find((c) => c.id === action.collection) : undefined;
  return collection ? String(seededRecords(collection)[0]!.id) : 'key_7Hq2mX9aP4';
}

export interface RequestChoices {
  scheme?: AuthScheme | null;
  id?: string;
  query?: Record<string, string | readonly string[]>;
  body?: unknown;
  baseUrl?: string;
}

/** The request for an endpoint with the reader's choices, or the documented example. */
export function buildRequest(model: ApiModel, endpoint: Endpoint, choices: RequestChoices = {}): ExampleRequest {
  const scheme = choices.scheme === undefined ? defaultScheme(model.auth.schemes) : choices.scheme;
  const hasId = endpoint.path.includes('{id}');
  const query = choices.query ?? endpoint.queryExample;
  return requestFor(
    { id: endpoint.id, method: endpoint.method, path: endpoint.path, hasBody: !!endpoint.body },
    {
      baseUrl: choices.baseUrl ?? environment(model, 'test').baseUrl,
      auth: scheme ? keyPlacement(scheme) : null,
      id: hasId ? (choices.id ?? sampleId(model, endpoint)) : undefined,
      path: endpoint.pathExample,
      ...(query ? { query } : {}),
      ...(endpoint.body ? { body: choices.body ?? requestExample(model, endpoint) } : {}),
    },
  );
}
