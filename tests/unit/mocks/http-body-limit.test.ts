/**
 * A body over the limit on the HTTP server: a 413 in the preset's error shape with
 * `Connection: close`, the rest of the body read and dropped first, so pooled clients (Node's
 * keep-alive Agent, undici's fetch) see a clean close and never an ECONNRESET on their next request.
 */
import http from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadModel } from '../../../src/api/index.ts';
import { MAX_BODY_BYTES } from '../../../src/api/runtime/request-limits.ts';
import { createSandboxServer, listen } from '../../../mocks/http-server.ts';
import { createSandbox, type Sandbox } from '../../../mocks/sandbox.ts';
import { errorOf } from './harness.ts';

const model = loadModel('huechat');
let sandbox: Sandbox;
let server: http.Server;
let origin: string;
let key: string;

beforeAll(async () => {
  sandbox = await createSandbox({ model });
  sandbox.settings.update({ rateLimitTier: 'enterprise' });
  server = createSandboxServer(sandbox);
  origin = await listen(server, 0);
  key = sandbox.ownerKey!;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  sandbox.dispose();
});

const big = JSON.stringify({ name: 'Big', phone: '+14155550123', email: 'x'.repeat(2 * MAX_BODY_BYTES) });

function expectTooLarge(status: number, connection: string | null | undefined, body: string): void {
  expect([status, connection]).toEqual([413, 'close']);
  const error = errorOf(model, JSON.parse(body))!;
  expect([error['type'], error['message']]).toEqual(['body_too_large', 'The request body is larger than 1 MB']);
}

test('undici’s fetch gets the 413, and its next request on the pool is answered', async () => {
  for (let round = 0; round < 3; round++) {
    const tooLarge = await fetch(`${origin}/v2/contacts`, {
      method: 'POST',
      headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
      body: big,
    });
    expectTooLarge(tooLarge.status, tooLarge.headers.get('connection'), await tooLarge.text());
    const next = await fetch(`${origin}/v2/me`, { headers: { 'X-API-Key': key } });
    expect(next.status).toBe(200);
    await next.arrayBuffer();
  }
});

test('Node’s keep-alive Agent gets the 413, drops that socket, and reuses the others', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const request = (method: string, path: string, body?: string | string[]) =>
    new Promise<{ status: number; connection: string | undefined; body: string; reused: boolean }>((resolve, reject) => {
      const headers: Record<string, string> = { 'X-API-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}) };
      if (Array.isArray(body)) headers['Transfer-Encoding'] = 'chunked';
      const req = http.request(`${origin}${path}`, { method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text, reused: req.reusedSocket }));
      });
      req.on('error', reject);
      for (const chunk of Array.isArray(body) ? body : body ? [body] : []) req.write(chunk);
      req.end();
    });
  try {
    for (let round = 0; round < 3; round++) {
      const before = await request('GET', '/v2/me');
      expect(before.status).toBe(200);
      const tooLarge = await request('POST', '/v2/contacts', round === 2 ? Array.from({ length: 30 }, () => 'x'.repeat(100_000)) : big);
      expectTooLarge(tooLarge.status, tooLarge.connection, tooLarge.body);
      // Sent on the socket the request before used; the next one needs a new socket.
      expect(tooLarge.reused).toBe(true);
      const after = await request('GET', '/v2/me');
      expect([after.status, after.connection, after.reused]).toEqual([200, 'keep-alive', false]);
    }
    const second = await request('GET', '/v2/me');
    expect(second.reused).toBe(true);
  } finally {
    agent.destroy();
  }
});

test('a body just under the limit is read whole', async () => {
  const name = 'x'.repeat(150);
  const fits = JSON.stringify({ name, pad: ' '.repeat(MAX_BODY_BYTES - 200) });
  const reply = await fetch(`${origin}/v2/contacts`, {
    method: 'POST',
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: fits,
  });
  // Read, parsed and judged on its fields: an unknown one, not the size.
  expect(Buffer.byteLength(fits)).toBeLessThan(MAX_BODY_BYTES);
  expect([reply.status, errorOf(model, await reply.json())!['message']]).toEqual([422, expect.stringMatching(/^Invalid value for `pad`/)]);
});
