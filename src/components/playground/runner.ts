/**
 * Runs a compiled program isolated from the portal, and carries its requests.
 *
 * Isolation: a sandboxed iframe (`sandbox="allow-scripts"`, no `allow-same-origin`, so its origin
 * is opaque: no access to this site's localStorage, IndexedDB, cookies or DOM) whose only script
 * starts a dedicated Worker; the program runs in that Worker, imported from blobs the Worker makes.
 * The iframe's CSP allows no connections (`connect-src 'none'`) and scripts only from its own
 * script's hash and blobs, and the Worker inherits it. The one way out is the MessagePort this module hands over: the Worker's `fetch`
 * posts each request here, and this page performs it only when it goes to one of the sandbox's
 * base URLs, which the sandbox's service worker answers. An endless loop blocks only the Worker's
 * thread; Stop and the time limit remove the iframe, which ends the Worker.
 */
import { HEARTBEAT_MS, type ConsoleEntry, type PageMessage, type RunInit, type WorkerMessage } from './protocol.ts';
import { frameMain, workerMain } from './sandbox-runtime.ts';

export interface RequestEntry {
  id: number;
  method: string;
  url: string;
  /** HTTP status, or why there was none. */
  status: number | 'pending' | 'refused' | 'failed' | 'cancelled';
  /** Milliseconds until the response, once there is one. */
  ms: number | null;
  /** Why a request was refused or failed. */
  detail?: string;
}

export type RunEnd =
  | { reason: 'finished' }
  | { reason: 'failed' }
  | { reason: 'stopped' }
  | { reason: 'time-limit'; seconds: number }
  /** The worker stopped answering: a loop that never awaits, or one allocating until memory runs out. */
  | { reason: 'unresponsive'; seconds: number }
  | { reason: 'crashed'; message: string };

export interface RunOptions {
  init: RunInit;
  /** Base URLs (without a final slash) the program may reach. */
  baseUrls: readonly string[];
  timeLimitMs: number;
  /** Makes sure the sandbox's service worker answers; rejects with a reason when it cannot. */
  sandboxReady: () => Promise<void>;
  onConsole: (entries: ConsoleEntry[]) => void;
  onRequest: (entry: RequestEntry) => void;
  onUncaught: (text: string, line: number | null, column: number | null) => void;
  onEnd: (end: RunEnd) => void;
}

export interface RunHandle {
  stop(): void;
}

/** Requests one run may make, and at once: a runaway loop of requests must not swamp the page. */
const MAX_REQUESTS = 2000;
const MAX_IN_FLIGHT = 16;
/**
 * A worker silent this long is stuck in synchronous code. Ending it early matters most for a loop
 * that allocates without bound: left running, it can take the whole tab down within seconds.
 */
const STALL_MS = 1500;
/** How long the sandbox may take to say it started before the run is called off. */
const START_TIMEOUT_MS = 8000;

const FRAME_SCRIPT = `(${frameMain.toString()})();`;
const WORKER_SCRIPT = `(${workerMain.toString()})((url) => import(url));`;

let frameHash: Promise<string> | undefined;
/** The iframe's CSP allows exactly its one inline script, by hash. */
function scriptHash(): Promise<string> {
  frameHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(FRAME_SCRIPT)).then((digest) => {
    let binary = '';
    for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
    return `'sha256-${btoa(binary)}'`;
  });
  return frameHash;
}

