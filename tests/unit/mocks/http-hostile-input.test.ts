/**
 * Hostile input against the HTTP server (`createSandboxServer`, in this process on a free port):
 * every endpoint that takes a body × malformed bodies, then malformed request targets, methods,
 * headers and query parameters, written by hand over `node:net`. Each case is sent on a fresh
 * connection and again on one kept-alive connection in sequence. Every answer must be complete:
 * a 4xx with a JSON body in the preset's error shape (an id from its catalogue), the connection
 * closed only where the server says so, and the server still answering afterwards.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requestExample } from '../../../src/api/examples.ts';
import { loadModel } from '../../../src/api/index.ts';
import type { ApiModel } from '../../../src/api/model.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import { createSandboxServer, listen } from '../../../mocks/http-server.ts';
import { localBases } from '../../../mocks/local-urls.ts';
import { createSandbox, type Sandbox } from '../../../mocks/sandbox.ts';
import { manualClock } from '../../../mocks/clock.ts';
import { authHeader, errorOf, ownerMayCall, START } from './harness.ts';
import { openApiCheck } from './openapi-check.ts';
import { RawConnection, type RawReply } from './raw-http.ts';

interface Case {
  name: string;
  request: string | Buffer;
  /** The status expected, or only "a 4xx" when the endpoint decides (e.g. 403 before 422). */
  status?: number | undefined;
  /** The error id expected. */
  error?: string;
  /** Whether the server ends the connection after answering. @default false */
  closes?: boolean;
  /** The endpoint whose OpenAPI responses must document the answer. */
  endpoint?: Endpoint;
  /** Statuses below 400 allowed too (a body sent to an endpoint that takes none is ignored). */
  anyStatus?: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value with every string replaced. */
function mapStrings(value: Json, replace: (text: string) => string): Json {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, replace));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, replace)]));
  return value;
}

