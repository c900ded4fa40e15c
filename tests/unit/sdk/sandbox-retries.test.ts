import { afterEach, beforeEach, expect, test } from 'vitest';
import { RateLimitError } from '../../../src/sdk/index.ts';
import { model } from './fake-api.ts';
import { startSandboxClients, type SandboxClients } from './sandbox-client.ts';

let sandbox: SandboxClients;
beforeEach(async () => {
  sandbox = await startSandboxClients();
});
afterEach(() => sandbox.close());

test('past the rate limit, a GET waits for Retry-After on the sandbox’s clock and then succeeds', async () => {
  sandbox.node.sandbox.settings.update({ rateLimitMode: 'demo' });
  const client = sandbox.client();
  const { limit, windowSeconds } = model.rateLimits.demo;
  for (let i = 0; i < limit; i++) await client.whoami.get();
  await expect(client.whoami.get()).resolves.toMatchObject({ environment: 'test' });
  expect(sandbox.waits).toEqual([windowSeconds * 1000]);
  expect(sandbox.retries[0]!.error).toBeInstanceOf(RateLimitError);
  expect(sandbox.retries[0]!.error).toMatchObject({ retryAfter: windowSeconds, limit, remaining: 0 });
});

test('with retries off, the RateLimitError carries what the headers said', async () => {
  sandbox.node.sandbox.settings.update({ rateLimitMode: 'demo' });
  const client = sandbox.client({ retry: false });
  const { limit, windowSeconds } = model.rateLimits.demo;
  for (let i = 0; i < limit; i++) await client.whoami.get();
  const error = await client.whoami.get().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect(error).toMatchObject({ status: 429, retryAfter: windowSeconds, limit, remaining: 0, reset: windowSeconds });
});

test('a POST past the rate limit is not retried unless the call opts in', async () => {
  sandbox.node.sandbox.settings.update({ rateLimitMode: 'demo' });
  const client = sandbox.client();
  for (let i = 0; i < model.rateLimits.demo.limit; i++) await client.whoami.get();
  await expect(client.keys.create({ name: 'Busy' })).rejects.toBeInstanceOf(RateLimitError);
  await expect(client.keys.create({ name: 'Busy' }, { retry: true })).resolves.toMatchObject({ name: 'Busy' });
});

test('a key that is not active yet is retried after its Retry-After', async () => {
  sandbox.node.sandbox.settings.update({ propagationDelaySeconds: 8 });
  // The owner key was minted when the sandbox started; let it propagate first.
  sandbox.node.sandbox.time.advance(60_000);
  const created = await sandbox.client().keys.create({ name: 'Fresh' });
  const fresh = sandbox.client({ apiKey: created.secret });
  await expect(fresh.whoami.get()).resolves.toMatchObject({ key_id: created.id });
  expect(sandbox.waits).toEqual([8000]);
  expect(sandbox.retries[0]!.error).toMatchObject({ code: 'key_not_yet_active', reason: 'not_yet_active' });
});
