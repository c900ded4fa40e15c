/**
 * The request a sample makes for an endpoint: method, URL on the test environment, headers
 * with the key as an environment-variable reference, and the example body. Snippets in every
 * language are rendered from this one description.
 */
import { requestExample, seededRecords } from './examples.ts';
import type { ApiModel } from './model.ts';
import type { AuthScheme } from './schema/auth.ts';
import type { Endpoint } from './schema/endpoints.ts';

export interface ExampleRequest {
  method: string;
  url: string;
  /** Header name → value; the key appears only as `keyPlaceholder`. */
  headers: Array<[string, string]>;
  body: Record<string, unknown> | undefined;
  /** What stands for the key in `headers`, e.g. `$HUECHAT_API_KEY`. */
  keyPlaceholder: string;
}

export function authHeader(scheme: AuthScheme, key: string): [string, string] {
  return scheme.type === 'bearer' ? ['Authorization', `Bearer ${key}`] : [scheme.name, key];
}

/** An id the sandbox knows for this endpoint's collection, so path samples really answer. */
function sampleId(model: ApiModel, endpoint: Endpoint): string {
  const action = endpoint.action;
  const collection = 'collection' in action ? model.collections.find((c) => c.id === action.collection) : undefined;
  return collection ? String(seededRecords(collection)[0]!.id) : 'key_7Hq2mX9aP4';
}

export function exampleRequest(
  model: ApiModel,
  endpoint: Endpoint,
  options: { scheme?: AuthScheme; keyPlaceholder?: string; baseUrl?: string } = {},
): ExampleRequest {
  const scheme = options.scheme ?? model.auth.schemes[0]!;
  const keyPlaceholder = options.keyPlaceholder ?? `$${model.product.envVar}`;
  const baseUrl = options.baseUrl ?? model.environments.find((env) => env.id === 'test')!.baseUrl;
  const path = endpoint.path.replace('{id}', encodeURIComponent(sampleId(model, endpoint)));
  const body = requestExample(model, endpoint);
  const headers: Array<[string, string]> = [authHeader(scheme, keyPlaceholder)];
  if (body) headers.push(['Content-Type', 'application/json']);
  return { method: endpoint.method, url: baseUrl + path, headers, body, keyPlaceholder };
}

/** The request as a curl command reading the key from the environment. */
export function curlCommand(request: ExampleRequest): string {
  const parts = [`curl${request.method === 'GET' ? '' : ` -X ${request.method}`} ${request.url}`];
  for (const [name, value] of request.headers) parts.push(`-H "${name}: ${value}"`);
  if (request.body) parts.push(`-d '${JSON.stringify(request.body).replace(/'/g, "'\\''")}'`);
  return parts.join(' \\\n  ');
}
