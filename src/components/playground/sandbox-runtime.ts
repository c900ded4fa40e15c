/**
 * The two scripts that run inside the sandbox, shipped as text (`Function.prototype.toString`):
 *
 * - `frameMain` is the whole script of the sandboxed iframe (opaque origin, strict CSP). It only
 *   starts a Worker (from a data: URL) and hands it the start message and the page's MessagePort.
 * - `workerMain` runs in that Worker. It installs `process.env`, a console that formats like
 *   Node's, a `fetch` that asks the page (the only way out: the CSP forbids connections), timers
 *   it can count, then imports the SDK and the reader's program from blob URLs.
 *
 * Because they travel as text, neither function may use anything outside its own body (imports
 * are types only).
 */
import type { ConsoleEntry, ConsoleLevel, MappedLine, PageMessage, RunInit, WorkerMessage } from './protocol.ts';

/** The iframe's script: relays the start message and the port to a new Worker. */
export function frameMain(): void {
  let started = false;
  addEventListener('message', (event: MessageEvent) => {
    if (started || event.source !== parent || !event.ports[0]) return;
    started = true;
    const { worker: source, init } = event.data as { worker: string; init: unknown };
    const port = event.ports[0];
    try {
      // From a data: URL, not a blob: a worker from a blob of this opaque origin is not a secure
      // context (no crypto.subtle, which webhook verification needs); a data: URL one is.
      const worker = new Worker(`data:text/javascript,${encodeURIComponent(source)}`, { name: 'playground' });
      worker.postMessage(init, [port]);
    } catch (error) {
      port.postMessage({ type: 'uncaught', text: `The sandbox could not start a worker: ${String(error)}`, line: null, column: null });
      port.postMessage({ type: 'exit', code: 1 });
    }
  });
}

/**
 * The Worker's script. Waits for `RunInit` and the port, then runs the program. `load` is
 * `(url) => import(url)`, written into the script's text by the runner: an `import()` here would
 * be rewritten by Vite's dev server into a call of a helper the Worker does not have.
 */
