/**
 * Real clients against `mocks/server.ts` in its own process on a free port: curl and Python's
 * `requests` get the documented 200, 401, 403 and 429. Keys reach curl through its config on
 * stdin and Python through the environment, never through argv or a URL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadModel } from '../../../src/api/index.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import { toSandboxUrl } from '../../../mocks/local-urls.ts';
import { openApiCheck } from './openapi-check.ts';
import { startSandboxServer, type SandboxServer } from '../../helpers/sandbox-server.ts';

const run = promisify(execFile);

const SEPARATOR = '\n--keyport-curl--\n';

/** Runs curl with headers from its config on stdin; returns status, headers and JSON body. */
async function curl(url: string, requestHeaders: Record<string, string>, extra: string[] = []) {
  const config = Object.entries(requestHeaders)
    .map(([name, value]) => `header = "${name}: ${value}"`)
    .join('\n');
  const child = execFile('curl', [
    '--silent',
    '--config',
    '-',
    '--write-out',
    `${SEPARATOR}%{http_code}${SEPARATOR}%{header_json}`,
    ...extra,
    url,
  ]);
  child.stdin!.end(config);
  const stdout = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`curl exited with ${code}`))));
  });
  const [body, status, headerJson] = stdout.split(SEPARATOR);
  const headers = Object.entries(JSON.parse(headerJson!) as Record<string, string[]>).map(([name, values]) => [name, values.join(', ')]);
  return { status: Number(status), headers: Object.fromEntries(headers) as Record<string, string>, body: JSON.parse(body!) };
}

const model = loadModel('huechat');
const check = openApiCheck(model);
const endpoint = (id: string) => model.endpoints.find((e) => e.id === id) as Endpoint;
const documented = (id: string, reply: { status: number; body: unknown; headers: Record<string, string> }) =>
  check.expectDocumented(endpoint(id), reply.status, new Headers(reply.headers), reply.body);

