/**
 * Turns the route specs of the generated resources into methods. A spec is
 * `"METHOD /path"`, then the arguments that follow the path's parameters (`body`, `query`), then
 * `*` for an iterator over every page: `'PATCH /contacts/{id} body'` becomes `(id, body, options)`,
 * and `'GET /domains/{domain_name}/records/{id}'` becomes `(domainName, id, options)`.
 * The generated interfaces give each method its types; this keeps the shipped code small.
 */
import type { HttpMethod, RequestOptions } from './options.ts';
import { paginate, type Page } from './pagination.ts';

export interface CallInput {
  /** Fill the path's `{…}` parameters in order, encoded. */
  params?: unknown[];
  body?: unknown;
  query?: object;
}

/** Sends one request; the transport implements it. */
export type Call = <T>(method: HttpMethod, path: string, input: CallInput, options?: RequestOptions) => Promise<T>;

export const bindRoutes = <R>(call: Call, routes: Record<string, string>): R =>
  Object.fromEntries(
    Object.entries(routes).map(([name, route]) => {
      const [method, path, ...parts] = route.split(' ') as [HttpMethod, string, ...string[]];
      const method_ = (...args: unknown[]) => {
        const input: Record<string, unknown> = { params: args.splice(0, path.split('{').length - 1) };
        for (const part of parts) if (part !== '*') input[part] = args.shift();
        const options = args[0] as RequestOptions | undefined;
        return parts.includes('*')
          ? paginate(
              (query) => call<Page<unknown>>(method, path, { params: input['params'] as unknown[], query }, options),
              input['query'] as object | undefined,
            )
          : call(method, path, input, options);
      };
      return [name, method_];
    }),
  ) as R;