function raw(method: string, target: string, headers: Record<string, string>, body: string | Buffer = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  if (bytes.length || !['GET', 'HEAD'].includes(method)) lines.push(`Content-Length: ${bytes.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]);
}

function bodyCases(model: ApiModel, testBase: string, key: string): Case[] {
  const auth = authHeader(model, key);
  const json = { ...auth, 'Content-Type': 'application/json' };
  return model.endpoints.flatMap((endpoint) => {
    const target = `${testBase}${endpoint.path.replace('{id}', 'rec_hostile')}`;
    const example = (requestExample(model, endpoint) ?? { field: 'value' }) as Json;
    // Bodies without text get a field of their own, which is refused as unknown.
    const inEveryString = (bad: string) => {
      const text = JSON.stringify(mapStrings(example, () => bad));
      return text.includes(JSON.stringify(bad).slice(1, -1)) ? text : JSON.stringify({ text: bad });
    };
    const bodies: Array<[string, string | Buffer, Record<string, string>, number | undefined, boolean?]> = [
      ['truncated JSON', JSON.stringify(example).slice(0, -3), json, 400],
      ['a JSON body sent as text/plain', JSON.stringify(example), { ...auth, 'Content-Type': 'text/plain' }, 415],
      ['a JSON body with no Content-Type', JSON.stringify(example), auth, 415],
      ['a 2 MB body', JSON.stringify({ text: 'x'.repeat(2_000_000) }), json, 413, true],
      ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, json, undefined],
      ['50,000 nested objects', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, json, 422],
      ['lone surrogates in every string', inEveryString('\ud800'), json, 422],
      ['an escaped NUL in every string', inEveryString('nul \u0000'), json, 422],
      ['a text-direction override in every string', inEveryString('invoice\u202Egpj.exe'), json, 422],
      ['an unknown field', JSON.stringify({ ...(example as object), colour: 'blue' }), json, 422],
      ['a raw NUL byte inside a string', Buffer.from('{"name":"a\u0000b"}', 'latin1'), json, 400],
      ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), json, 400],
    ];
    const allowed = ownerMayCall(model, endpoint);
    return bodies.map(([name, body, headers, status, closes]): Case => ({
      name: `${endpoint.id}: ${name}`,
      request: raw(endpoint.method, target, headers, body),
      endpoint,
      closes: Boolean(closes),
      // The size limit comes first. Then a key that may not call the endpoint is a 403 before its
      // body is read; where no body is taken, the rest is ignored.
      ...(closes ? { status } : !allowed ? { status: 403 } : endpoint.body ? { status } : { anyStatus: true }),
    }));
  });
}

function requestCases(model: ApiModel, testBase: string, key: string): Case[] {
  const auth = authHeader(model, key);
  const [authName, authValue] = Object.entries(auth)[0]!;
  const headerLines = (extra: string) => `Host: 127.0.0.1\r\n${authName}: ${authValue}\r\n${extra}`;
  const line = (requestLine: string, extra = '') => `${requestLine}\r\n${headerLines(extra)}\r\n`;
  const me = `${testBase}${model.management.whoamiPath}`;
  const list = `${testBase}${model.management.keysPath}`;
  return [
    { name: 'GET //[', request: line('GET //[ HTTP/1.1'), status: 400, error: 'malformed_request' },
    { name: 'absolute form with a broken host', request: line('GET http://[::1/ HTTP/1.1'), status: 400, error: 'malformed_request' },
    { name: 'a backslash in the path', request: line(`GET ${testBase}\\..\\[ HTTP/1.1`), status: 400, error: 'malformed_request' },
    { name: 'the asterisk form', request: line('OPTIONS * HTTP/1.1'), status: 400, error: 'malformed_request' },
    {
      name: 'HTTP/1.1 without Host',
      request: `GET ${me} HTTP/1.1\r\n${authName}: ${authValue}\r\n\r\n`,
      status: 400,
      error: 'malformed_request',
    },
    { name: 'TRACE', request: line(`TRACE ${me} HTTP/1.1`), status: 405, error: 'method_not_allowed' },
    { name: 'TRACE to an unknown path', request: line('TRACE /nowhere HTTP/1.1'), status: 405, error: 'method_not_allowed' },
    { name: 'CONNECT to a path', request: line(`CONNECT ${me} HTTP/1.1`), status: 405, error: 'method_not_allowed', closes: true },
    {
      name: 'CONNECT to a host',
      request: line('CONNECT example.com:443 HTTP/1.1'),
      status: 405,
      error: 'method_not_allowed',
      closes: true,
    },
    { name: 'a method no one knows', request: line(`FOO ${me} HTTP/1.1`), status: 405, error: 'method_not_allowed', closes: true },
    { name: 'a WebDAV method', request: line(`PROPFIND ${me} HTTP/1.1`), status: 405, error: 'method_not_allowed' },
    { name: 'a 17 KB URL', request: line(`GET ${me}?q=${'a'.repeat(17_000)} HTTP/1.1`), status: 414, error: 'url_too_long' },
    {
      name: 'a 1.1 MB URL',
      request: line(`GET ${me}?q=${'a'.repeat(1_100_000)} HTTP/1.1`),
      status: 431,
      error: 'headers_too_large',
      closes: true,
    },
    {
      name: 'a 64 KB header',
      request: line(`GET ${me} HTTP/1.1`, `X-Big: ${'a'.repeat(65_536)}\r\n`),
      status: 431,
      error: 'headers_too_large',
    },
    {
      name: 'a 1.1 MB header',
      request: line(`GET ${me} HTTP/1.1`, `X-Big: ${'a'.repeat(1_100_000)}\r\n`),
      status: 431,
      error: 'headers_too_large',
      closes: true,
    },
    {
      name: 'a bare CR in a header',
      request: line(`GET ${me} HTTP/1.1`, 'X-Bad: a\rb\r\n'),
      status: 400,
      error: 'malformed_request',
      closes: true,
    },
    {
      name: 'a bare LF in a header',
      request: line(`GET ${me} HTTP/1.1`, 'X-Bad: a\nb\r\n'),
      status: 400,
      error: 'malformed_request',
      closes: true,
    },
    {
      name: 'a NUL in a header',
      request: line(`GET ${me} HTTP/1.1`, 'X-Bad: a\0b\r\n'),
      status: 400,
      error: 'malformed_request',
      closes: true,
    },
    {
      name: 'a space in a header name',
      request: line(`GET ${me} HTTP/1.1`, 'X Bad: 1\r\n'),
      status: 400,
      error: 'malformed_request',
      closes: true,
    },
    {
      name: 'a chunk size that is not hexadecimal',
      request: `POST ${list} HTTP/1.1\r\n${headerLines('Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n')}\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      status: 400,
      error: 'malformed_request',
      closes: true,
    },
    {
      name: 'two Content-Lengths',
      request: line(`POST ${list} HTTP/1.1`, 'Content-Length: 2\r\nContent-Length: 3\r\n') + '{}',
      status: 400,
      error: 'malformed_request',
      closes: true,
    },
    { name: 'an HTTP/2 preface', request: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', status: 400, error: 'malformed_request', closes: true },
    { name: 'HTTP/9.9', request: line(`GET ${me} HTTP/9.9`), status: 400, error: 'malformed_request', closes: true },
    {
      name: 'the key header twice, same key',
      request: line(`GET ${me} HTTP/1.1`, `${authName}: ${authValue}\r\n`),
      status: 401,
      error: 'malformed_api_key',
    },
    {
      name: 'the key header twice, another key',
      request: line(`GET ${me} HTTP/1.1`, `${authName}: ${authValue.slice(0, -1)}x\r\n`),
      status: 401,
      error: 'conflicting_api_keys',
    },
    ...['limit=0x10', 'limit=1&limit=2', 'limit=NaN', 'limit=-1', 'limit=1e400', 'limit=%E0%A4%A', 'starting_after=%ZZ'].map((query) => ({
      name: `?${query}`,
      request: line(`GET ${list}?${query} HTTP/1.1`),
      status: 422,
      error: 'validation_failed',
    })),
  ];
}

describe.each(['huechat', 'chameleon'])('hostile requests to the HTTP server of %s', (preset) => {
  const model = loadModel(preset);
  const check = openApiCheck(model);
  const ids = new Set(model.errors.map((e) => e.id));
  let sandbox: Sandbox;
  let server: Server;
  let port: number;
  let cases: Case[];

  beforeAll(async () => {
    sandbox = await createSandbox({ model, clock: manualClock(START) });
    server = createSandboxServer(sandbox);
    await listen(server, 0);
    port = (server.address() as AddressInfo).port;
    const testBase = localBases(model).find((b) => b.environment === 'test')!.localPath;
    cases = [...bodyCases(model, testBase, sandbox.ownerKey!), ...requestCases(model, testBase, sandbox.ownerKey!)];
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
    sandbox.dispose();
  });

  function expectComplete(c: Case, reply: RawReply): void {
    const where = `${c.name} → ${reply.status} ${reply.body.slice(0, 200)}`;
    if (!c.anyStatus) expect(reply.status, where).toBeGreaterThanOrEqual(400);
    expect(reply.status, where).toBeLessThan(500);
    if (c.status !== undefined) expect(reply.status, where).toBe(c.status);
    expect(reply.headers['content-type'], where).toBe('application/json');
    expect(reply.headers['x-request-id'], where).toMatch(/^req_/);
    const body = JSON.parse(reply.body);
    if (reply.status >= 400) {
      const id = errorOf(model, body)?.[model.errorFormat.fields.id] as string;
      expect(ids.has(id), where).toBe(true);
      if (c.error) expect(id, where).toBe(c.error);
      if (c.endpoint && !c.closes) check.expectDocumented(c.endpoint, reply.status, new Headers(reply.headers), body);
      else check.expectDocumented(undefined, reply.status, new Headers(reply.headers), body);
    }
    expect(reply.closed, `${where}: the connection ${reply.closed ? 'closed' : 'stayed open'}`).toBe(Boolean(c.closes));
  }

  /** Every case in a rate-limit window of its own, so the owner key's limit never answers first. */
  const nextWindow = () => sandbox.time.advance(3_600_000);

  async function stillAnswers(connection?: RawConnection): Promise<void> {
    const fresh = !connection?.open;
    const conn = fresh ? await RawConnection.open(port) : connection;
    const testBase = localBases(model).find((b) => b.environment === 'test')!.localPath;
    const [name, value] = Object.entries(authHeader(model, sandbox.ownerKey!))[0]!;
    const reply = await conn.send(raw('GET', `${testBase}${model.management.whoamiPath}`, { [name]: value }));
    expect(reply.status).toBe(200);
    if (fresh) conn.close();
  }

  test('each case on a fresh connection gets a complete 4xx JSON answer, and the server answers the next connection', async () => {
    for (const c of cases) {
      nextWindow();
      const connection = await RawConnection.open(port);
      try {
        expectComplete(c, await connection.send(c.request));
      } finally {
        connection.close();
      }
      await stillAnswers();
    }
  });

  test('the same cases in sequence on one kept-alive connection, reconnecting only where the server closed it', async () => {
    let connection = await RawConnection.open(port);
    let connections = 1;
    for (const c of cases) {
      nextWindow();
      if (!connection.open) {
        connection = await RawConnection.open(port);
        connections++;
      }
      expectComplete(c, await connection.send(c.request));
    }
    await stillAnswers(connection);
    connection.close();
    expect(connections).toBe(1 + cases.filter((c) => c.closes).length);
  });
});