describe('the sandbox HTTP server (huechat)', () => {
  let server: SandboxServer;
  let test_: string;
  beforeAll(async () => {
    server = await startSandboxServer({ KEYPORT_PRESET: 'huechat' });
    test_ = `${server.origin}/v2`;
  });
  afterAll(async () => {
    if (server.process.exitCode === null) await server.stop();
  });

  const createKey = async (body: Record<string, unknown>) => {
    const response = await fetch(`${test_}/api-keys`, {
      method: 'POST',
      headers: { 'X-API-Key': server.key!, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { secret: string; id: string };
  };

  test('prints the base URLs, the owner key once, and a curl line that reads it from the environment', () => {
    expect(server.output).toContain(`${server.origin}/v2  (stands for https://sandbox.huechat.ai/v2)`);
    expect(server.output).toContain(`${server.origin}/live/v2  (stands for https://api.huechat.ai/v2)`);
    expect(server.output).toContain(`export HUECHAT_API_KEY=${server.key}`);
    expect(server.output).toContain(`curl -H "X-API-Key: $HUECHAT_API_KEY" ${server.origin}/v2/me`);
    expect(server.output.split(server.key!).length - 1).toBe(1);
  });

  test('curl gets the documented 200, 401, 403 and 429', async () => {
    const full = await createKey({ name: 'curl' });
    const narrow = await createKey({ name: 'curl narrow', template: 'read-only-analytics' });
    const ok = await curl(`${test_}/me`, { 'X-API-Key': full.secret });
    expect([ok.status, ok.body.key_id]).toEqual([200, full.id]);
    documented('whoami.get', ok);
    const missing = await curl(`${test_}/me`, {});
    expect([missing.status, missing.body.type]).toEqual([401, 'missing_api_key']);
    documented('whoami.get', missing);
    const forbidden = await curl(`${test_}/contacts`, { Authorization: `Bearer ${narrow.secret}`, 'Content-Type': 'application/json' }, [
      '--data',
      '{"name":"Ada"}',
    ]);
    expect([forbidden.status, forbidden.body.missing_scopes]).toEqual([403, ['contacts:write']]);
    documented('contacts.create', forbidden);
    let limited = ok;
    for (let i = 0; i < 60 && limited.status !== 429; i++) limited = await curl(`${test_}/me`, { 'X-API-Key': full.secret });
    expect([limited.status, limited.body.type]).toEqual([429, 'rate_limited']);
    documented('whoami.get', limited);
  });

  test('Python requests gets the documented 200, 401, 403 and 429', async () => {
    const full = await createKey({ name: 'python' });
    const narrow = await createKey({ name: 'python narrow', template: 'read-only-analytics' });
    const script = `
import json, os, requests
base = os.environ["BASE"]
key = {"X-API-Key": os.environ["HUECHAT_API_KEY"]}
narrow = {"Authorization": "Bearer " + os.environ["NARROW_KEY"]}
def show(r): return {"status": r.status_code, "body": r.json(), "headers": dict(r.headers)}
out = {"ok": show(requests.get(base + "/me", headers=key)),
       "missing": show(requests.get(base + "/me")),
       "forbidden": show(requests.post(base + "/contacts", json={"name": "Ada"}, headers=narrow))}
for _ in range(61):
    r = requests.get(base + "/me", headers=key)
    if r.status_code == 429: break
out["limited"] = show(r)
print(json.dumps(out))
`;
    const { stdout } = await run('python3', ['-c', script], {
      env: { ...process.env, BASE: test_, HUECHAT_API_KEY: full.secret, NARROW_KEY: narrow.secret },
    });
    const out = JSON.parse(stdout);
    expect([out.ok.status, out.missing.status, out.forbidden.status, out.limited.status]).toEqual([200, 401, 403, 429]);
    documented('whoami.get', out.ok);
    documented('whoami.get', out.missing);
    documented('contacts.create', out.forbidden);
    documented('whoami.get', out.limited);
    const limitedHeaders = new Headers(out.limited.headers);
    expect(limitedHeaders.get('Retry-After')).toMatch(/^[1-9]\d*$/);
    expect(limitedHeaders.get('RateLimit-Policy')).toBe('"default";q=60;w=60');
  });

  test('a client cannot choose its own address: the internal client-IP header is replaced', async () => {
    const office = await createKey({ name: 'office', ip_allowlist: ['198.51.100.7'] });
    const local = await createKey({ name: 'local', ip_allowlist: ['127.0.0.1'] });
    const spoof = { 'x-keyport-sandbox-client-ip': '198.51.100.7' };
    const refused = await curl(`${test_}/me`, { 'X-API-Key': office.secret, ...spoof });
    expect([refused.status, refused.body.type, refused.body.message]).toEqual([
      403,
      'ip_not_allowed',
      'Requests with this API key are not allowed from 127.0.0.1',
    ]);
    expect((await curl(`${test_}/me`, { 'X-API-Key': local.secret, ...spoof })).status).toBe(200);
  });

  test('the live environment answers under /live, and anything else is a 404 in the preset’s shape', async () => {
    const live = await curl(`${server.origin}/live/v2/me`, { 'X-API-Key': server.key! });
    expect([live.status, live.body.type]).toEqual([401, 'wrong_environment']);
    const elsewhere = await curl(`${server.origin}/elsewhere`, { 'X-API-Key': server.key! });
    expect(elsewhere.headers['x-request-id']).toMatch(/^req_/);
    expect({ status: elsewhere.status, body: elsewhere.body }).toEqual({
      status: 404,
      body: {
        error: 'not_found',
        message: 'No endpoint for GET /elsewhere found',
        code: 404,
        type: 'not_found',
        docs_url: 'https://docs.huechat.ai/errors/#not-found',
      },
    });
  });

  test('non-ASCII bytes in the key header are a 401, not a crash', async () => {
    const reply = await curl(`${test_}/me`, { 'X-API-Key': 'sk_test_clé' });
    expect([reply.status, reply.body.type]).toEqual([401, 'malformed_api_key']);
  });

  test('stops cleanly on SIGTERM', async () => {
    const stopped = await server.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.output.endsWith('Sandbox stopped.\n')).toBe(true);
  });
});

test('with SANDBOX_STATE the keys survive a restart, and the key is not printed again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyport-sandbox-'));
  const file = join(dir, 'state.json');
  try {
    const first = await startSandboxServer({ KEYPORT_PRESET: 'chatbot-platform', SANDBOX_STATE: file });
    expect(first.output).toContain(`curl -H "Authorization: Bearer $CHATBOT_PLATFORM_API_KEY" ${first.origin}/v1/me`);
    await first.stop();
    const second = await startSandboxServer({ KEYPORT_PRESET: 'chatbot-platform', SANDBOX_STATE: file });
    expect(second.key).toBeNull();
    expect(second.output).toContain(`Keys were restored from ${file}`);
    const reply = await curl(`${second.origin}/v1/me`, { Authorization: `Bearer ${first.key}` });
    expect([reply.status, reply.body.name]).toEqual([200, 'Sandbox owner']);
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('local URLs', () => {
  test.each([
    ['/v2/me', 'https://sandbox.huechat.ai/v2/me'],
    ['/v2/contacts?limit=2', 'https://sandbox.huechat.ai/v2/contacts?limit=2'],
    ['/live/v2/me', 'https://api.huechat.ai/v2/me'],
    ['/v2', 'https://sandbox.huechat.ai/v2'],
    ['/v20/me', null],
    ['/live/me', null],
    ['/', null],
  ])('%s stands for %s', (local, expected) => {
    expect(toSandboxUrl(model, local)).toBe(expected);
  });
});
