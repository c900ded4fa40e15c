import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AuthenticationError, createClient, NotFoundError } from '../../../src/sdk/index.ts';
import { model } from './fake-api.ts';

let server: ChildProcess | undefined;
let testBase = '';
let ownerKey = '';

/** Starts `node mocks/server.ts` on a free port and reads the base URL and key it prints. */
beforeAll(async () => {
  const script = fileURLToPath(new URL('../../../mocks/server.ts', import.meta.url));
  const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox server did not start:\n${output}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`the sandbox server exited with ${code}:\n${output}`)));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const base = /^\s+test\s+(http:\/\/\S+)/m.exec(output)?.[1];
      const key = new RegExp(`export ${model.product.envVar}=(\\S+)`).exec(output)?.[1];
      if (base && key) {
        clearTimeout(timer);
        [testBase, ownerKey] = [base, key];
        resolve();
      }
    });
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
});

test('the SDK talks to the local HTTP sandbox with the real global fetch', async () => {
  const client = createClient({ apiKey: ownerKey, baseUrl: testBase });
  await expect(client.whoami.get()).resolves.toMatchObject({ environment: 'test', name: expect.any(String) });
  const created = await client.keys.create({ name: 'Over HTTP' });
  expect(created.secret.startsWith(model.environments.find((e) => e.id === 'test')!.keyPrefix)).toBe(true);
  await expect(client.keys.get('key_missing')).rejects.toBeInstanceOf(NotFoundError);

  await client.keys.revoke(created.id);
  const revoked = await createClient({ apiKey: created.secret, baseUrl: testBase }).whoami.get().catch((e: unknown) => e);
  expect(revoked).toBeInstanceOf(AuthenticationError);
  expect(revoked).toMatchObject({ reason: 'revoked', requestId: expect.stringMatching(/^req_/) });
});
