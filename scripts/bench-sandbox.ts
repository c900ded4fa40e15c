/**
 * `npm run bench:sandbox`: throughput and latency of the sandbox on a fixed mix of requests
 * (who am I, a list, a create, a 401, a 403), through the HTTP server on loopback and through
 * msw/node in-process. Bounded in requests and in time, so it never runs away on a small machine.
 */
import { performance } from 'node:perf_hooks';
import { loadModel } from '../src/api/index.ts';
import { requestExample } from '../src/api/examples.ts';
import { generateKey } from '../src/api/key-format.ts';
import { environment, fullAccessScope, missingScopes, withKey } from '../src/api/runtime/index.ts';
import type { Endpoint } from '../src/api/schema/endpoints.ts';
import { accountRole } from '../mocks/access.ts';
import { createSandboxServer, listen } from '../mocks/http-server.ts';
import { localBases } from '../mocks/local-urls.ts';
import { startNodeSandbox } from '../mocks/node.ts';
import { createSandbox, type Sandbox } from '../mocks/sandbox.ts';

const REQUESTS = 1000;
const CONCURRENCY = 8;
const TIME_LIMIT_MS = 20_000;

const model = loadModel();

interface Case {
  name: string;
  expected: number;
  method: string;
  path: string;
  key: string;
  body?: unknown;
}

async function send(base: string, c: Pick<Case, 'method' | 'path' | 'key' | 'body'>): Promise<Response> {
  const { url, headers } = withKey(model.auth.schemes[0]!, c.key, `${base}${c.path}`);
  return fetch(url, {
    method: c.method,
    headers: { ...headers, 'Content-Type': 'application/json' },
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
  });
}

/** Endpoints the sandbox account may call, and one it may not, whatever the preset. */
function pickEndpoints(sandbox: Sandbox) {
  const role = accountRole(model, sandbox.settings.get());
  const allowed = (e: Endpoint) => !role || missingScopes(e, role.scopes, fullAccessScope(model).id).length === 0;
  const create = model.endpoints.find(
    (e) => e.action.type === 'create' && allowed(e) && e.body?.safeParse(requestExample(model, e)).success,
  )!;
  const list = model.endpoints.find((e) => e.action.type === 'list' && e.path === create.path)!;
  const forbidden = role
    ? model.endpoints.find((e) => !allowed(e) && !e.path.includes('{id}'))!
    : model.endpoints.find((e) => e.method === 'GET' && e.scopes.length > 0 && e.action.type === 'list')!;
  return { create, list, forbidden };
}

/** Keys enough that the rate limit never trips, and a key lacking the forbidden endpoint's scope. */
async function prepare(base: string, sandbox: Sandbox, owner: string): Promise<Case[]> {
  const largest = [...model.rateLimits.tiers].sort((a, b) => b.limit - a.limit)[0]!;
  sandbox.settings.update({ rateLimitTier: largest.id });
  const { create, list, forbidden } = pickEndpoints(sandbox);
  const createKey = async (body: Record<string, unknown>) => {
    const response = await send(base, { method: 'POST', path: model.management.keysPath, key: owner, body });
    if (response.status !== 201) throw new Error(`Could not create a key for the benchmark (${response.status}).`);
    return ((await response.json()) as { secret: string }).secret;
  };
  const limited = Math.ceil((REQUESTS * 3) / 5);
  const keys = [owner];
  while (keys.length * largest.limit < limited + 10) keys.push(await createKey({ name: `Bench ${keys.length}` }));
  let narrow = owner;
  if (model.access.mode === 'per-key') {
    const other = model.scopes.find((s) => !s.grantsAll && !forbidden.scopes.includes(s.id))!;
    narrow = await createKey({ name: 'Bench narrow', scopes: [other.id] });
  }
  const test = environment(model, 'test');
  const unknown = generateKey(test.keyPrefix, model.keyFormat.randomLength);
  const cases: Case[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const key = keys[Math.floor(i / 5) % keys.length]!;
    const mix: Case[] = [
      { name: 'whoami', expected: 200, method: 'GET', path: model.management.whoamiPath, key },
      { name: 'list', expected: 200, method: 'GET', path: `${list.path}?limit=20`, key },
      { name: 'create', expected: 201, method: 'POST', path: create.path, key, body: requestExample(model, create) },
      { name: '401', expected: 401, method: 'GET', path: model.management.whoamiPath, key: unknown },
      { name: '403', expected: 403, method: forbidden.method, path: forbidden.path, key: narrow },
    ];
    cases.push(mix[i % 5]!);
  }
  return cases;
}

interface Result {
  target: string;
  done: number;
  seconds: number;
  latencies: number[];
  unexpected: number;
}

async function run(target: string, base: string, cases: Case[]): Promise<Result> {
  const latencies: number[] = [];
  let unexpected = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < cases.length && performance.now() - started < TIME_LIMIT_MS) {
      const c = cases[next++]!;
      const t0 = performance.now();
      const response = await send(base, c);
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== c.expected) unexpected++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { target, done: latencies.length, seconds: (performance.now() - started) / 1000, latencies, unexpected };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function benchHttp(): Promise<Result> {
  const sandbox = await createSandbox({ model });
  const server = createSandboxServer(sandbox);
  const origin = await listen(server, 0);
  const base = `${origin}${localBases(model).find((b) => b.environment === 'test')!.localPath}`;
  try {
    return await run('HTTP server', base, await prepare(base, sandbox, sandbox.ownerKey!));
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

async function benchMsw(): Promise<Result> {
  const { sandbox, close } = await startNodeSandbox({ model });
  const base = environment(model, 'test').baseUrl;
  try {
    return await run('msw/node', base, await prepare(base, sandbox, sandbox.ownerKey!));
  } finally {
    close();
  }
}

function table(results: Result[]): string {
  const rows = [['target', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'unexpected']];
  for (const r of results) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    rows.push([
      r.target,
      String(r.done),
      (r.done / r.seconds).toFixed(0),
      percentile(sorted, 50).toFixed(2),
      percentile(sorted, 99).toFixed(2),
      String(r.unexpected),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')).join('\n');
}

console.log(
  `${model.product.name} sandbox: ${REQUESTS} requests per target, ${CONCURRENCY} at a time, at most ${TIME_LIMIT_MS / 1000} s each.`,
);
console.log('Mix: who am I, list, create, 401 (unknown key), 403 (missing scope), in turn.\n');
// One after the other: msw/node intercepts every fetch in this process while it listens.
const results = [await benchHttp(), await benchMsw()];
console.log(table(results));
if (results.some((r) => r.unexpected > 0)) process.exitCode = 1;
