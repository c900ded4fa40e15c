/**
 * The HTTP sandbox with `SANDBOX_STATE` commits a key before it answers: killed at random moments
 * during a burst of key creations and started again, it still accepts every key it handed out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadModel } from '../../../src/api/index.ts';
import { startSandboxServer, type SandboxServer } from '../../helpers/sandbox-server.ts';
import { createSandbox } from '../../../mocks/sandbox.ts';
import { openStateStorage } from '../../../mocks/state-files.ts';
import { authHeader } from './harness.ts';

const model = loadModel('huechat');
const ROUNDS = 20;
/** Per round, so 20 rounds stay under the preset's limit of active keys. */
const MAX_KEYS_PER_ROUND = 20;
const WORKERS = 4;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyport-durability-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const killed = (server: SandboxServer) =>
  new Promise<void>((done) => {
    server.process.removeAllListeners('exit');
    if (server.process.exitCode !== null || server.process.signalCode !== null) return done();
    server.process.once('exit', () => done());
    server.process.kill('SIGKILL');
  });

/** Creates keys from a few connections at once until `stop` or the round's budget; returns the answered ones. */
async function burst(server: SandboxServer, ownerKey: string, stop: { now: boolean }): Promise<{ id: string; secret: string }[]> {
  const answered: { id: string; secret: string }[] = [];
  let started = 0;
  const worker = async () => {
    while (!stop.now && started < MAX_KEYS_PER_ROUND) {
      started++;
      try {
        const response = await fetch(`${server.testBase}${model.management.keysPath}`, {
          method: 'POST',
          headers: { ...authHeader(model, ownerKey), 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: `burst ${started}` }),
        });
        const body = (await response.json()) as { id: string; secret: string };
        expect(response.status).toBe(201);
        answered.push({ id: body.id, secret: body.secret });
      } catch (error) {
        // The server was killed under this request: it was never answered, so it may be lost.
        if (!stop.now) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return answered;
}

test(`keys answered before a SIGKILL all work after a restart (${ROUNDS} kills at random moments)`, { timeout: 60_000 }, async () => {
  const env = { KEYPORT_PRESET: 'huechat', SANDBOX_STATE: join(dir, 'state.json') };
  // The sandbox tier allows 60 requests a minute per key; the burst needs a few hundred.
  const opened = await openStateStorage({ path: env.SANDBOX_STATE, from: 'env' }, model.product.id);
  if (!opened.ok) throw new Error(opened.message);
  const prepared = await createSandbox({ model, storage: opened.storage });
  const ownerKey = prepared.ownerKey!;
  prepared.settings.update({ rateLimitTier: 'enterprise' });
  prepared.dispose();

  let server = await startSandboxServer(env);
  expect(server.key).toBeNull();
  const answered: { id: string; secret: string }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const stop = { now: false };
      const running = burst(server, ownerKey, stop);
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 60));
      stop.now = true;
      await killed(server);
      answered.push(...(await running));
      server = await startSandboxServer(env);
      expect(server.key).toBeNull();
    }
    // A test that kills before any answer would prove nothing.
    expect(answered.length).toBeGreaterThan(ROUNDS);
    const lost: string[] = [];
    for (const key of answered) {
      const me = await fetch(`${server.testBase}${model.management.whoamiPath}`, { headers: authHeader(model, key.secret) });
      if (me.status !== 200 || ((await me.json()) as { key_id: string }).key_id !== key.id) lost.push(key.id);
    }
    expect(lost).toEqual([]);
  } finally {
    await killed(server);
  }
});
