/**
 * Sends one call: builds the request with ky, maps failures to the SDK's errors, retries what is
 * safe to retry, and falls over to the next key when a key is refused.
 *
 * ky's own retry is switched off: its waits cannot be injected (tests would really sleep), it
 * cannot switch keys between attempts, and it would retry a 401 "not active yet" only for
 * idempotent methods although such a request was never processed.
 */
import ky, { TimeoutError as KyTimeoutError, type SearchParamsOption } from 'ky';
import {
  ConnectionError,
  errorFromResponse,
  isApiError,
  isAuthenticationError,
  isConnectionError,
  isTimeoutError,
  TimeoutError,
  type KeyportError,
} from './errors.ts';
import { environments, keyPlacements, rateLimitHeaders, retryableErrors } from './generated/preset.ts';
import type { ClientOptions, HttpMethod, RequestOptions, RetryOptions } from './options.ts';
import { parseRetryAfter } from './retry-after.ts';
import type { Call, CallInput } from './routes.ts';

/** The client's keys; `active` is the one that last worked. `setApiKey` replaces `keys`. */
export interface KeyRing {
  keys: readonly string[];
  active: number;
}

/** Where the key goes for one accepted scheme, as the generator derived it from the model. */
export type KeyPlacementData =
  | {
      readonly in: 'header';
      /** The name `authScheme` takes: `bearer`, or the header's name. */
      readonly scheme: string;
      readonly header: string;
      /** Text before the key in the header's value, e.g. `Bearer `. */
      readonly prefix: string;
    }
  | {
      readonly in: 'query';
      /** The name `authScheme` takes: `?` and the parameter's name, e.g. `?api_key`. */
      readonly scheme: string;
      readonly param: string;
    };
/** Default first. */
export const schemes: readonly KeyPlacementData[] = keyPlacements;

/** The key's header, when the scheme sends it in one. */
const keyHeaders = (scheme: KeyPlacementData, key: string): Record<string, string> =>
  scheme.in === 'header' ? { [scheme.header]: `${scheme.prefix}${key}` } : {};

/** The call's own query, plus the key when the scheme sends it as a query parameter (URL-encoded by `URLSearchParams`). */
function searchParams(scheme: KeyPlacementData, key: string, query: object | undefined): SearchParamsOption | undefined {
  if (scheme.in !== 'query') return query as SearchParamsOption | undefined;
  const params = new URLSearchParams(
    Object.entries(query ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])),
  );
  params.set(scheme.param, key);
  return params;
}

const IDEMPOTENT: readonly HttpMethod[] = ['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'];
/** Reasons another key may fix; `wrong_environment` or `inactive` would fail the same way. */
const FALL_OVER_ON = ['revoked', 'expired', 'invalid'];
const DEFAULT_TIMEOUT = 30_000;

const settings = (retry: boolean | number | RetryOptions | undefined): RetryOptions =>
  typeof retry === 'number' ? { limit: retry } : retry === false ? { limit: 0 } : typeof retry === 'object' ? retry : {};

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** The base URL of the environment a key's prefix names; the test one for unknown prefixes. */
export const baseUrlOf = (key: string) =>
  (environments.find((env) => key.startsWith(env.keyPrefix)) ?? environments.find((env) => env.id === 'test')!).baseUrl;

