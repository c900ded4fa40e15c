/**
 * The sandbox as a command-line program: options, the state file, the startup banner, stopping.
 * Shared by `npm run sandbox` (`server.ts`) and the file readers download from the docs site
 * (`standalone.ts`), so both behave the same. Node only.
 * The one deliberate print of a key is a fresh sandbox's owner key; nothing else prints keys.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApiModel } from '../src/api/model.ts';
import { createSandboxServer, listen } from './http-server.ts';
import { DEFAULT_PORT, OPTION_LINES, whoamiCommand } from './local-sandbox.ts';
import { localBases } from './local-urls.ts';
import { createSandbox } from './sandbox.ts';
import { openStateStorage } from './state-files.ts';
import { memoryStorage } from './storage.ts';

export interface CliOptions {
  port: number;
  /**
   * Where the state is kept; `null` keeps it in memory. `--state` loads a file that must exist and
   * hold this API's keys; `SANDBOX_STATE` may name a new file, which is then created. A JSON file
   * is imported into a database next to it (`state-files.ts`).
   */
  state: { path: string; from: 'flag' | 'env' } | null;
  help: boolean;
}

export type ParsedCli = { ok: true; options: CliOptions } | { ok: false; message: string };

export function usage(command: string): string {
  return [`Usage: ${command} [--state FILE] [--port N]`, '', ...OPTION_LINES.map((line) => (line ? `  ${line}` : ''))].join('\n');
}

const portProblem = (name: string, value: string | undefined) => `${name} must be a port number (0–65535), not "${value}".`;
const isPort = (port: number) => Number.isInteger(port) && port >= 0 && port <= 65_535;

/**
 * Reads the command line and the environment. Paths are resolved against `cwd`. Never throws:
 * a problem comes back as a message for the reader.
 */
export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): ParsedCli {
  const flags: { state?: string; port?: string } = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const match = /^--(state|port)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      return {
        ok: false,
        message: arg.startsWith('-') ? `Unknown option "${arg}".` : `Unexpected argument "${arg}"; a state file goes after --state.`,
      };
    }
    const name = match[1] as 'state' | 'port';
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) {
      return { ok: false, message: `--${name} needs a value: ${name === 'state' ? '--state FILE' : '--port N'}.` };
    }
    if (flags[name] !== undefined) return { ok: false, message: `--${name} was given twice.` };
    flags[name] = value;
  }
  if (help) return { ok: true, options: { port: DEFAULT_PORT, state: null, help } };

  let port: number;
  if (flags.port !== undefined) {
    port = /^\d+$/.test(flags.port) ? Number(flags.port) : NaN;
    if (!isPort(port)) return { ok: false, message: portProblem('--port', flags.port) };
  } else {
    // As `npm run sandbox` always read it: unset means the default.
    port = Number(env['PORT'] ?? DEFAULT_PORT);
    if (!isPort(port)) return { ok: false, message: portProblem('PORT', env['PORT']) };
  }

  const state =
    flags.state !== undefined
      ? { path: resolve(cwd, flags.state), from: 'flag' as const }
      : env['SANDBOX_STATE']
        ? { path: resolve(cwd, env['SANDBOX_STATE']), from: 'env' as const }
        : null;
  return { ok: true, options: { port, state, help } };
}

export interface CliContext {
  model: ApiModel;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** How the reader started this program, for the help text, e.g. `node huechat-sandbox.mjs`. */
  command: string;
}

/** Where the keys came from, for the banner. Names no key. */
function keysLine(source: CliOptions['state'], file: string, restored: boolean, keyCount: number): string[] {
  if (!source) return ['Keys: a new sandbox, kept in memory until it stops (--state FILE or SANDBOX_STATE=FILE keeps it).'];
  if (!restored) return [`Keys: a new sandbox, saved to ${file}.`];
  const count = `${keyCount} key${keyCount === 1 ? '' : 's'}`;
  return [
    file === source.path
      ? `Keys were restored from ${source.path} (${count}); changes are saved back to it.`
      : `Keys were restored from ${source.path} (${count}); changes are saved to ${file}.`,
    "Use the keys you created in the browser's key manager, or the owner key printed when the file was",
    'first created: the sandbox stores only their hashes, so it cannot show them again.',
    source.from === 'flag'
      ? 'Leave out --state to start a new sandbox with a new key.'
      : file !== source.path && existsSync(source.path)
        ? `Delete ${file} and ${source.path} to start over with a new key.`
        : `Delete ${file} to start over with a new key.`,
  ];
}

/** Runs the local sandbox until SIGINT or SIGTERM. Exits with 1 on a bad option or state file. */
export async function runSandboxCli({ model, argv, env, command }: CliContext): Promise<void> {
  const parsed = parseCli(argv, env);
  if (!parsed.ok) {
    console.error(`${parsed.message}\nRun \`${command} --help\` to see the options.`);
    process.exit(1);
  }
  const { port, state, help } = parsed.options;
  if (help) {
    console.log(usage(command));
    return;
  }
  const opened = state ? await openStateStorage(state, model.product.id) : null;
  if (opened && !opened.ok) {
    console.error(opened.message);
    process.exit(1);
  }
  opened?.notices.forEach((notice) => console.error(notice));

  const sandbox = await createSandbox({ model, storage: opened?.storage ?? memoryStorage() });
  if (sandbox.recoveryMessage) console.error(sandbox.recoveryMessage);

  const server = createSandboxServer(sandbox);
  let origin: string;
  try {
    origin = await listen(server, port);
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(busy ? `Port ${port} is in use. Set PORT (or --port) to another port, or 0 for any free one.` : String(error));
    sandbox.dispose();
    process.exit(1);
  }

  const { envVar } = model.product;
  const lines = [`${model.product.name} sandbox`, ''];
  for (const base of localBases(model))
    lines.push(`  ${base.environment.padEnd(4)}  ${origin}${base.localPath}  (stands for ${base.baseUrl})`);
  lines.push('', ...keysLine(state, opened?.file ?? '', sandbox.ownerKey === null, sandbox.state().account.keys.length));
  if (sandbox.ownerKey) {
    lines.push('', 'Full-access test key (shown once; the sandbox keeps only its hash):', `  export ${envVar}=${sandbox.ownerKey}`);
  }
  lines.push('', 'Try it:', `  ${whoamiCommand(model, origin)}`, '');
  // Before the banner: a script that reads it may stop the server at once (writes to a pipe are synchronous).
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(lines.join('\n'));

  function stop() {
    server.close(() => {
      sandbox.dispose();
      console.log('Sandbox stopped.');
    });
    server.closeAllConnections();
  }
}
