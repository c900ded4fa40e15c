/**
 * Serves the sandbox's MSW handlers over real HTTP with `node:http`, so curl, Python or any
 * client can call it. Each request becomes a Fetch `Request` for the preset's base URL and is
 * answered by `getResponse(handlers, request)`, with no interception involved.
 * The client address goes to the handlers in an internal header, stripped from what clients send.
 *
 * Every request gets a complete JSON answer in the preset's error shape, including those the
 * handlers never see: targets that are not paths (400), methods Fetch cannot carry (405), URLs and
 * headers over the limits (414, 431), bodies over the limit (413, read to the end first so the
 * connection closes cleanly), and requests Node's HTTP parser refuses (written to the socket
 * directly, then the connection is closed).
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse } from 'msw';
import { secureRandomBytes } from '../src/api/key-format.ts';
import type { ApiModel } from '../src/api/model.ts';
import { MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_URL_BYTES } from '../src/api/runtime/request-limits.ts';
import { CLIENT_IP_HEADER } from './client-info.ts';
import { randomId } from './ids.ts';
import { localRoute, readTarget } from './local-urls.ts';
import { apiError, json } from './respond.ts';
import type { Sandbox } from './sandbox.ts';
import { methodNotAllowed, routeNotFound } from './unrouted.ts';

/**
 * What Node's parser reads of a request line and headers before giving up: far above the limits
 * the API states, so a request between the two gets the API's own 414 or 431 and the connection
 * stays usable.
 */
const MAX_HEAD_READ = 1024 * 1024;
/** How much of a body over the limit is read and dropped so the 413 is followed by a clean close. */
const MAX_DRAIN_BYTES = 32 * MAX_BODY_BYTES;
/** Connection-level headers describe the local hop, not the request the handlers see. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length', CLIENT_IP_HEADER]);
/** Methods a Fetch `Request` refuses to carry, so they never reach the handlers. */
const UNFETCHABLE = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** How long a connection closed after a refusal stays open for the client to read the answer. */
const CLOSE_GRACE_MS = 2000;

const TOO_LARGE = Symbol('body too large');

const requestId = () => randomId('req_', secureRandomBytes);

/**
 * The body, or `TOO_LARGE`. A body over the limit is still read to its end (and dropped), up to
 * `MAX_DRAIN_BYTES`: closing a socket with unread data makes the kernel reset the connection, and
 * the client would then see ECONNRESET instead of the 413.
 */
function readBody(req: IncomingMessage): Promise<Buffer | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES + MAX_DRAIN_BYTES) return resolve(TOO_LARGE);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      chunks.length = 0;
      if (size > MAX_BODY_BYTES + MAX_DRAIN_BYTES) {
        req.pause();
        resolve(TOO_LARGE);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? TOO_LARGE : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the connection closed before the body arrived'));
    });
  });
}

/** Bytes of the header section as sent: names, values, `: ` and line ends. */
function headerBytes(req: IncomingMessage): number {
  let bytes = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) bytes += req.rawHeaders[i]!.length + req.rawHeaders[i + 1]!.length + 4;
  return bytes;
}

function toFetchRequest(req: IncomingMessage, url: string, body: Buffer | null): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!HOP_HEADERS.has(name)) for (const value of values ?? []) headers.append(name, value);
  }
  headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress ?? '');
  const method = req.method ?? 'GET';
  // Fetch carries no body on GET and HEAD; one sent anyway is read and ignored.
  const carried = method === 'GET' || method === 'HEAD' || !body?.length ? null : new Uint8Array(body);
  return new Request(url, { method, headers, body: carried });
}

async function answer(sandbox: Sandbox, req: IncomingMessage): Promise<Response> {
  const { model } = sandbox;
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  if (target.length > MAX_URL_BYTES) return apiError(model, requestId(), 'url_too_long');
  if (headerBytes(req) > MAX_HEADER_BYTES) return apiError(model, requestId(), 'headers_too_large');
  if (req.httpVersion === '1.1' && req.headers.host === undefined) {
    return apiError(model, requestId(), 'malformed_request', { detail: 'the Host header is missing; HTTP/1.1 requires it' });
  }
  const read = readTarget(target);
  if ('problem' in read) return apiError(model, requestId(), 'malformed_request', { detail: read.problem });
  const route = localRoute(model, read.pathAndQuery);
  if (UNFETCHABLE.has(method)) return methodNotAllowed(model, requestId(), method, route?.path ?? null);
  // Read whatever the method, so an oversized body is refused (and drained) on a GET too.
  const body = await readBody(req);
  if (body === TOO_LARGE) return apiError(model, requestId(), 'body_too_large', {}, [], { Connection: 'close' });
  if (!route) return routeNotFound(model, requestId(), method, new URL(`http://local${read.pathAndQuery}`).pathname);
  let request: Request;
  try {
    request = toFetchRequest(req, route.url, body);
  } catch {
    return apiError(model, requestId(), 'malformed_request', { detail: 'a header could not be read' });
  }
  return (await getResponse(sandbox.handlers, request)) ?? routeNotFound(model, requestId(), method, new URL(route.url).pathname);
}

/**
 * A bug in the sandbox: say so plainly rather than hang the client. The catalogue has no 500
 * (the simulated API never fails), so this body is not in the preset's shape.
 */
