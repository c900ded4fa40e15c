/** The options of `createClient()` and of each call. Types only. */
import type { KeyportError } from './errors.ts';
import type { AuthSchemeName } from './generated/preset.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** A `fetch`-compatible function. */
export type FetchFunction = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /**
   * How many times a failed request is retried (not counting the first attempt).
   * @default 2
   */
  limit?: number;
  /**
   * Methods retried on 408, 429, 5xx and network errors. `POST` and `PATCH` are left out
   * because a request that failed on the way back may already have been applied; add them
   * only when repeating the request is harmless.
   * @default ['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']
   * @example
   * ```ts
   * createClient({ retry: { methods: ['GET', 'PUT', 'DELETE', 'POST'] } });
   * ```
   */
  methods?: readonly HttpMethod[];
  /**
   * Longest wait before one retry, in milliseconds. A longer `Retry-After` is cut to this.
   * @default 30000
   */
  maxRetryDelay?: number;
}

/** What `onRetry` is told before each retry. */
export interface RetryEvent {
  /** 1 for the first retry, 2 for the second, … */
  attempt: number;
  /** How long the client waits before retrying, in milliseconds. */
  delayMs: number;
  /** Why the previous attempt failed. */
  error: KeyportError;
}

/** What `onKeyFallback` is told when a refused key makes the client try the next one. */
export interface KeyFallbackEvent {
  /** Position in `apiKeys` of the key that was refused. */
  from: number;
  /** Position in `apiKeys` of the key tried next. */
  to: number;
  /** Why the key was refused (`reason` is `revoked`, `expired` or `invalid`). */
  error: KeyportError;
}

export interface ClientOptions {
  /**
   * The API key. When neither `apiKey` nor `apiKeys` is given, the client reads the environment
   * variable the API documents (Node and other runtimes with `process.env`). The key's prefix
   * picks the environment (live or test) and its base URL.
   * @default process.env[<the API's env var>]
   * @example
   * ```ts
   * createClient({ apiKey: process.env.MY_API_KEY });
   * ```
   */
  apiKey?: string | undefined;
  /**
   * Several keys, newest first, for rotating without downtime: a request refused because its key
   * is revoked, expired or unknown is sent once more with the next key, and the client keeps
   * using the key that worked. Empty entries (`undefined`, `null`) are skipped.
   * @example
   * ```ts
   * createClient({ apiKeys: [process.env.API_KEY, process.env.API_KEY_OLD] });
   * ```
   */
  apiKeys?: ReadonlyArray<string | null | undefined> | undefined;
  /**
   * Where requests go, e.g. a local sandbox. Without it, the base URL of the key's environment.
   * @default the base URL of the key's environment
   * @example
   * ```ts
   * createClient({ baseUrl: 'http://localhost:4010' });
   * ```
   */
  baseUrl?: string | undefined;
  /**
   * How the key is sent: the name of an accepted header, `'bearer'` for
   * `Authorization: Bearer <key>`, or `'?'` and the name of the query parameter for APIs that
   * take the key in the URL (e.g. `'?api_key'`).
   * @default the API's first header scheme, or its first scheme when it takes keys only in the query string
   * @example
   * ```ts
   * createClient({ authScheme: 'bearer' });
   * ```
   */
  authScheme?: AuthSchemeName;
  /**
   * Milliseconds to wait for each attempt's response; `false` waits for ever.
   * @default 30000
   */
  timeout?: number | false;
  /**
   * Retry policy: a number sets `limit`, `false` turns retries off.
   * @default { limit: 2, methods: ['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'], maxRetryDelay: 30000 }
   * @example
   * ```ts
   * createClient({ retry: { limit: 4, maxRetryDelay: 10_000 } });
   * ```
   */
  retry?: number | false | RetryOptions;
  /**
   * The `fetch` to use, e.g. one with a proxy agent or instrumentation.
   * @default globalThis.fetch
   */
  fetch?: FetchFunction;
  /**
   * Headers sent with every request, e.g. `User-Agent`. The key's header cannot be set here.
   * @example
   * ```ts
   * createClient({ headers: { 'User-Agent': 'billing-service/1.4' } });
   * ```
   */
  headers?: Record<string, string>;
  /**
   * Called before each retry, e.g. to log it.
   * @example
   * ```ts
   * createClient({ onRetry: ({ attempt, delayMs, error }) => console.warn(`retry ${attempt} in ${delayMs} ms: ${error.message}`) });
   * ```
   */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Called when a refused key makes the client try the next key of `apiKeys`.
   * @example
   * ```ts
   * createClient({ apiKeys: [next, current], onKeyFallback: ({ from, to }) => console.warn(`key ${from} refused, using key ${to}`) });
   * ```
   */
  onKeyFallback?: (event: KeyFallbackEvent) => void;
  /**
   * Check each key's prefix, length and checksum before sending anything. Turn it off only to
   * see how the API answers a malformed key.
   * @default true
   */
  checkKeyFormat?: boolean;
  /**
   * Waits between retries. Replace it in tests to retry without waiting.
   * @default a `setTimeout` that stops when the request's signal aborts
   * @example
   * ```ts
   * const waits: number[] = [];
   * createClient({ sleep: async (ms) => void waits.push(ms) });
   * ```
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The clock, in milliseconds since the epoch; used to read `Retry-After` dates.
   * @default Date.now
   */
  now?: () => number;
}

/** Options of one call; they override the client's. */
export interface RequestOptions {
  /**
   * Retry policy for this call. `true` allows retrying it whatever its method (e.g. a `POST`
   * you know is safe to repeat); `false` turns retries off; a number sets the limit.
   * @example
   * ```ts
   * await client.keys.create({ name: 'CI' }, { retry: true });
   * ```
   */
  retry?: boolean | number | RetryOptions;
  /**
   * Milliseconds to wait for each attempt's response; `false` waits for ever.
   * @default the client's `timeout`
   */
  timeout?: number | false;
  /** Aborts the call, including any wait before a retry. */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /**
   * Called with each HTTP response (also those that are retried or become errors), e.g. to show
   * status and rate-limit headers. The body has already been read.
   */
  onResponse?: (response: Response) => void;
}