async function frameDocument(): Promise<string> {
  const csp = [
    "default-src 'none'",
    `script-src ${await scriptHash()} blob:`,
    'worker-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><script>${FRAME_SCRIPT}</script>`;
}

/** Whether a URL is under one of the sandbox's base URLs (after the URL parser resolved any `..`). */
export function isSandboxUrl(url: string, baseUrls: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const href = parsed.href;
  return baseUrls.some((base) => href === base || href.startsWith(`${base}/`) || href.startsWith(`${base}?`));
}

/**
 * Limits the page applies to what a run sends, whatever the worker's own code says: the reader's
 * program can replace that code (e.g. patch `postMessage`) and send anything.
 */
const MAX_ENTRY_CHARS = 20_000;
const MAX_ENTRIES_PER_MESSAGE = 200;
const MAX_URL_CHARS = 16 * 1024;
const MAX_HEADERS = 100;
const MAX_HEADER_CHARS = 16 * 1024;
/** Twice the API's body limit: enough for the sandbox to answer 413 itself. */
const MAX_BODY_BYTES = 2_000_000;

const clip = (text: string) =>
  text.length > MAX_ENTRY_CHARS ? `${text.slice(0, MAX_ENTRY_CHARS)}… (${text.length - MAX_ENTRY_CHARS} more characters)` : text;

const isInteger = (value: unknown): value is number => Number.isInteger(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/** A worker message, or `null` when it is not one (the worker runs untrusted code). */
function readMessage(data: unknown): WorkerMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m['type']) {
    case 'started':
      return { type: 'started' };
    case 'alive':
      return { type: 'alive' };
    case 'console': {
      if (!Array.isArray(m['entries'])) return null;
      const entries = (m['entries'] as unknown[]).slice(0, MAX_ENTRIES_PER_MESSAGE).flatMap((e) => {
        const entry = e as Record<string, unknown> | null;
        const level = entry?.['level'];
        if (!entry || !isString(entry['text']) || !['log', 'info', 'warn', 'error'].includes(level as string)) return [];
        return [{ level: level as ConsoleEntry['level'], text: clip(entry['text']) }];
      });
      return { type: 'console', entries };
    }
    case 'fetch': {
      const headers = m['headers'];
      const body = m['body'];
      if (
        !isInteger(m['id']) ||
        !isString(m['method']) ||
        m['method'].length > 20 ||
        !isString(m['url']) ||
        m['url'].length > MAX_URL_CHARS
      )
        return null;
      if (!Array.isArray(headers) || headers.length > MAX_HEADERS) return null;
      if (!headers.every((h) => Array.isArray(h) && h.length === 2 && isString(h[0]) && isString(h[1]))) return null;
      if ((headers as Array<[string, string]>).reduce((sum, [name, value]) => sum + name.length + value.length, 0) > MAX_HEADER_CHARS)
        return null;
      if (body !== null && !(body instanceof ArrayBuffer && body.byteLength <= MAX_BODY_BYTES)) return null;
      return { type: 'fetch', id: m['id'], method: m['method'], url: m['url'], headers: headers as Array<[string, string]>, body };
    }
    case 'abort':
      return isInteger(m['id']) ? { type: 'abort', id: m['id'] } : null;
    case 'uncaught': {
      const line = m['line'];
      const column = m['column'];
      if (!isString(m['text'])) return null;
      return { type: 'uncaught', text: clip(m['text']), line: isInteger(line) ? line : null, column: isInteger(column) ? column : null };
    }
    case 'exit':
      return m['code'] === 0 || m['code'] === 1 ? { type: 'exit', code: m['code'] } : null;
    default:
      return null;
  }
}

