/**
 * A sandbox for one preset under msw/node with a manual clock, and a `call` helper that sends a
 * real `fetch` and checks every response against the preset's OpenAPI document, so no test can
 * pass on a response the docs do not describe.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { loadModel, type ApiModel } from '../../../src/api/index.ts';
import { environment, fullAccessScope, missingScopes, withKey } from '../../../src/api/runtime/index.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import { manualClock, type ManualClock } from '../../../mocks/clock.ts';
import { startNodeSandbox } from '../../../mocks/node.ts';
import type { Sandbox, SandboxOptions } from '../../../mocks/sandbox.ts';
import { openApiCheck } from './openapi-check.ts';

/** A moment aligned to every rate-limit window of the presets (10 s, 60 s). */
export const START = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface CallOptions {
  /** Sent in the preset's first auth scheme (a header, or the query string); `null` sends no key. @default the owner key */
  key?: string | null | undefined;
  /** @default 'test' */
  env?: 'live' | 'test';
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  /** The error id from the preset's error shape, or undefined for a success. */
  error: string | undefined;
}

export interface Harness {
  model: ApiModel;
  sandbox: Sandbox;
  clock: ManualClock;
  /** The plaintext of the full-access test key the sandbox started with. */
  owner: string;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** Creates a key with the owner key; fails the test unless it is created. */
  createKey(body: Record<string, unknown>): Promise<{ id: string; secret: string } & Record<string, any>>;
  close(): void;
}

/** The header that carries `key` in the preset's first accepted scheme (presets send keys in headers). */
export function authHeader(model: ApiModel, key: string): Record<string, string> {
  const scheme = model.auth.schemes[0]!;
  if (scheme.type === 'query') throw new Error('This model takes the key in the query string; use withKey().');
  return scheme.type === 'bearer' ? { Authorization: `Bearer ${key}` } : { [scheme.name]: key };
}

export function errorOf(model: ApiModel, body: unknown): Record<string, unknown> | undefined {
  const { envelope } = model.errorFormat;
  if (typeof body !== 'object' || body === null) return undefined;
  const inner = envelope ? (body as Record<string, unknown>)[envelope] : body;
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : undefined;
}

export const errorMessage = (model: ApiModel, body: unknown) => errorOf(model, body)?.[model.errorFormat.fields.message] as string;

/** The endpoint the sandbox routes a request to: as its router does, fewer path parameters first. */
function endpointFor(model: ApiModel, method: string, path: string): Endpoint | undefined {
  const bare = path.split('?')[0]!;
  const placeholders = (e: Endpoint) => e.path.split('{').length - 1;
  return [...model.endpoints]
    .sort((a, b) => placeholders(a) - placeholders(b))
    .find((e) => e.method === method && new RegExp(`^${e.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
}

/** `preset` is a preset's name, or a model built some other way (e.g. imported from OpenAPI). */
export async function startHarness(preset: string | ApiModel, options: SandboxOptions = {}): Promise<Harness> {
  const model = typeof preset === 'string' ? loadModel(preset) : preset;
  const clock = manualClock(START);
  const { sandbox, close } = await startNodeSandbox({ model, clock, ...options });
  const check = openApiCheck(model);
  const owner = sandbox.ownerKey!;

  const call: Harness['call'] = async (method, path, options = {}) => {
    const key = options.key === undefined ? owner : options.key;
    const base = `${environment(model, options.env ?? 'test').baseUrl}${path}`;
    const sent = key === null ? { url: base, headers: {} } : withKey(model.auth.schemes[0]!, key, base);
    const headers: Record<string, string> = { ...sent.headers, ...options.headers };
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(sent.url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    expect(response.headers.get('X-Request-Id')).toMatch(/^req_[0-9A-Za-z]{16}$/);
    check.expectDocumented(endpointFor(model, method, path), response.status, response.headers, parsed);
    const error = response.ok ? undefined : (errorOf(model, parsed)?.[model.errorFormat.fields.id] as string);
    return { status: response.status, headers: response.headers, body: parsed, error };
  };

  return {
    model,
    sandbox,
    clock,
    owner,
    call,
    createKey: async (body) => {
      const reply = await call('POST', model.management.keysPath, { body });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body;
    },
    close,
  };
}

/** A GET of the preset's own (not key-management) endpoints that needs a scope and no id. */
export function scopedListEndpoint(model: ApiModel): Endpoint {
  return model.endpoints.find((e) => e.method === 'GET' && !e.path.includes('{id}') && e.scopes.length > 0 && e.action.type !== 'keys')!;
}

/**
 * A key that lacks a scope some endpoint needs. Per-key presets: a new key with another scope.
 * Account-role presets: the owner key, after switching the account to a role without the scope.
 */
export async function keyLackingScope(h: Harness): Promise<{ key: string; endpoint: Endpoint; missing: string[] }> {
  const { model } = h;
  if (model.access.mode === 'account-role') {
    const grantsAll = model.scopes.find((s) => s.grantsAll)!.id;
    for (const role of model.access.roles.filter((r) => !r.scopes.includes(grantsAll))) {
      const endpoint = model.endpoints.find(
        (e) => e.scopes.some((s) => !role.scopes.includes(s)) && !e.path.includes('{id}') && e.method === 'GET',
      );
      if (endpoint) {
        h.sandbox.settings.update({ accountRole: role.id });
        return { key: h.owner, endpoint, missing: endpoint.scopes.filter((s) => !role.scopes.includes(s)) };
      }
    }
    throw new Error('Every role of this preset may call every endpoint.');
  }
  const endpoint = scopedListEndpoint(model);
  const other = model.scopes.find((s) => !s.grantsAll && !endpoint.scopes.includes(s.id))!;
  const created = await h.createKey({ name: 'Narrow key', scopes: [other.id] });
  return { key: created.secret, endpoint, missing: endpoint.scopes };
}

/** Whether the sandbox owner key may call an endpoint: any, or those of its account role. */
export function ownerMayCall(model: ApiModel, endpoint: Endpoint): boolean {
  const { access } = model;
  const granted =
    access.mode === 'account-role' ? access.roles.find((r) => r.id === access.sandboxRole)!.scopes : [fullAccessScope(model).id];
  return missingScopes(endpoint, granted, fullAccessScope(model).id).length === 0;
}

/** The tier the sandbox applies by default: the account role's, or `rateLimits.sandboxTier`. */
export function defaultTier(h: Harness): { limit: number; windowSeconds: number } {
  const { model } = h;
  const tierId =
    model.access.mode === 'account-role'
      ? model.access.roles.find((r) => r.id === h.sandbox.settings.get().accountRole)!.rateLimitTier
      : model.rateLimits.sandboxTier;
  return model.rateLimits.tiers.find((t) => t.id === tierId)!;
}

/** The tier with the highest limit, for tests that need many requests from one key. */
export function largestTier(model: ApiModel): { id: string; limit: number } {
  return [...model.rateLimits.tiers].sort((a, b) => b.limit - a.limit)[0]!;
}

/** Starts a sandbox of `preset` before each test of the enclosing block, hands it to `use`, and closes it after. */
export function withHarness(preset: string, use: (h: Harness) => void): void {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(preset);
    use(current);
  });
  afterEach(() => current?.close());
}
