/**
 * `npm run bench:state`: how long creating a key takes, save included, with a short and a long
 * usage history — the state database (`SANDBOX_STATE` on Node ≥ 22.13) against the JSON file it
 * replaced (still used on Node 20). The history is recorded straight into the state (as the
 * pipeline records each request), spread over the same 400 keys, then saved once before measuring.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getResponse } from 'msw';
import { loadModel } from '../src/api/index.ts';
import { withKey } from '../src/api/runtime/index.ts';
import { randomId } from '../mocks/ids.ts';
import { createSandbox, type Sandbox } from '../mocks/sandbox.ts';
import { openStateStorage } from '../mocks/state-files.ts';
import type { SandboxState } from '../mocks/state.ts';
import { recordRequest } from '../mocks/usage.ts';

const model = loadModel('huechat');
const HISTORY_KEYS = 400;
/** 400 + 90 stays under the preset's 500 active keys. */
const CREATES = 90;
const testBase = model.environments.find((e) => e.id === 'test')!.baseUrl;

async function createKey(sandbox: Sandbox, owner: string, name: string): Promise<void> {
  const { url, headers } = withKey(model.auth.schemes[0]!, owner, `${testBase}${model.management.keysPath}`);
  const request = new Request(url, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const response = (await getResponse(sandbox.handlers, request))!;
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
}

/** A sandbox whose keys recorded `requests` requests in all. */
async function withHistory(path: string, sqlite: boolean, requests: number): Promise<{ sandbox: Sandbox; owner: string }> {
  const opened = await openStateStorage({ path, from: 'env' }, model.product.id, sqlite ? {} : { sqlite: null });
  if (!opened.ok) throw new Error(opened.message);
  const sandbox = await createSandbox({ model, storage: opened.storage });
  const owner = sandbox.ownerKey!;
  sandbox.settings.update({ rateLimitTier: 'enterprise' });
  // The same keys either way, so only the length of the history differs.
  for (let i = 1; i < HISTORY_KEYS; i++) await createKey(sandbox, owner, `history ${i}`);
  sandbox.dispose();

  // The history is written into the saved state directly: 100,000 requests through the handlers
  // would take minutes and measure the handlers, not the storage.
  const reopened = await openStateStorage({ path, from: 'env' }, model.product.id, sqlite ? {} : { sqlite: null });
  if (!reopened.ok) throw new Error(reopened.message);
  const state = JSON.parse(reopened.storage.load()!) as SandboxState;
  const ids = state.account.keys.map((k) => k.id);
  const start = Date.now();
  for (let i = 0; i < requests; i++) {
    recordRequest(state.account, ids[i % ids.length]!, {
      id: randomId('req_', (n) => crypto.getRandomValues(new Uint8Array(n))),
      time: start + i,
      method: 'GET',
      path: '/me',
      endpoint: 'me',
      status: 200,
      latencyMs: 1.5,
      ip: '127.0.0.1',
      userAgent: 'bench-state',
    });
  }
  if (reopened.storage.saveState) reopened.storage.saveState(state);
  else reopened.storage.save(JSON.stringify(state));
  reopened.storage.close?.();

  const final = await openStateStorage({ path, from: 'env' }, model.product.id, sqlite ? {} : { sqlite: null });
  if (!final.ok) throw new Error(final.message);
  return { sandbox: await createSandbox({ model, storage: final.storage }), owner };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const rows: string[][] = [['storage', 'recorded requests', 'state size', 'create key, median', 'p95']];
const dir = mkdtempSync(join(tmpdir(), 'keyport-bench-state-'));
try {
  for (const sqlite of [true, false]) {
    for (const requests of [10, 10_000, 100_000]) {
      const path = join(dir, `state-${sqlite ? 'db' : 'json'}-${requests}.json`);
      const { sandbox, owner } = await withHistory(path, sqlite, requests);
      const times: number[] = [];
      for (let i = 0; i < CREATES; i++) {
        const started = performance.now();
        await createKey(sandbox, owner, `measured ${i}`);
        // The JSON file is saved 100 ms after a change; count that save against the change.
        sandbox.flush();
        times.push(performance.now() - started);
      }
      sandbox.dispose();
      times.sort((a, b) => a - b);
      const file = sqlite ? `${path}.sqlite` : path;
      const size = statSync(file).size + (sqlite ? (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) : 0);
      rows.push([
        sqlite ? 'SQLite (WAL, synchronous=NORMAL)' : 'JSON file (Node 20 fallback)',
        requests.toLocaleString('en'),
        `${(size / 1024 / 1024).toFixed(1)} MB`,
        `${quantile(times, 0.5).toFixed(2)} ms`,
        `${quantile(times, 0.95).toFixed(2)} ms`,
      ]);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`${model.product.name} sandbox: ${CREATES} key creations each, save included, Node ${process.version}.\n`);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
