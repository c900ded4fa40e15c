/**
 * Starts `mocks/server.ts` in its own process on a free port, as `npm run sandbox` would, and
 * reads what it prints: the origin, the test base URL and the full-access test key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SandboxServer {
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: string;
  /** e.g. `http://127.0.0.1:43123` */
  origin: string;
  /** The test environment's base URL on this server, e.g. `http://127.0.0.1:43123/v2`. */
  testBase: string;
  /** The full-access test key printed at start; `null` when keys were restored from a state file. */
  key: string | null;
  stop(): Promise<{ code: number | null; output: string }>;
}

const SCRIPT = fileURLToPath(new URL('../../mocks/server.ts', import.meta.url));

/** `args` go on the command line, e.g. `['--state', file]`. */
export function startSandboxServer(env: Record<string, string> = {}, args: readonly string[] = []): Promise<SandboxServer> {
  const child = spawn(process.execPath, [SCRIPT, ...args], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The sandbox server did not start within 15 s:\n${output}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`The sandbox server exited (${code}):\n${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const testBase = /^\s+test\s+(http:\/\/\S+)/m.exec(output)?.[1];
      const key = /export \w+=(\S+)/.exec(output)?.[1] ?? null;
      if (!origin || !testBase || !output.includes('Try it:')) return;
      clearTimeout(timer);
      const server: SandboxServer = {
        process: child,
        get output() {
          return output;
        },
        origin,
        testBase,
        key,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done({ code: child.exitCode, output });
            child.removeAllListeners('exit');
            child.once('exit', (code) => done({ code, output }));
            child.kill('SIGTERM');
          }),
      };
      resolve(server);
    });
  });
}
