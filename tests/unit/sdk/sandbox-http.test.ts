import { afterAll, beforeAll, expect, test } from 'vitest';
import { AuthenticationError, createClient, NotFoundError } from '../../../src/sdk/index.ts';
import { model } from './fake-api.ts';
import { startSandboxServer, type SandboxServer } from '../../helpers/sandbox-server.ts';

let server: SandboxServer;
let testBase = '';
let ownerKey = '';

beforeAll(async () => {
  server = await startSandboxServer();
  testBase = server.testBase;
  ownerKey = server.key!;
});

afterAll(() => server.stop());

test('the SDK talks to the local HTTP sandbox with the real global fetch', async () => {
  const client = createClient({ apiKey: ownerKey, baseUrl: testBase });
  await expect(client.whoami.get()).resolves.toMatchObject({ environment: 'test', name: expect.any(String) });
  const created = await client.keys.create({ name: 'Over HTTP' });
  expect(created.secret.startsWith(model.environments.find((e) => e.id === 'test')!.keyPrefix)).toBe(true);
  await expect(client.keys.get('key_missing')).rejects.toBeInstanceOf(NotFoundError);

  await client.keys.revoke(created.id);
  const revoked = await createClient({ apiKey: created.secret, baseUrl: testBase })
    .whoami.get()
    .catch((e: unknown) => e);
  expect(revoked).toBeInstanceOf(AuthenticationError);
  expect(revoked).toMatchObject({ reason: 'revoked', requestId: expect.stringMatching(/^req_/) });
});
