/**
 * The rate-limit lab's runs: a paced burst of requests with one key, first with the SDK's retries
 * off (each answer as it is, then one more request once the window has reset), then with them on
 * (the SDK waits out `Retry-After` itself). Time is the sandbox's: either it passes for real, or
 * the lab fast-forwards the sandbox's clock instead of waiting, so a run takes a moment.
 */
import { sandboxClient } from '../sandbox/sandbox-session.ts';
import { headerValue } from '../widgets/http-text.ts';
import { callEndpoint } from '../widgets/sdk-call.ts';
import { sleep } from '../widgets/sleep.ts';
import type { EndpointRef, RateLimitLabData } from '../widgets/widget-data.ts';
import type { Sandbox } from './lab-session.ts';

export interface Sample {
  /** The request's number in the run, from 1. */
  request: number;
  /** 1 for the first attempt, 2 for the SDK's first retry, … */
  attempt: number;
  /** Milliseconds since the run started, on the sandbox's clock. */
  t: number;
  status: number;
  remaining: number | null;
  limit: number | null;
  /** Seconds until the window resets. */
  reset: number | null;
  retryAfter: number | null;
  /** The SDK retried after this answer. */
  retried: boolean;
  /** Sent after waiting for the window to reset. */
  afterReset: boolean;
}

export interface Wait {
  request: number;
  start: number;
  end: number | null;
  ms: number;
}

export interface BurstRun {
  kind: 'plain' | 'sdk';
  samples: Sample[];
  waits: Wait[];
  /** Where the run started within a rate-limit window, in ms (windows are aligned to the clock). */
  phaseMs: number;
  windowMs: number;
  /** Requests the run makes (without the one after the reset). */
  requests: number;
  /** Calls that ended in an error (after any retries). */
  failures: number;
  finished: boolean;
  fast: boolean;
}

export interface BurstOptions {
  kind: 'plain' | 'sdk';
  sandbox: Sandbox;
  key: string;
  endpoint: EndpointRef;
  count: number;
  paceMs: number;
  /** Fast-forward the sandbox clock instead of waiting for real. */
  fast: boolean;
  headers: RateLimitLabData['headers'];
  demo: RateLimitLabData['demo'];
  onUpdate: (run: BurstRun) => void;
  signal: AbortSignal;
}

/** A short real pause in fast-forward mode, so the chart still builds up before the reader's eyes. */
const FAST_STEP_MS = 60;

const num = (value: string | null) => (value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null);

export async function runBurst(options: BurstOptions): Promise<BurstRun> {
  const { sandbox, fast, signal } = options;
  const windowMs = options.demo.windowSeconds * 1000;
  // Fast-forward runs start at the beginning of a window, so their outcome is the same every time.
  if (fast) sandbox.time.advance(windowMs - (sandbox.time.now() % windowMs) + 20);
  const t0 = sandbox.time.now();
  const run: BurstRun = {
    kind: options.kind,
    samples: [],
    waits: [],
    phaseMs: t0 % windowMs,
    windowMs,
    requests: options.count,
    failures: 0,
    finished: false,
    fast,
  };
  const publish = () => options.onUpdate({ ...run, samples: [...run.samples], waits: run.waits.map((w) => ({ ...w })) });
  const now = () => sandbox.time.now() - t0;
  const pass = async (ms: number) => {
    if (fast) {
      sandbox.time.advance(ms);
      await sleep(Math.min(ms, ms > 1000 ? 400 : FAST_STEP_MS), signal);
    } else {
      await sleep(ms, signal);
    }
  };

  let request = 0;
  let attempt = 0;
  let afterReset = false;
  const record = (response: Response) => {
    attempt += 1;
    const openWait = run.waits.find((w) => w.end === null);
    if (openWait) openWait.end = now();
    const h = [...response.headers] as Array<[string, string]>;
    run.samples.push({
      request,
      attempt,
      t: now(),
      status: response.status,
      remaining: num(headerValue(h, options.headers.remaining)),
      limit: num(headerValue(h, options.headers.limit)),
      reset: num(headerValue(h, options.headers.reset)),
      retryAfter: num(headerValue(h, options.headers.retryAfter)),
      retried: false,
      afterReset,
    });
    publish();
  };

  const client =
    options.kind === 'sdk'
      ? sandboxClient({
          apiKey: options.key,
          retry: { limit: 3, maxRetryDelay: windowMs + 1000 },
          onRetry: ({ delayMs }) => {
            const last = run.samples.at(-1);
            if (last) last.retried = true;
            run.waits.push({ request, start: now(), end: null, ms: delayMs });
            publish();
          },
          ...(fast && { sleep: (ms: number) => pass(ms) }),
        })
      : sandboxClient({ apiKey: options.key });

  const send = async () => {
    attempt = 0;
    try {
      await callEndpoint(client, options.endpoint, {}, { onResponse: record, signal });
    } catch (error) {
      if (signal.aborted) throw error;
      if (options.kind === 'sdk') run.failures += 1;
    }
  };

  publish();
  for (request = 1; request <= options.count; request++) {
    if (request > 1) await pass(options.paceMs);
    await send();
  }
  if (options.kind === 'plain') {
    run.failures = run.samples.filter((s) => s.status >= 400).length;
    // Wait for the window to reset, then show the quota back.
    const last = run.samples.at(-1);
    const resetMs = (last?.reset ?? options.demo.windowSeconds) * 1000;
    run.waits.push({ request: request, start: now(), end: null, ms: resetMs });
    publish();
    await pass(resetMs);
    afterReset = true;
    await send();
  }
  run.finished = true;
  publish();
  return run;
}

/** The run in words, for the live region and the chart's accessible name. */
export function describeRun(run: BurstRun): string {
  if (!run.finished) {
    const answered = new Set(run.samples.map((s) => s.request)).size;
    const waiting = run.waits.some((w) => w.end === null);
    return `Running: ${answered} of ${run.requests} requests answered so far${waiting ? ', waiting for the window to reset' : ''}…`;
  }
  const first = run.samples.filter((s) => !s.afterReset);
  const ok = first.filter((s) => s.status < 400).length;
  const limited = first.filter((s) => s.status === 429).length;
  const waited = run.waits.filter((w) => w.end !== null || run.finished);
  if (run.kind === 'plain') {
    const zeroAt = first.find((s) => s.remaining === 0);
    const after = run.samples.find((s) => s.afterReset);
    return (
      `${first.length} of ${run.requests} requests sent: ${ok} succeeded, ${limited} were refused with 429 Too Many Requests.` +
      (zeroAt ? ` The remaining quota reached 0 at request ${zeroAt.request}.` : '') +
      (after
        ? ` After waiting ${Math.round((waited.at(-1)?.ms ?? 0) / 1000)} seconds for the window to reset, one more request succeeded with ${after.remaining ?? '?'} remaining.`
        : '')
    );
  }
  const retries = run.samples.filter((s) => s.retried).length;
  const waitedSeconds = Math.round(run.waits.reduce((sum, w) => sum + w.ms, 0) / 1000);
  const done = new Set(run.samples.filter((s) => s.status < 400).map((s) => s.request)).size;
  return (
    `${done} of ${run.requests} calls succeeded, ${run.failures} failed. ` +
    (retries
      ? `${retries} ${retries === 1 ? 'answer was' : 'answers were'} 429; the SDK waited out Retry-After (${waitedSeconds} seconds in all) and retried.`
      : 'No request was refused.')
  );
}
