/**
 * Test helpers: a fake `fetch` that records what the SDK sends and answers from a script, keys
 * minted with the model's key format, and error responses built exactly as the sandbox builds
 * them (`errorBody()` of the model). Not a test file itself.
 */
import { vi } from 'vitest';
import { errorBody, type MessageParams } from '../../../src/api/error-body.ts';
import { environment, errorDefinition, model } from '../../../src/api/index.ts';
import { generateKey } from '../../../src/api/key-format.ts';

export { model };

export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** One scripted answer: a response (cloned each time), a thrown error, or a function of the request. */
export type Reply = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * A `fetch` that answers with `replies` in order (the last one repeats) and records each request.
 */
export function fakeFetch(...replies: Reply[]) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    sent.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: text ? JSON.parse(text) : undefined });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(request) : reply.clone();
  });
  return { fetch, sent };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** The error response the sandbox sends for a model error id. */
export const apiError = (id: string, params: MessageParams = {}, headers: Record<string, string> = {}, missing: string[] = []) =>
  json(errorDefinition(model, id).status, errorBody(model, id, params, missing), { 'X-Request-Id': 'req_test123', ...headers });

/** A well-formed key of an environment, from a seeded byte source so tests are repeatable. */
export function makeKey(env: 'live' | 'test' = 'test', seed = 1): string {
  let state = seed;
  const random = (length: number) => Uint8Array.from({ length }, () => (state = (state * 1103515245 + 12345) % 2 ** 31) >>> 16);
  return generateKey(environment(model, env).keyPrefix, model.keyFormat.randomLength, random);
}

export const testBaseUrl = environment(model, 'test').baseUrl;
export const liveBaseUrl = environment(model, 'live').baseUrl;

/** The header the key travels in with the primary scheme, and how to read the key back. */
export function sentKey(request: SentRequest): string | null {
  const scheme = model.auth.schemes[0]!;
  const value = request.headers.get(scheme.type === 'bearer' ? 'Authorization' : scheme.name);
  return scheme.type === 'bearer' ? (value?.replace(/^Bearer /, '') ?? null) : value;
}

/** A list endpoint of the selected preset (collection lists come first in every preset). */
export const firstList = model.endpoints.find((e) => e.action.type === 'list')!;
/** `contacts.list` → the resource name `contacts`. */
export const listResource = firstList.id.split('.')[0]!;

/** Messages with the product's own words replaced, so snapshots hold for every preset. */
export const generic = (message: string) =>
  message
    .replaceAll(model.product.name, '<Product>')
    .replaceAll(model.product.envVar, '<ENV_VAR>')
    .replaceAll(testBaseUrl, '<test base URL>')
    .replaceAll(liveBaseUrl, '<live base URL>');

/** Records the waits between retries instead of sleeping. */
export function fakeSleep() {
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { waits, sleep };
}