export function workerMain(load: (url: string) => Promise<unknown>): void {
  interface Scope {
    onmessage: ((event: MessageEvent) => void) | null;
    addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
    addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
    fetch: typeof fetch;
    setTimeout(handler: unknown, ms?: number, ...args: unknown[]): number;
    clearTimeout(id?: number): void;
    setInterval(handler: unknown, ms?: number, ...args: unknown[]): number;
    clearInterval(id?: number): void;
    console: Console;
    process?: unknown;
    location: { href: string };
  }
  const scope = globalThis as unknown as Scope;

  scope.onmessage = (message: MessageEvent) => {
    scope.onmessage = null;
    const init = message.data as RunInit;
    const port = message.ports[0]!;
    const post = (data: WorkerMessage, transfer: Transferable[] = []) => port.postMessage(data, transfer);
    const native = {
      setTimeout: scope.setTimeout.bind(globalThis),
      clearTimeout: scope.clearTimeout.bind(globalThis),
      setInterval: scope.setInterval.bind(globalThis),
      clearInterval: scope.clearInterval.bind(globalThis),
    };

    const sdkUrl = URL.createObjectURL(new Blob([init.sdk], { type: 'text/javascript' }));
    const programUrl = URL.createObjectURL(
      new Blob([init.code.split(`'__keyport_sdk_bundle__'`).join(JSON.stringify(sdkUrl))], { type: 'text/javascript' }),
    );
    // The worker's own script (a data: URL), whose frames are the playground's, not the reader's.
    const ownUrl = scope.location.href.slice(0, 64);

    // ---- Stack traces: the program's frames as `file:line:column` of the reader's code. ----
    const original = (line: number, column: number): [number, number] | null => {
      const segments: MappedLine | undefined = init.lines[line - 1];
      if (!segments || !segments.length) return null;
      let best = segments[0]!;
      for (const segment of segments) if (segment[0] <= column - 1) best = segment;
      return [best[1] + 1, best[2] + 1];
    };
    let firstFrame: [number, number] | null = null;
    const mapStack = (stack: string): string => {
      firstFrame = null;
      const out: string[] = [];
      for (const line of stack.split('\n')) {
        if (line.includes(ownUrl)) continue;
        if (line.includes(sdkUrl)) {
          const shown = `    at ${init.sdkName}`;
          if (out[out.length - 1] !== shown) out.push(shown);
          continue;
        }
        out.push(
          line.split(programUrl).length > 1
            ? line.replace(
                new RegExp(`${programUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g'),
                (_, l: string, c: string) => {
                  const at = original(Number(l), Number(c));
                  if (at && !firstFrame) firstFrame = at;
                  return at ? `${init.file}:${at[0]}:${at[1]}` : init.file;
                },
              )
            : line,
        );
      }
      return out.join('\n');
    };

    // ---- util.inspect, roughly: what console.log prints for each value. ----
    const IDENT = /^[A-Za-z_$][\w$]*$/;
    const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    const constructorName = (value: object): string | null => {
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      if (proto === null) return null;
      return proto.constructor?.name ?? '';
    };
    const inspect = (value: unknown, depth: number, seen: object[], indent: string): string => {
      if (value === null) return 'null';
      switch (typeof value) {
        case 'string':
          return quote(value);
        case 'number':
          return Object.is(value, -0) ? '-0' : String(value);
        case 'bigint':
          return `${value}n`;
        case 'undefined':
        case 'boolean':
        case 'symbol':
          return String(value);
        case 'function': {
          const text = Function.prototype.toString.call(value);
          if (text.startsWith('class')) return `[class ${value.name || '(anonymous)'}]`;
          const kind =
            value.constructor?.name === 'AsyncFunction'
              ? 'AsyncFunction'
              : value.constructor?.name === 'AsyncGeneratorFunction'
                ? 'AsyncGeneratorFunction'
                : 'Function';
          return value.name ? `[${kind}: ${value.name}]` : `[${kind} (anonymous)]`;
        }
        case 'object':
          break;
      }
      const object = value;
      if (seen.includes(object)) return '[Circular]';
      if (object instanceof Error) {
        const stack = mapStack(object.stack || `${object.name}: ${object.message}`);
        const props = Object.keys(object).filter((k) => k !== 'stack' && k !== 'message');
        const head = `${stack}`;
        if (!props.length || depth < 0) return seen.length ? `[${stack.split('\n')[0]}]` : head;
        return `${head} ${body(
          props.map((k) => [k, (object as unknown as Record<string, unknown>)[k]]),
          depth,
          [...seen, object],
          indent,
          '{',
          '}',
        )}`;
      }
      if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
      if (object instanceof RegExp) return String(object);
      if (object instanceof Promise) return 'Promise { <pending> }';
      if (object instanceof ArrayBuffer) return `ArrayBuffer { byteLength: ${object.byteLength} }`;
      const name = constructorName(object);
      if (depth < 0) return Array.isArray(object) ? '[Array]' : `[${name || 'Object'}]`;
      const next = [...seen, object];
      if (Array.isArray(object)) {
        const items: Array<[string | null, unknown]> = object.slice(0, 100).map((item) => [null, item]);
        const more = object.length > 100 ? [`... ${object.length - 100} more items`] : [];
        return `${name && name !== 'Array' ? `${name}(${object.length}) ` : ''}${body(items, depth, next, indent, '[', ']', more)}`;
      }
      if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
        const list = Array.from(object as unknown as ArrayLike<number>).slice(0, 100);
        return `${name}(${(object as unknown as ArrayLike<number>).length}) ${body(
          list.map((n) => [null, n]),
          depth,
          next,
          indent,
          '[',
          ']',
        )}`;
      }
      if (object instanceof Map) {
        return `Map(${object.size}) ${body(
          [...object].map(([k, v]) => [`${inspect(k, depth - 1, next, indent)} =>`, v]),
          depth,
          next,
          indent,
          '{',
          '}',
          [],
          true,
        )}`;
      }
      const braced = (items: Array<[string | null, unknown]>) => body(items, depth, next, indent, '{', '}');
      if (object instanceof Set) return `Set(${object.size}) ${braced([...object].map((v) => [null, v]))}`;
      if (typeof Headers !== 'undefined' && object instanceof Headers) return `Headers ${braced([...object].map(([k, v]) => [k, v]))}`;
      const entries = Object.keys(object).map((k): [string, unknown] => [k, (object as Record<string, unknown>)[k]]);
      const prefix = name === null ? '[Object: null prototype] ' : name && name !== 'Object' ? `${name} ` : '';
      return `${prefix}${body(entries, depth, next, indent, '{', '}')}`;
    };
    const body = (
      entries: Array<[string | null, unknown]>,
      depth: number,
      seen: object[],
      indent: string,
      open: string,
      close: string,
      extra: string[] = [],
      rawKeys = false,
    ): string => {
      if (!entries.length && !extra.length) return `${open}${close}`;
      const inner = `${indent}  `;
      const parts = entries
        .map(([key, v]) => {
          const shown = inspect(v, depth - 1, seen, inner);
          if (key === null) return shown;
          return rawKeys ? `${key} ${shown}` : `${IDENT.test(key) ? key : quote(key)}: ${shown}`;
        })
        .concat(extra);
      const single = `${open} ${parts.join(', ')} ${close}`;
      if (single.length + indent.length <= 76 && !single.includes('\n')) return single;
      return `${open}\n${parts.map((p) => `${inner}${p}`).join(',\n')}\n${indent}${close}`;
    };
    const show = (value: unknown) => (typeof value === 'string' ? value : inspect(value, 2, [], ''));
    const format = (args: unknown[]): string => {
      if (typeof args[0] !== 'string' || !args[0].includes('%')) return args.map(show).join(' ');
      let rest = args.slice(1);
      const first = args[0].replace(/%([sdifjoOc%])/g, (match, letter: string) => {
        if (letter === '%') return '%';
        if (!rest.length) return match;
        const [value, ...others] = rest;
        rest = others;
        switch (letter) {
          case 's':
            return typeof value === 'string' ? value : show(value);
          case 'd':
          case 'i':
            return String(letter === 'i' ? Math.trunc(Number(value)) : Number(value));
          case 'f':
            return String(Number(value));
          case 'j':
            return JSON.stringify(value);
          case 'c':
            return '';
          default:
            return inspect(value, letter === 'O' ? 2 : 4, [], '');
        }
      });
      return [first, ...rest.map(show)].join(' ');
    };

    // ---- Console: batched, capped, with groups. ----
    let buffer: ConsoleEntry[] = [];
    let lines = 0;
    let flushTimer: number | null = null;
    let lastFlush = -Infinity;
    let groupIndent = '';
    const flush = () => {
      if (flushTimer !== null) native.clearTimeout(flushTimer);
      flushTimer = null;
      lastFlush = performance.now();
      if (buffer.length) post({ type: 'console', entries: buffer });
      buffer = [];
    };
    const emit = (level: ConsoleLevel, text: string) => {
      if (lines > init.maxLines) return;
      lines += 1;
      if (lines > init.maxLines) {
        buffer.push({ level: 'warn', text: `… more output was dropped (the playground shows at most ${init.maxLines} lines per run).` });
        flush();
        return;
      } else {
        const clipped = text.length > 20_000 ? `${text.slice(0, 20_000)}… (${text.length - 20_000} more characters)` : text;
        buffer.push({ level, text: groupIndent ? clipped.replace(/^/gm, groupIndent) : clipped });
      }
      // A synchronous loop never lets a timer fire: send at once after a quiet moment, and every
      // 50 lines, so output printed before an endless loop still shows.
      if (buffer.length >= 50 || performance.now() - lastFlush > 50) flush();
      else flushTimer ??= native.setTimeout(flush, 16);
    };
    const counts = new Map<string, number>();
    const timers = new Map<string, number>();
    const output = {
      log: (...args: unknown[]) => emit('log', format(args)),
      info: (...args: unknown[]) => emit('info', format(args)),
      debug: (...args: unknown[]) => emit('log', format(args)),
      warn: (...args: unknown[]) => emit('warn', format(args)),
      error: (...args: unknown[]) => emit('error', format(args)),
      trace: (...args: unknown[]) =>
        emit('error', mapStack(`Trace: ${format(args)}\n${(new Error().stack ?? '').split('\n').slice(2).join('\n')}`)),
      dir: (value: unknown) => emit('log', inspect(value, 2, [], '')),
      table: (value: unknown) => emit('log', inspect(value, 2, [], '')),
      assert: (condition: unknown, ...args: unknown[]) => {
        if (!condition) emit('error', `Assertion failed${args.length ? `: ${format(args)}` : ''}`);
      },
      count: (label = 'default') => {
        counts.set(label, (counts.get(label) ?? 0) + 1);
        emit('info', `${label}: ${counts.get(label)}`);
      },
      countReset: (label = 'default') => void counts.delete(label),
      time: (label = 'default') => void timers.set(label, performance.now()),
      timeLog: (label = 'default', ...args: unknown[]) =>
        emit(
          'info',
          `${label}: ${(performance.now() - (timers.get(label) ?? performance.now())).toFixed(3)}ms${args.length ? ` ${format(args)}` : ''}`,
        ),
      timeEnd: (label = 'default') => {
        emit('info', `${label}: ${(performance.now() - (timers.get(label) ?? performance.now())).toFixed(3)}ms`);
        timers.delete(label);
      },
      group: (...args: unknown[]) => {
        if (args.length) emit('log', format(args));
        groupIndent += '  ';
      },
      groupCollapsed: (...args: unknown[]) => output.group(...args),
      groupEnd: () => void (groupIndent = groupIndent.slice(2)),
    };
    Object.assign(scope.console, output);

    // ---- What is still to come: timers, intervals, requests, WebCrypto. ----
    let moduleDone = false;
    let exited = false;
    let busy = 0;
    const timeouts = new Set<number>();
    const intervals = new Set<number>();
    let idleTimer: number | null = null;
    const exit = (code: 0 | 1) => {
      if (exited) return;
      exited = true;
      flush();
      post({ type: 'exit', code });
    };
    const checkIdle = () => {
      if (!moduleDone || exited || idleTimer !== null) return;
      // Wait a little: promise chains (a response body, a digest) settle over a few tasks.
      idleTimer = native.setTimeout(() => {
        idleTimer = null;
        if (busy === 0 && timeouts.size === 0 && intervals.size === 0) exit(0);
      }, 60);
    };
    const track = <T>(promise: Promise<T>): Promise<T> => {
      busy += 1;
      return promise.finally(() => {
        busy -= 1;
        checkIdle();
      });
    };
    scope.setTimeout = (handler: unknown, ms?: number, ...args: unknown[]) => {
      const id = native.setTimeout(() => {
        timeouts.delete(id);
        try {
          if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
        } finally {
          checkIdle();
        }
      }, ms);
      timeouts.add(id);
      return id;
    };
    /** Forgets a timer the program cleared; with none left the program may be done. */
    const cleared = (timers: Set<number>, clear: (id: number) => void) => (id?: number) => {
      if (id === undefined) return;
      timers.delete(id);
      clear(id);
      checkIdle();
    };
    scope.clearTimeout = cleared(timeouts, native.clearTimeout);
    scope.setInterval = (handler: unknown, ms?: number, ...args: unknown[]) => {
      const id = native.setInterval(() => {
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
      }, ms);
      intervals.add(id);
      return id;
    };
    scope.clearInterval = cleared(intervals, native.clearInterval);
    if (globalThis.crypto?.subtle) {
      const subtle = globalThis.crypto.subtle as unknown as Record<string, unknown>;
      for (const name of [
        'digest',
        'sign',
        'verify',
        'importKey',
        'exportKey',
        'encrypt',
        'decrypt',
        'deriveBits',
        'deriveKey',
        'generateKey',
      ]) {
        const method = subtle[name];
        if (typeof method === 'function')
          subtle[name] = (...args: unknown[]) => track(Promise.resolve(method.apply(globalThis.crypto.subtle, args)));
      }
    }

    // ---- fetch: every request goes to the page, which lets through only the sandbox's URLs. ----
    let nextId = 1;
    const waiting = new Map<number, { resolve: (r: Response) => void; reject: (e: unknown) => void }>();
    port.onmessage = (event: MessageEvent) => {
      const data = event.data as PageMessage;
      const waiter = waiting.get(data.id);
      if (!waiter) return;
      waiting.delete(data.id);
      if (data.type === 'network-error') {
        waiter.reject(new TypeError(data.message));
        return;
      }
      const empty = data.body === null || [101, 204, 205, 304].includes(data.status);
      const response = new Response(empty ? null : data.body, { status: data.status, statusText: data.statusText, headers: data.headers });
      waiter.resolve(response);
    };
    scope.fetch = (input: RequestInfo | URL, options?: RequestInit) =>
      track(
        (async () => {
          const request = new Request(input, options);
          request.signal.throwIfAborted();
          const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.arrayBuffer();
          const id = nextId++;
          const response = new Promise<Response>((resolve, reject) => {
            waiting.set(id, { resolve, reject });
            request.signal.addEventListener('abort', () => {
              if (!waiting.delete(id)) return;
              post({ type: 'abort', id });
              reject(request.signal.reason);
            });
          });
          post({ type: 'fetch', id, method: request.method, url: request.url, headers: [...request.headers], body }, body ? [body] : []);
          const result = await response;
          Object.defineProperty(result, 'url', { value: request.url });
          return result;
        })(),
      );

    scope.process = { env: { ...init.env } };

    // ---- Errors nobody caught end the program, as in Node. ----
    const uncaught = (error: unknown) => {
      const text = error instanceof Error ? inspect(error, 2, [], '') : `Uncaught ${inspect(error, 2, [], '')}`;
      const at = firstFrame;
      post({ type: 'uncaught', text, line: at?.[0] ?? null, column: at?.[1] ?? null });
      exit(1);
    };
    scope.addEventListener('error', (event) => {
      event.preventDefault();
      uncaught(event.error ?? event.message);
    });
    scope.addEventListener('unhandledrejection', (event) => {
      event.preventDefault();
      uncaught(event.reason);
    });

    post({ type: 'started' });
    // With the native timer, so it neither counts as the program's work nor can be cleared by it.
    native.setInterval(() => post({ type: 'alive' }), 250); // HEARTBEAT_MS: this function is sent as text and cannot import it
    load(programUrl).then(() => {
      moduleDone = true;
      checkIdle();
    }, uncaught);
  };
}
