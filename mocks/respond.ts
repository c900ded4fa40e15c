/**
 * Responses as the sandbox sends them: JSON, an `X-Request-Id` on every one, CORS headers so
 * browsers on any origin can call the local server and read the rate-limit headers, and error
 * bodies built only by `errorBody()` in the preset's shape.
 */
import { errorBody, type MessageParams } from '../src/api/error-body.ts';
import type { ApiModel } from '../src/api/model.ts';
import { errorDefinition, keyHeaderNames, type RequiredErrorId, RATE_LIMIT_HEADERS, REQUEST_ID_HEADER } from '../src/api/runtime/index.ts';

function corsHeaders(model: ApiModel): Record<string, string> {
  const requestHeaders = keyHeaderNames(model.auth.schemes);
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': [...requestHeaders, 'Content-Type'].join(', '),
    'Access-Control-Expose-Headers': [...Object.values(RATE_LIMIT_HEADERS), REQUEST_ID_HEADER].join(', '),
  };
}

export function json(model: ApiModel, requestId: string, status: number, body: unknown, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  for (const [name, value] of Object.entries(corsHeaders(model))) all.set(name, value);
  all.set(REQUEST_ID_HEADER, requestId);
  if (status === 204) return new Response(null, { status, headers: all });
  all.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: all });
}

export function apiError(
  model: ApiModel,
  requestId: string,
  id: RequiredErrorId,
  params: MessageParams = {},
  missing: string[] = [],
  headers: HeadersInit = {},
): Response {
  return json(model, requestId, errorDefinition(model, id).status, errorBody(model, id, params, missing), headers);
}

/** Answer to a CORS preflight: which methods and headers the browser may send. */
export function preflight(model: ApiModel, requestId: string, methods: readonly string[]): Response {
  return json(model, requestId, 204, null, {
    'Access-Control-Allow-Methods': methods.join(', '),
    'Access-Control-Max-Age': '600',
  });
}
