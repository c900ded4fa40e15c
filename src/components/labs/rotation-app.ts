/**
 * The rotation walkthrough's simulated app: a service that calls "who am I" at a steady pace with
 * the keys it was deployed with (the SDK's `apiKeys`, newest first, falling back to the next key
 * when one is revoked or expired), and reports which key answered each request or that it failed.
 * Only key ids leave this module; the keys stay inside the SDK client.
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
  /** The lab's key id for a secret it made. */
  keyIdOf: (secret: string) => string | null;
  onRequest: (request: AppRequest) => void;
}

function keyIn(headers: Headers, names: readonly string[]): string | null {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value.replace(/^Bearer\s+/i, '');
  }
  return null;
}

export function startApp(options: AppOptions): SimulatedApp {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let lastKeyId: string | null = null;
  const watching: FetchFunction = (input, init) => {
    const request = new Request(input, init);
    const secret = keyIn(request.headers, options.keyHeaders);
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