function expandPath(path: string, params: unknown[] = []): string {
  let index = 0;
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[index++];
    // "." and ".." would be read as path segments and reach another endpoint.
    if (typeof value !== 'string' || !value || value === '.' || value === '..') {
      throw new TypeError(`Pass ${name === 'id' ? "the record's id" : `\`${name}\``} (a non-empty string) for ${path}.`);
    }
    return encodeURIComponent(value);
  });
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The innermost message of a chain of causes, e.g. `connect ECONNREFUSED 127.0.0.1:4010`. */
function rootMessage(error: unknown): string {
  let message = '';
  for (let current = error; current instanceof Error; current = current.cause) message = current.message;
  return message;
}

export function createCall(ring: KeyRing, scheme: KeyPlacementData, client: ClientOptions): Call {
  const { sleep = sleepFor, now = Date.now, onRetry, onKeyFallback } = client;

  /** Milliseconds to wait before retrying, or `undefined` when this failure is final. */
  function retryDelay(error: KeyportError, mayRepeat: boolean, attempt: number, maxDelay: number): number | undefined {
    let retryAfter: number | undefined;
    if (isApiError(error)) {
      const { status } = error;
      const retryable = retryableErrors.includes(error.code);
      // A 401 (e.g. "not active yet") was never processed, so any method may be sent again.
      if (
        status === 401 ? !retryable : !mayRepeat || !(retryable || status === 408 || status === 429 || (status >= 500 && status !== 501))
      ) {
        return undefined;
      }
      retryAfter = parseRetryAfter(error.headers.get(rateLimitHeaders.retryAfter), now());
    } else if (!mayRepeat || !(isConnectionError(error) || isTimeoutError(error))) {
      return undefined;
    }
    // Exponential backoff with jitter (50–100 %), so many clients do not retry in step.
    return Math.round(Math.min(maxDelay, retryAfter ?? 500 * 2 ** attempt * (1 - Math.random() / 2)));
  }

  return async <T>(method: HttpMethod, path: string, input: CallInput, options: RequestOptions = {}): Promise<T> => {
    const policy = { limit: 2, methods: IDEMPOTENT, maxRetryDelay: 30_000, ...settings(client.retry), ...settings(options.retry) };
    const mayRepeat = options.retry === true || policy.methods.includes(method);
    const timeout = options.timeout ?? client.timeout ?? DEFAULT_TIMEOUT;
    const relative = expandPath(path, input.params);
    const keys = ring.keys;
    const refused = new Set<number>();
    let index = ring.active;
    for (let attempt = 0; ;) {
      const key = keys[index]!;
      const prefix = client.baseUrl ?? baseUrlOf(key);
      const where = `${method} ${prefix.replace(/\/$/, '')}${relative}`;
      let error: KeyportError;
      try {
        // ky wants the path without its leading slash when it joins it to `prefixUrl`.
        const response = await ky(relative.slice(1), {
          method,
          prefixUrl: prefix,
          headers: { ...client.headers, ...options.headers, ...keyHeaders(scheme, key) },
          json: input.body,
          searchParams: searchParams(scheme, key, input.query),
          timeout,
          ...(options.signal && { signal: options.signal }),
          retry: 0,
          throwHttpErrors: false,
          ...(client.fetch && { fetch: client.fetch }),
        });
        const body = await readBody(response);
        options.onResponse?.(response);
        if (response.ok) {
          // Remember the key that worked, unless setApiKey replaced the keys meanwhile.
          if (ring.keys === keys) ring.active = index;
          return body as T;
        }
        error = errorFromResponse(response, body, now(), keys);
      } catch (cause) {
        // Only ky's timeout and network errors become the SDK's; anything else is a bug or an abort.
        // fetch reports an unreachable host as a TypeError ("fetch failed", "Failed to fetch").
        if (cause instanceof KyTimeoutError) error = new TimeoutError(`${where} got no response within ${timeout} ms.`, { cause });
        else if (cause instanceof TypeError && !options.signal?.aborted) {
          error = new ConnectionError(`${where} failed: could not reach the API (${rootMessage(cause)}).`, { cause });
        } else throw cause;
      }

      if (isAuthenticationError(error) && FALL_OVER_ON.includes(error.reason)) {
        refused.add(index);
        const next = keys.findIndex((_, i) => !refused.has(i));
        if (next < 0) throw error;
        onKeyFallback?.({ from: index, to: next, error });
        index = next;
        continue;
      }
      const delay = retryDelay(error, mayRepeat, attempt, policy.maxRetryDelay);
      if (delay === undefined || attempt >= policy.limit) throw error;
      attempt++;
      onRetry?.({ attempt, delayMs: delay, error });
      await sleep(delay, options.signal);
    }
  };
}
