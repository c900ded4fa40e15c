import { afterAll, beforeAll, expect, test } from 'vitest';
import { AuthenticationError, NotFoundError, PermissionError, ValidationError, type KeyportClient } from '../../../src/sdk/index.ts';
import { liveBaseUrl, makeKey, model } from './fake-api.ts';
import { startSandboxClients, type SandboxClients } from './sandbox-client.ts';

let sandbox: SandboxClients;
let owner: KeyportClient;
beforeAll(async () => {
  sandbox = await startSandboxClients();
  owner = sandbox.client();
});
afterAll(() => sandbox.close());

const refusal = (client: KeyportClient) =>
  client.whoami.get().then(
    () => {
      throw new Error('expected the sandbox to refuse the key');
    },
    (error: unknown) => error as AuthenticationError,
  );

test('the owner key reads who it is', async () => {
  const me = await owner.whoami.get();
  expect(me).toMatchObject({ environment: 'test', name: expect.any(String) });
});

test('a well-formed key the sandbox never issued is refused as invalid', async () => {
  const error = await refusal(sandbox.client({ apiKey: makeKey('test', 99) }));
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', reason: 'invalid' });
  expect(error.requestId).toMatch(/^req_/);
});

test('a revoked key is refused as revoked', async () => {
  const created = await owner.keys.create({ name: 'To revoke' });
  await owner.keys.revoke(created.id);
  expect(await refusal(sandbox.client({ apiKey: created.secret }))).toMatchObject({ code: 'revoked_api_key', reason: 'revoked' });
});

test('a key rolled without grace is refused as expired', async () => {
  const created = await owner.keys.create({ name: 'To roll' });
  await owner.keys.roll(created.id, { grace_seconds: 0 });
  const error = await refusal(sandbox.client({ apiKey: created.secret }));
  expect(error).toMatchObject({ code: 'expired_api_key', reason: 'expired' });
  expect(error.docsUrl).toBe(`${model.product.docsUrl}/errors/#expired-api-key`);
});

test('a test key sent to the live base URL is refused as wrong_environment', async () => {
  const error = await refusal(sandbox.client({ baseUrl: liveBaseUrl }));
  expect(error).toMatchObject({ code: 'wrong_environment', reason: 'wrong_environment' });
});

test('a malformed key, sent on purpose, is refused as invalid by the sandbox too', async () => {
  const error = await refusal(
    sandbox.client({ apiKey: sandbox.owner.slice(0, -1) + (sandbox.owner.endsWith('a') ? 'b' : 'a'), checkKeyFormat: false }),
  );
  expect(error).toMatchObject({ code: 'malformed_api_key', reason: 'invalid' });
});

test.runIf(model.keyPolicy.canDisable)('a disabled key is refused as inactive', async () => {
  const created = await owner.keys.create({ name: 'To disable' });
  await owner.keys.update(created.id, { status: 'inactive' });
  expect(await refusal(sandbox.client({ apiKey: created.secret }))).toMatchObject({ code: 'inactive_api_key', reason: 'inactive' });
});

test.runIf(model.access.mode === 'per-key' && model.management.scopes.length > 0)(
  'a key without the scope key management needs gets a PermissionError naming it',
  async () => {
    const other = model.scopes.find((s) => !s.grantsAll)!;
    const narrow = await owner.keys.create({ name: 'Narrow', scopes: [other.id] });
    const error = await sandbox
      .client({ apiKey: narrow.secret })
      .keys.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ status: 403, code: 'insufficient_scope', missingScopes: model.management.scopes });
  },
);

test('an unknown id is a NotFoundError', async () => {
  await expect(owner.keys.get('key_doesnotexist')).rejects.toBeInstanceOf(NotFoundError);
});

test('an invalid body is a ValidationError', async () => {
  await expect(owner.keys.create({ name: '' })).rejects.toBeInstanceOf(ValidationError);
});