function crashed(sandbox: Sandbox, error: unknown): Response {
  const message = `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`;
  return json(sandbox.model, requestId(), 500, { message });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

// ── Requests the parser refuses ──────────────────────────────────────────────────────────────

/** Sockets answered by `writeRaw`: anything the request handler still writes would come too late. */
const answeredRaw = new WeakSet<Socket>();
/** Sockets whose next request was refused by the parser, answered once the current answer is out. */
const refusing = new WeakSet<Socket>();

/** Writes a whole HTTP response to the socket, closes our side, and drops the connection soon after. */
async function writeRaw(socket: Socket, response: Response): Promise<void> {
  answeredRaw.add(socket);
  const body = Buffer.from(await response.arrayBuffer());
  if (socket.destroyed || !socket.writable) return void socket.destroy();
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`, `Date: ${new Date().toUTCString()}`];
  response.headers.forEach((value, name) => head.push(`${name}: ${value}`));
  head.push(`Content-Length: ${body.length}`, 'Connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body]));
  // Closing our side first lets the client read the answer; a client that never closes is cut off.
  const timer = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

const PARSER_PROBLEMS: Record<string, string> = {
  HPE_INVALID_HEADER_TOKEN: 'a header name or value holds a character HTTP does not allow, such as a control character, CR, LF or NUL',
  HPE_LF_EXPECTED: 'a line does not end in CRLF, or a header holds a bare CR',
  HPE_CR_EXPECTED: 'a line does not end in CRLF, or a header holds a bare LF',
  HPE_STRICT: 'a line does not end in CRLF, or a header holds a bare CR or LF',
  HPE_INVALID_CONSTANT: 'the request line or a header is not in HTTP/1.1 form',
  HPE_INVALID_CHUNK_SIZE: 'the chunked body is malformed: a chunk size is not a hexadecimal number',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'the chunked body is malformed: a chunk extension is too long',
  HPE_INVALID_TRANSFER_ENCODING: 'Transfer-Encoding is not one this server reads (use chunked, or Content-Length)',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'Content-Length is sent twice, or together with Transfer-Encoding',
  HPE_INVALID_CONTENT_LENGTH: 'Content-Length is not a number',
  HPE_INVALID_URL: 'the request target is not a valid URL path',
  HPE_INVALID_VERSION: 'the HTTP version is not HTTP/1.0 or HTTP/1.1',
  HPE_INVALID_EOF_STATE: 'the connection ended in the middle of the request',
  ERR_HTTP_REQUEST_TIMEOUT: 'the request did not arrive in full in time',
};

type ParserError = NodeJS.ErrnoException & { rawPacket?: Buffer };

/** The answer to a request Node's HTTP parser refused, in the preset's shape. */
function parserErrorResponse(model: ApiModel, error: ParserError): Response {
  const code = error.code ?? '';
  if (code === 'HPE_HEADER_OVERFLOW') return apiError(model, requestId(), 'headers_too_large');
  if (code === 'HPE_INVALID_METHOD') {
    const method = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}(?= )/.exec(error.rawPacket?.toString('latin1') ?? '')?.[0] ?? 'This method';
    return methodNotAllowed(model, requestId(), method, null);
  }
  const detail = PARSER_PROBLEMS[code] ?? `the request does not follow HTTP/1.1${/^[A-Z_]{1,40}$/.test(code) ? ` (${code})` : ''}`;
  return apiError(model, requestId(), 'malformed_request', { detail });
}

/**
 * A parse error belongs to the request whose body was still arriving, or else to the next request
 * on the connection, which is answered once the current answer is out.
 */
function onClientError(model: ApiModel, error: ParserError, socket: Socket): void {
  if (answeredRaw.has(socket) || refusing.has(socket)) return;
  // Bytes after a request that said `Connection: close`: the connection ends after its answer anyway.
  if (error.code === 'HPE_CLOSED_CONNECTION') return;
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const response = parserErrorResponse(model, error);
  const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (current && current.req.complete && !current.writableFinished) {
    refusing.add(socket);
    current.once('finish', () => void writeRaw(socket, response));
    current.once('close', () => {
      if (!current.writableFinished) socket.destroy();
    });
    return;
  }
  if (current?.headersSent && !current.writableFinished) return void socket.destroy();
  void writeRaw(socket, response);
}

export function createSandboxServer(sandbox: Sandbox): Server {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    answer(sandbox, req)
      .catch((error: unknown) => crashed(sandbox, error))
      .then((response) => (answeredRaw.has(req.socket) ? undefined : writeResponse(res, response)))
      .catch(() => res.destroy());
  };
  // Node would refuse a missing Host with an empty 400; `answer` refuses it in the API's words.
  const server = createServer({ maxHeaderSize: MAX_HEAD_READ, requireHostHeader: false }, handle);
  // An `Expect` other than 100-continue would get an empty 417; the request is answered as if it had none.
  server.on('checkExpectation', handle);
  server.on('clientError', (error: ParserError, socket: Socket) => onClientError(sandbox.model, error, socket));
  // Node hands CONNECT over as a tunnel request; this API has no tunnels.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const path = req.url?.startsWith('/') ? (localRoute(sandbox.model, req.url)?.path ?? null) : null;
    void writeRaw(socket, methodNotAllowed(sandbox.model, requestId(), 'CONNECT', path));
  });
  return server;
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
