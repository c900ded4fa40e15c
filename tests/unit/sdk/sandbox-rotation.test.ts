import { afterEach, beforeEach, expect, test } from 'vitest';
import type { KeyFallbackEvent } from '../../../src/sdk/index.ts';
import { model } from './fake-api.ts';
import { startSandboxClients, type SandboxClients } from './sandbox-client.ts';

let sandbox: SandboxClients;
beforeEach(async () => {
  sandbox = await startSandboxClients();
});
afterEach(() => sandbox.close());

const grace = model.keyPolicy.rollGraceSeconds.find((seconds) => seconds > 0)!;

test('after a roll’s grace period ends, the client falls over to the new key and stays with it', async () => {
  const owner = sandbox.client();
  const old = await owner.keys.create({ name: 'Backend' });
  const { key: next } = await owner.keys.roll(old.id, { grace_seconds: grace });
  const fallbacks: KeyFallbackEvent[] = [];
  let requests = 0;
  const client = sandbox.client({ apiKeys: [old.secret, next.secret], onKeyFallback: (event) => fallbacks.push(event) });
  const whoami = () => client.whoami.get({ onResponse: () => requests++ });

  await expect(whoami()).resolves.toMatchObject({ key_id: old.id });
  sandbox.node.sandbox.time.advance((grace + 1) * 1000);
  await expect(whoami()).resolves.toMatchObject({ key_id: next.id });
  await expect(whoami()).resolves.toMatchObject({ key_id: next.id });
  expect(requests).toBe(4);
  expect(fallbacks.map(({ from, to, error }) => ({ from, to, code: (error as { code?: string }).code }))).toEqual([
    { from: 0, to: 1, code: 'expired_api_key' },
  ]);
});

test('setApiKey after rolling switches to the new key without a failed request', async () => {
  const owner = sandbox.client();
  const old = await owner.keys.create({ name: 'Worker' });
  const client = sandbox.client({ apiKey: old.secret });
  await client.whoami.get();
  const { key: next } = await owner.keys.roll(old.id, { grace_seconds: 0 });
  client.setApiKey(next.secret);
  await expect(client.whoami.get()).resolves.toMatchObject({ key_id: next.id });
});
