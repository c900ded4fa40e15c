/**
 * Serves the sandbox's MSW handlers over real HTTP with `node:http`, so curl, Python or any
 * client can call it. Each request becomes a Fetch `Request` for the preset's base URL and is
 * answered by `getResponse(handlers, request)`, with no interception involved.
 * The client address goes to the handlers in an internal header, stripped from what clients send.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { secureRandomBytes } from '../src/api/key-format.ts';
import { CLIENT_IP_HEADER } from './client-info.ts';
import { randomId } from './ids.ts';
import { toSandboxUrl } from './local-urls.ts';
import { apiError, json } from './respond.ts';
import type { Sandbox } from './sandbox.ts';
import { routeNotFound } from './unrouted.ts';

const MAX_BODY_BYTES = 1_000_000;
/** Connection-level headers describe the local hop, not the request the handlers see. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length', CLIENT_IP_HEADER]);

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function toFetchRequest(req: IncomingMessage, url: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!HOP_HEADERS.has(name)) for (const value of values ?? []) headers.append(name, value);
  }
  headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress ?? '');
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? null : await readBody(req);
  return new Request(url, { method, headers, body: body?.length ? new Uint8Array(body) : null });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function answer(sandbox: Sandbox, req: IncomingMessage): Promise<Response> {
  const { model } = sandbox;
  const requestId = () => randomId('req_', secureRandomBytes);
  const pathAndQuery = req.url ?? '/';
  const url = toSandboxUrl(model, pathAndQuery);
  const method = req.method ?? 'GET';
  if (!url) return routeNotFound(model, requestId(), method, new URL(pathAndQuery, 'http://local').pathname);
  let request: Request;
  try {
    request = await toFetchRequest(req, url);
  } catch (error) {
    const detail = error instanceof BodyTooLarge ? 'the body is larger than 1 MB' : 'the request could not be read';
    return apiError(model, requestId(), 'invalid_request', { detail });
  }
  return (await getResponse(sandbox.handlers, request)) ?? routeNotFound(model, requestId(), method, new URL(url).pathname);
}

/**
 * A bug in the sandbox: say so plainly rather than hang the client. The catalogue has no 500
 * (the simulated API never fails), so this body is not in the preset's shape.
 */
function crashed(sandbox: Sandbox, error: unknown): Response {
  const message = `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`;
  return json(sandbox.model, randomId('req_', secureRandomBytes), 500, { message });
}

export function createSandboxServer(sandbox: Sandbox): Server {
  return createServer((req, res) => {
    answer(sandbox, req)
      .catch((error: unknown) => crashed(sandbox, error))
      .then((response) => writeResponse(res, response))
      .catch(() => res.destroy());
  });
}

/** Listens on loopback; resolves to the server and its origin, e.g. `http://127.0.0.1:8787`. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
    });
  });
}
