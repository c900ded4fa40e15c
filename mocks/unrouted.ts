/**
 * Requests under a base URL that no endpoint matched: CORS preflights (204), a known path with
 * another method (405 with `Allow`), anything else (404). Routing comes before authentication,
 * so these answers are the same with or without a key. The HTTP server uses the same 405 for
 * methods Fetch cannot carry to the handlers.
 */
import type { ApiModel } from '../src/api/model.ts';
import type { SandboxContext } from './context.ts';
import { randomId } from './ids.ts';
import { apiError, preflight } from './respond.ts';
import { allMethods, methodsForPath } from './routes.ts';

const orList = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : items[0]!);

export function routeNotFound(model: ApiModel, requestId: string, method: string, path: string): Response {
  return apiError(model, requestId, 'not_found', { detail: `endpoint for ${method} ${path}` });
}

/**
 * 405 with `Allow`: the path's methods when `path` (below the base URL) is known, else every
 * method the API uses, for methods no endpoint could take (TRACE, CONNECT, …).
 */
export function methodNotAllowed(model: ApiModel, requestId: string, method: string, path: string | null): Response {
  const methods = path === null ? [] : methodsForPath(model, path);
  const allowed = methods.length ? methods : allMethods(model);
  const detail = methods.length
    ? `${method} is not allowed on ${path}; use ${orList(methods)}`
    : `${method} is not a method this API uses; use ${orList(allowed)}`;
  return apiError(model, requestId, 'method_not_allowed', { detail }, [], { Allow: allowed.join(', ') });
}

/** `path` is below the base URL, e.g. `/contacts/ct_seed_1`. */
export function handleUnrouted(ctx: SandboxContext, path: string, request: Request): Response {
  const { model } = ctx;
  const requestId = randomId('req_', ctx.random);
  const methods = methodsForPath(model, path);
  if (request.method === 'OPTIONS') return preflight(model, requestId, methods.length ? methods : allMethods(model));
  if (!methods.length) return routeNotFound(model, requestId, request.method, path);
  return methodNotAllowed(model, requestId, request.method, path);
}
