/**
 * The MSW handlers: one per endpoint of the model under each environment's base URL (live and
 * test), then a catch-all per base URL for preflights, 405s and 404s. The same list serves the
 * browser's service worker, msw/node in tests, and the HTTP server through `getResponse`.
 */
import { http, type RequestHandler } from 'msw';
import type { Environment } from '../src/api/schema/environments.ts';
import type { SandboxContext } from './context.ts';
import { handleEndpoint } from './pipeline.ts';
import { handleUnrouted } from './unrouted.ts';

const byMethod = { GET: http.get, POST: http.post, PATCH: http.patch, PUT: http.put, DELETE: http.delete };

function pathBelow(env: Environment, request: Request): string {
  return new URL(request.url).pathname.slice(new URL(env.baseUrl).pathname.length) || '/';
}

export function createHandlers(ctx: SandboxContext): RequestHandler[] {
  // Longer base URLs first, in case one environment's base URL lies under the other's.
  const environments = [...ctx.model.environments].sort((a, b) => b.baseUrl.length - a.baseUrl.length);
  // Fewer parameters first: `/emails/metrics` is its own endpoint, not `/emails/{id}` with id "metrics".
  const placeholders = (path: string) => path.split('{').length - 1;
  const ordered = [...ctx.model.endpoints].sort((a, b) => placeholders(a.path) - placeholders(b.path));
  const endpoints = environments.flatMap((env) =>
    ordered.map((endpoint) =>
      byMethod[endpoint.method](`${env.baseUrl}${endpoint.path.replace(/\{([^}]+)\}/g, ':$1')}`, ({ request, params }) =>
        handleEndpoint(
          ctx,
          {
            endpoint,
            environment: env.id,
            id: typeof params['id'] === 'string' ? params['id'] : '',
            params: Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
            path: pathBelow(env, request),
          },
          request,
        ),
      ),
    ),
  );
  const fallbacks = environments.flatMap((env) =>
    [env.baseUrl, `${env.baseUrl}/*`].map((url) => http.all(url, ({ request }) => handleUnrouted(ctx, pathBelow(env, request), request))),
  );
  return [...endpoints, ...fallbacks];
}
