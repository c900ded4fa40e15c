/**
 * HTTP/1.1 by hand over `node:net`, for requests no HTTP client will send: broken request lines,
 * control characters in headers, bad chunk sizes. One connection carries requests one after the
 * other; each `send` writes bytes and reads exactly one response (status, headers, and a body of
 * Content-Length bytes), so a test can check that a connection survives a refusal.
 */
import { connect, type Socket } from 'node:net';

export interface RawReply {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** Whether the server ended the connection after this response. */
  closed: boolean;
}

const TIMEOUT_MS = 5000;

export class RawConnection {
  private buffer = Buffer.alloc(0);
  private ended = false;
  private waiting: (() => void) | null = null;
  private readonly socket: Socket;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
    const end = () => {
      this.ended = true;
      this.waiting?.();
    };
    socket.on('end', () => {
      end();
      socket.end();
    });
    socket.on('close', end);
    // A reset after a complete answer is what these tests look for; it shows as a missing answer.
    socket.on('error', end);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  get open(): boolean {
    return !this.ended && !this.socket.destroyed;
  }

  /** Resolves when `ready()` holds, re-checked on every chunk; rejects after a timeout or when the server hangs up first. */
  private until<T>(ready: () => T | null, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`No ${what} within ${TIMEOUT_MS} ms; got ${JSON.stringify(this.buffer.toString('latin1').slice(0, 200))}`));
      }, TIMEOUT_MS);
      this.waiting = () => {
        const value = ready();
        if (value !== null) {
          clearTimeout(timer);
          this.waiting = null;
          resolve(value);
        } else if (this.ended) {
          clearTimeout(timer);
          this.waiting = null;
          reject(
            new Error(
              `The connection ended before a complete ${what}; got ${JSON.stringify(this.buffer.toString('latin1').slice(0, 200))}`,
            ),
          );
        }
      };
      this.waiting();
    });
  }

  private parse(): Omit<RawReply, 'closed'> | null {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return null;
    const [statusLine, ...lines] = this.buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine!)?.[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (this.buffer.length < headEnd + 4 + length) return null;
    const body = this.buffer.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(headEnd + 4 + length);
    return { status, headers, body };
  }

  async send(request: string | Buffer): Promise<RawReply> {
    this.socket.write(request);
    const reply = await this.until(() => this.parse(), 'response');
    const closing = reply.headers['connection']?.toLowerCase() === 'close';
    // A connection the server announced as closing must really close, and cleanly.
    if (closing)
      await this.until(() => (this.ended ? true : null), 'close').catch(
        () => this.ended || Promise.reject(new Error('The server announced Connection: close but kept the connection open')),
      );
    return { ...reply, closed: closing || this.ended };
  }

  close(): void {
    this.socket.destroy();
  }
}
