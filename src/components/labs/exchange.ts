/**
 * What went over the wire: a `fetch` for the SDK that keeps each request and response as the
 * labs show them. Keys are masked the moment a request is recorded, so no lab ever holds a
 * displayable copy of a whole key; nothing here logs.
 */
import { formatBytes } from '../../api/runtime/request-limits.ts';
import { maskApiKey, type FetchFunction } from '../../sdk/index.ts';
import type { Exchange, SentRequest } from '../widgets/ExchangeView.tsx';
import { parseBody } from '../widgets/http-text.ts';

export type { Exchange };

const keyHeaders = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));

/** A header value with any key in it masked: `Bearer sk_test_AbCd…wxyz`. */
export function maskHeader(name: string, value: string, names: readonly string[]): string {
  if (!keyHeaders(names).has(name.toLowerCase())) return value;
  const bearer = /^(Bearer\s+)(.*)$/is.exec(value);
  if (bearer) return bearer[2] ? `${bearer[1]}${maskApiKey(bearer[2])}` : value;
  return value ? maskApiKey(value) : value;
}

/** The URL with the value of every query parameter that carries a key masked. */
export function maskUrl(url: string, params: readonly string[]): string {
  if (!params.length) return url;
  const parsed = new URL(url);
  let masked = false;
  for (const name of params) {
    const values = parsed.searchParams.getAll(name);
    if (!values.length) continue;
    parsed.searchParams.delete(name);
    for (const value of values) parsed.searchParams.append(name, value ? maskApiKey(value) : value);
    masked = true;
  }
  return masked ? parsed.href : url;
}

/** The request without any key: its key headers and key query parameters taken off. */
export function withoutKey(request: Request, carriers: { headers: readonly string[]; params: readonly string[] }): Request {
  for (const name of carriers.headers) request.headers.delete(name);
  const url = new URL(request.url);
  if (!carriers.params.some((name) => url.searchParams.has(name))) return request;
  for (const name of carriers.params) url.searchParams.delete(name);
  return new Request(url, request);
}

export interface RecorderOptions {
  /** Header names that carry keys: their values are masked in the record. */
  keyHeaders: readonly string[];
  /** Query parameters that carry keys: their values are masked in the recorded URL. */
  keyParams?: readonly string[];
  /** Headers taken off before sending (e.g. every key header, to send no key at all). */
  drop?: readonly string[];
  /** Query parameters taken off before sending. */
  dropParams?: readonly string[];
  /** Changes the request on its way out (a broken body, another method). */
  rewrite?: (request: Request) => Request | Promise<Request>;
  /** Called with each exchange as it completes. */
  onExchange?: (exchange: Exchange, request: Request) => void;
}

export interface Recorder {
  fetch: FetchFunction;
  exchanges: Exchange[];
}

/** Past this many characters a recorded body is cut: a 1 MB body would only bury the view. */
const SHOWN_BODY_CHARS = 2000;

function shortened(body: string): string {
  if (body.length <= SHOWN_BODY_CHARS) return body;
  return `${body.slice(0, SHOWN_BODY_CHARS)}… (${formatBytes(new TextEncoder().encode(body).length)} in all; the rest is not shown)`;
}

export function recorder(options: RecorderOptions): Recorder {
  const exchanges: Exchange[] = [];
  const fetchFn: FetchFunction = async (input, init) => {
    let request = new Request(input, init);
    request = withoutKey(request, { headers: options.drop ?? [], params: options.dropParams ?? [] });
    if (options.rewrite) request = await options.rewrite(request);
    const body = request.body ? shortened(await request.clone().text()) : null;
    const sent: SentRequest = {
      method: request.method,
      url: maskUrl(request.url, options.keyParams ?? []),
      headers: [...request.headers].map(([name, value]) => [name, maskHeader(name, value, options.keyHeaders)]),
      body,
    };
    const started = performance.now();
    const response = await fetch(request);
    const text = await response.clone().text();
    const exchange: Exchange = {
      request: sent,
      response: { status: response.status, headers: [...response.headers], body: parseBody(text) },
      ms: Math.round(performance.now() - started),
    };
    exchanges.push(exchange);
    options.onExchange?.(exchange, request);
    return response;
  };
  return { fetch: fetchFn, exchanges };
}

/** The same request with another body, method or headers; other headers are kept. */
export function rebuild(request: Request, change: { method?: string; body?: string; headers?: Record<string, string> }): Request {
  const method = change.method ?? request.method;
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(change.headers ?? {})) headers.set(name, value);
  const init: RequestInit = { method, headers, signal: request.signal };
  if (change.body !== undefined) init.body = change.body;
  if (method === 'GET' || method === 'HEAD') delete init.body;
  return new Request(request.url, init);
}
