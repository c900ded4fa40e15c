/**
 * A request as every snippet language renders it: method, URL, query, the header that carries
 * the key, other headers, the body, and the SDK call that makes the same request. The docs build
 * it from the model's examples (`../example-request.ts`); the console builds it in the browser
 * from what the reader typed, with the same function.
 */
import type { KeyPlacement } from './auth-schemes.ts';

export interface ExampleRequest {
  method: string;
  /** The base URL the request goes to, e.g. `https://sandbox.huechat.ai/v2`. */
  baseUrl: string;
  /** Absolute URL without the query string. */
  url: string;
  query: Array<[string, string]>;
  /** Where the key goes: `Authorization` with `Bearer ` before it, or a header of its own; `null` sends none. */
  auth: KeyPlacement | null;
  /** Headers other than the key's, e.g. `Content-Type`. */
  headers: Array<[string, string]>;
  body?: unknown;
  /**
   * The SDK call that makes the same request, e.g. `client.contacts.get('ct_1')`: `params` are
   * the path's parameters in order (`{id}` last), then `args` (the body or the query).
   */
  sdk: { resource: string; method: string; params: string[]; args?: unknown };
}

/** What a request needs to know of its endpoint. */
export interface RequestTarget {
  /** `resource.method`, e.g. `contacts.get`: the SDK call's name. */
  id: string;
  method: string;
  /** Relative to the base URL; `{id}` stands for the record's id, other `{name}`s for its parents. */
  path: string;
  hasBody: boolean;
}

export interface RequestParts {
  baseUrl: string;
  auth: KeyPlacement | null;
  /** The `{id}` path parameter, for paths that have one. */
  id?: string | undefined;
  /** The path's other parameters by name, e.g. `{ domain_name: 'example.com' }`; one not given stays a `{placeholder}`. */
  path?: Record<string, string> | undefined;
  /** Empty values are left out; a list is sent as the parameter given once per value. */
  query?: Record<string, string | readonly string[]>;
  /** The JSON body, for endpoints that take one. */
  body?: unknown;
}

export function requestFor(endpoint: RequestTarget, parts: RequestParts): ExampleRequest {
  const id = endpoint.path.includes('{id}') ? (parts.id ?? '') : undefined;
  const body = endpoint.hasBody ? parts.body : undefined;
  const given = Object.entries(parts.query ?? {}).filter(([, value]) => value !== '' && value.length > 0);
  const query = given.flatMap(([name, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[name, value]] : value.map((item) => [name, item]),
  );
  const headers: Array<[string, string]> = body !== undefined ? [['Content-Type', 'application/json']] : [];
  const [resource, method] = endpoint.id.split('.') as [string, string];
  const args = body !== undefined ? body : given.length ? Object.fromEntries(given) : undefined;
  const params: string[] = [];
  const path = endpoint.path.replace(/\{([^}]+)\}/g, (placeholder, name: string) => {
    const value = name === 'id' ? id : parts.path?.[name];
    params.push(value ?? '');
    return value === undefined ? placeholder : encodeURIComponent(value);
  });
  return {
    method: endpoint.method,
    baseUrl: parts.baseUrl,
    url: parts.baseUrl + path,
    query,
    auth: parts.auth,
    headers,
    ...(body !== undefined ? { body } : {}),
    sdk: { resource, method, params, ...(args !== undefined ? { args } : {}) },
  };
}
