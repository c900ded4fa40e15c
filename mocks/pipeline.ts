/**
 * One request to a known endpoint, start to finish: refuse an address with too many failed
 * authentications, authenticate (steps 1–3, counting a 401 against the address), check scopes (4),
 * take a rate-limit slot (5), answer a `Prefer: code=NNN` of an imported operation as documented,
 * validate input, run the action, answer with the right headers, and
 * record the request in the key's usage when a key was identified.
 */
import type { ApiModel } from '../src/api/model.ts';
import { fullAccessScope, keyQueryParams, missingScopes } from '../src/api/runtime/index.ts';
import type { Endpoint } from '../src/api/schema/endpoints.ts';
import type { EnvironmentId } from '../src/api/schema/environments.ts';
import { grantedScopes } from './access.ts';
import type { ActionResult } from './action-result.ts';
import { runAction } from './actions.ts';
import { authLock, countsAsFailure, recordAuthFailure } from './auth-failures.ts';
import { authenticate, type AuthResult } from './authenticate.ts';
import { clientInfo } from './client-info.ts';
import type { SandboxContext } from './context.ts';
import { preferredResponse } from './documented-responses.ts';
import { randomId } from './ids.ts';
import { readInput } from './input.ts';
import { activeLimit, rateLimitHeaders, take } from './rate-limit.ts';
import { apiError, json } from './respond.ts';
import type { StoredKey } from './state.ts';
import { recordRequest } from './usage.ts';

export interface Route {
  endpoint: Endpoint;
  environment: EnvironmentId;
  /** The `{id}` path parameter, or empty. */
  id: string;
  /** Every path parameter by name (`id` included). */
  params: Record<string, string>;
  /** The path below the base URL, as usage logs show it. */
  path: string;
}

async function authorized(ctx: SandboxContext, route: Route, request: Request, key: StoredKey, requestId: string): Promise<Response> {
  const { model } = ctx;
  const state = ctx.state();
  const missing = missingScopes(route.endpoint, grantedScopes(model, state.settings, key), fullAccessScope(model).id);
  if (missing.length) return apiError(model, requestId, 'insufficient_scope', { scopes: missing.join(', ') }, missing);

  const decision = take(state.account.rateWindows, key.id, activeLimit(model, state.settings), ctx.now());
  const limitHeaders = rateLimitHeaders(decision);
  if (!decision.allowed) return apiError(model, requestId, 'rate_limited', { retryAfter: decision.resetSeconds }, [], limitHeaders);

  // A documented response on request: it neither reads the input nor changes any state.
  const preferred = preferredResponse(model, route.endpoint, request.headers);
  if (preferred) return answer(model, requestId, preferred, limitHeaders);

  const input = await readInput(route.endpoint, request, route.params, keyQueryParams(model.auth.schemes));
  const result = input.ok ? await runAction(ctx, { ...route, key, query: input.query, body: input.body }) : input.result;
  return answer(model, requestId, result, limitHeaders, route.endpoint.successStatus);
}

/** `status` overrides the result's: actions answer the endpoint's success status. */
function answer(model: ApiModel, requestId: string, result: ActionResult, headers: HeadersInit, status?: number): Response {
  return 'error' in result
    ? apiError(model, requestId, result.error, result.params, [], headers)
    : json(model, requestId, status ?? result.status, result.body, headers);
}

/** The 401 (or other refusal) authentication chose; a 429 when it was one 401 too many for the address. */
function refused(ctx: SandboxContext, auth: Extract<AuthResult, { ok: false }>, ip: string, requestId: string): Response {
  const over = countsAsFailure(ctx, auth.error) ? recordAuthFailure(ctx, ip) : null;
  return over
    ? apiError(ctx.model, requestId, over.error, over.params, [], over.headers)
    : apiError(ctx.model, requestId, auth.error, auth.params, [], auth.headers);
}

export async function handleEndpoint(ctx: SandboxContext, route: Route, request: Request): Promise<Response> {
  const started = performance.now();
  const requestId = randomId('req_', ctx.random);
  const client = clientInfo(request, ctx.state().settings);
  const locked = authLock(ctx, client.ip);
  if (locked) return apiError(ctx.model, requestId, locked.error, locked.params, [], locked.headers);
  const auth = await authenticate(ctx, request, route.environment, client.ip);
  const response = auth.ok ? await authorized(ctx, route, request, auth.key, requestId) : refused(ctx, auth, client.ip, requestId);
  if (auth.key) {
    recordRequest(ctx.state().account, auth.key.id, {
      id: requestId,
      time: ctx.now(),
      method: request.method,
      path: route.path,
      endpoint: route.endpoint.id,
      status: response.status,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    ctx.changed();
  }
  return response;
}
