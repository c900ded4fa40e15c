/**
 * The rotation walkthrough's simulated app: a service that calls "who am I" at a steady pace with
 * the keys it was deployed with (the SDK's `apiKeys`, newest first, falling back to the next key
 * when one is revoked or expired), and reports which key answered each request or that it failed.
 * Only key ids leave this module; the keys stay inside the SDK client. `countRequest` adds each
 * report to the per-second counts the walkthrough's chart and table show.
 */
import type { FetchFunction } from '../../sdk/index.ts';
import { sandboxClient } from '../sandbox/sandbox-session.ts';
import { callEndpoint, sdkErrorData } from '../widgets/sdk-call.ts';
import type { EndpointRef } from '../widgets/widget-data.ts';

export interface AppRequest {
  /** Milliseconds since the app started. */
  t: number;
  /** The key that answered, or the last key tried when the request failed. */
  keyId: string | null;
  ok: boolean;
  status: number | null;
  /** The error id, for failed requests. */
  code: string | null;
}

export interface SimulatedApp {
  /** What a deploy does: the running app now holds these keys, newest first. */
  deploy(secrets: readonly string[]): void;
  stop(): void;
  /** Milliseconds since the app started. */
  elapsed(): number;
}

export interface AppOptions {
  secrets: readonly string[];
  intervalMs: number;
  endpoint: EndpointRef;
  /** Header names that carry the key, to tell which key a request used. */
  keyHeaders: readonly string[];
  /** Query parameters that carry the key, for APIs that take it in the URL. */
  keyParams?: readonly string[];
  /** The lab's key id for a secret it made. */
  keyIdOf: (secret: string) => string | null;
  onRequest: (request: AppRequest) => void;
}

function keyIn(request: Request, names: readonly string[], params: readonly string[]): string | null {
  for (const name of names) {
    const value = request.headers.get(name);
    if (value) return value.replace(/^Bearer\s+/i, '');
  }
  const query = new URL(request.url).searchParams;
  for (const name of params) {
    const value = query.get(name);
    if (value) return value;
  }
  return null;
}

export function startApp(options: AppOptions): SimulatedApp {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let lastKeyId: string | null = null;
  const watching: FetchFunction = (input, init) => {
    const request = new Request(input, init);
    const secret = keyIn(request, options.keyHeaders, options.keyParams ?? []);
    lastKeyId = secret === null ? null : options.keyIdOf(secret);
    return fetch(request);
  };
  const client = sandboxClient({ apiKeys: options.secrets, fetch: watching });
  let busy = false;
  let stopped = false;

  const tick = async () => {
    // A slow answer must not pile requests up: the app waits for it, as a real one would.
    if (busy || stopped) return;
    busy = true;
    const t = elapsed();
    try {
      const me = (await callEndpoint(client, options.endpoint, {})) as { key_id?: string };
      if (!stopped) options.onRequest({ t, keyId: me.key_id ?? lastKeyId, ok: true, status: 200, code: null });
    } catch (error) {
      const outcome = sdkErrorData(error);
      if (!stopped) options.onRequest({ t, keyId: lastKeyId, ok: false, status: outcome.status, code: outcome.code });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  void tick();

  return {
    deploy: (secrets) => client.setApiKey(secrets),
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    elapsed,
  };
}

/** Seconds shown at most: the chart slides along after that. */
export const WINDOW_SECONDS = 60;

/** Requests in one second of the app's run, by the key that answered them. */
export interface Bucket {
  second: number;
  old: number;
  next: number;
  failed: number;
}

/** A moment on the app's timeline: a step, a deploy, an expiry. */
export interface Marker {
  /** Milliseconds since the app started. */
  t: number;
  label: string;
}

export interface TrafficStats {
  /** The last `WINDOW_SECONDS` seconds with requests. */
  buckets: Bucket[];
  total: number;
  old: number;
  next: number;
  failed: number;
  /** Failed requests by error id. */
  codes: Record<string, number>;
}

export const NO_TRAFFIC: TrafficStats = { buckets: [], total: 0, old: 0, next: 0, failed: 0, codes: {} };

/** The counts with one more request: answered by the new key, by the old one, or failed. */
export function countRequest(stats: TrafficStats, request: AppRequest, ids: { old: string | null; next: string | null }): TrafficStats {
  const second = Math.floor(request.t / 1000);
  const kind: 'old' | 'next' | 'failed' = !request.ok ? 'failed' : request.keyId === ids.next ? 'next' : 'old';
  const buckets = [...stats.buckets];
  let bucket = buckets.find((b) => b.second === second);
  if (!bucket) {
    bucket = { second, old: 0, next: 0, failed: 0 };
    buckets.push(bucket);
  } else {
    bucket = { ...bucket };
    buckets[buckets.findIndex((b) => b.second === second)] = bucket;
  }
  bucket[kind] += 1;
  const codes = { ...stats.codes };
  if (!request.ok) codes[request.code ?? 'no_answer'] = (codes[request.code ?? 'no_answer'] ?? 0) + 1;
  return {
    buckets: buckets.filter((b) => b.second > second - WINDOW_SECONDS - 1),
    total: stats.total + 1,
    old: stats.old + (kind === 'old' ? 1 : 0),
    next: stats.next + (kind === 'next' ? 1 : 0),
    failed: stats.failed + (kind === 'failed' ? 1 : 0),
    codes,
  };
}

/** Failed requests by error id, in words: "3 revoked_api_key, 1 no_answer". */
export const describeCodes = (stats: TrafficStats): string =>
  Object.entries(stats.codes)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');

/** The counts in one sentence, for the chart's accessible name. */
export function describeTraffic(stats: TrafficStats): string {
  if (stats.total === 0) return 'No requests yet: start the app.';
  const codes = describeCodes(stats);
  return `${stats.total} requests: ${stats.old} answered with key 1, ${stats.next} with key 2, ${stats.failed} failed${codes ? ` (${codes})` : ''}.`;
}