export function startRun(options: RunOptions): RunHandle {
  const { init, baseUrls } = options;
  const channel = new MessageChannel();
  const port = channel.port1;
  const frame = document.createElement('iframe');
  const requests = new AbortController();
  const inFlight = new Map<number, { controller: AbortController; entry: RequestEntry }>();
  let requestCount = 0;
  let lines = 0;
  let ended = false;
  let started = false;

  const reply = (message: PageMessage, transfer: Transferable[] = []) => {
    if (!ended) port.postMessage(message, transfer);
  };

  const end = (result: RunEnd) => {
    if (ended) return;
    ended = true;
    clearTimeout(limit);
    clearInterval(watchdog);
    clearTimeout(startWatch);
    requests.abort();
    for (const { entry } of inFlight.values()) options.onRequest({ ...entry, status: 'cancelled' });
    inFlight.clear();
    port.close();
    // Removing the iframe ends its Worker, however busy it is.
    frame.remove();
    options.onEnd(result);
  };

  async function forward(message: Extract<WorkerMessage, { type: 'fetch' }>) {
    const started = performance.now();
    const entry: RequestEntry = { id: message.id, method: message.method.toUpperCase(), url: message.url, status: 'pending', ms: null };
    const fail = (status: 'refused' | 'failed', detail: string) => {
      options.onRequest({ ...entry, status, detail });
      reply({ type: 'network-error', id: message.id, message: detail });
    };
    requestCount += 1;
    if (requestCount > MAX_REQUESTS)
      return fail('refused', `This run made more than ${MAX_REQUESTS} requests; the playground refuses more.`);
    if (inFlight.size >= MAX_IN_FLIGHT)
      return fail('refused', `More than ${MAX_IN_FLIGHT} requests at once; the playground refuses more. Await some before sending others.`);
    if (!isSandboxUrl(message.url, baseUrls)) {
      return fail(
        'refused',
        `Refused ${entry.method} ${message.url}: code in the playground reaches only the sandbox (${baseUrls.join(', ')}).`,
      );
    }
    const controller = new AbortController();
    inFlight.set(message.id, { controller, entry });
    options.onRequest(entry);
    try {
      await options.sandboxReady();
      // Without the sandbox's service worker in control, this request would go out to the real API.
      if (!navigator.serviceWorker?.controller)
        throw new Error('the sandbox’s service worker does not control this page; reload the page and try again');
      const response = await fetch(message.url, {
        method: entry.method,
        headers: message.headers,
        ...(message.body && !['GET', 'HEAD'].includes(entry.method) ? { body: message.body } : {}),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.any([requests.signal, controller.signal]),
      });
      // A Response with another status cannot be rebuilt in the worker; the sandbox never sends one.
      if (response.type === 'opaqueredirect' || response.status < 200 || response.status > 599) {
        throw new Error(`the sandbox answered with status ${response.status || 'redirect'}, which the playground does not pass on`);
      }
      const body = await response.arrayBuffer();
      if (!inFlight.delete(message.id)) return;
      options.onRequest({ ...entry, status: response.status, ms: Math.round(performance.now() - started) });
      reply(
        {
          type: 'response',
          id: message.id,
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body,
        },
        [body],
      );
    } catch (error) {
      if (!inFlight.delete(message.id) || ended) return;
      const reason = error instanceof Error ? error.message : String(error);
      fail('failed', `${entry.method} ${message.url} failed: ${reason}`);
    }
  }

  port.onmessage = (event: MessageEvent) => {
    if (ended) return;
    const message = readMessage(event.data);
    if (!message) return;
    switch (message.type) {
      case 'started':
        started = true;
        lastAlive = performance.now();
        clearTimeout(startWatch);
        break;
      case 'alive':
        lastAlive = performance.now();
        break;
      case 'console': {
        // The line limit holds here too: a forged flood stops at the same count as real output.
        if (lines > init.maxLines) break;
        const room = init.maxLines - lines;
        lines += message.entries.length;
        const shown = message.entries.slice(0, Math.max(0, room));
        if (lines > init.maxLines)
          shown.push({ level: 'warn', text: `… more output was dropped (the playground shows at most ${init.maxLines} lines per run).` });
        if (shown.length) options.onConsole(shown);
        break;
      }
      case 'fetch':
        void forward(message);
        break;
      case 'abort': {
        const request = inFlight.get(message.id);
        if (request) {
          inFlight.delete(message.id);
          request.controller.abort();
          options.onRequest({ ...request.entry, status: 'cancelled' });
        }
        break;
      }
      case 'uncaught':
        options.onUncaught(message.text, message.line, message.column);
        break;
      case 'exit':
        end({ reason: message.code === 0 ? 'finished' : 'failed' });
        break;
    }
  };

  // The page judges the worker only when the page itself kept time: after a long task here, the
  // worker's heartbeats may still be queued, so a late check starts counting again.
  let lastAlive = 0;
  let lastCheck = performance.now();
  const watchdog = setInterval(() => {
    const now = performance.now();
    if (now - lastCheck > 2 * HEARTBEAT_MS) lastAlive = Math.max(lastAlive, now);
    lastCheck = now;
    if (started && now - lastAlive > STALL_MS) end({ reason: 'unresponsive', seconds: STALL_MS / 1000 });
  }, HEARTBEAT_MS);
  const limit = setTimeout(() => end({ reason: 'time-limit', seconds: Math.round(options.timeLimitMs / 1000) }), options.timeLimitMs);
  const startWatch = setTimeout(() => {
    if (!started) end({ reason: 'crashed', message: 'The sandbox did not start: this browser may block workers in sandboxed frames.' });
  }, START_TIMEOUT_MS);

  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'Code sandbox (runs your code, shows nothing)';
  frame.hidden = true;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  void frameDocument().then(
    (html) => {
      if (ended) return;
      frame.addEventListener('load', () => frame.contentWindow?.postMessage({ worker: WORKER_SCRIPT, init }, '*', [channel.port2]), {
        once: true,
      });
      frame.srcdoc = html;
      document.body.append(frame);
    },
    (error: unknown) => end({ reason: 'crashed', message: `The sandbox could not be prepared: ${String(error)}` }),
  );

  return { stop: () => end({ reason: 'stopped' }) };
}
