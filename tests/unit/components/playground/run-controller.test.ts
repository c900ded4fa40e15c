/**
 * One Run of the playground as the reader sees it (status line, output, run state), with the real
 * wallet and the real program check; the iframe runner, the service worker and Monaco's compiler
 * are the boundaries stood in for.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { model } from '../../../../src/api/index.ts';
import { playgroundData } from '../../../../src/components/playground/playground-data.ts';
import { prepareProgram } from '../../../../src/components/playground/program.ts';
import {
  appendOutput,
  AUTO,
  chosenKey,
  endMessage,
  MAX_LINES,
  NONE,
  runPlayground,
  upsertRequest,
  type RunLine,
  type RunOptions,
  type RunSession,
  type RunState,
} from '../../../../src/components/playground/run-controller.ts';
import type { RunOptions as RunnerOptions } from '../../../../src/components/playground/runner.ts';
import type { Compiled } from '../../../../src/components/playground/code-editor.ts';
import { createWallet, type Wallet, type WalletKey } from '../../../../src/components/wallet/wallet.ts';

const data = playgroundData(model);
const prefix = data.keyPrefixes.find((p) => p.includes('test')) ?? data.keyPrefixes[0]!;
const OWNER_SECRET = `${prefix}OwnerKeyOwnerKeyOwnerKey1234`;

const key = (patch: Partial<WalletKey> & Pick<WalletKey, 'id' | 'name' | 'secret'>): WalletKey => ({
  environment: 'test',
  scopes: [],
  createdAt: '2026-01-15T12:00:00.000Z',
  expiresAt: null,
  status: 'active',
  replacedBy: null,
  owner: false,
  ...patch,
});

const SDK_CODE = `import { createClient } from '${data.sdkPackage}';\nconsole.log(await createClient().whoami.get());\n`;

interface Screen {
  states: RunState[];
  statuses: string[];
  lines: RunLine[];
  marks: Array<[number | null, number | null, string]>;
  runner: RunnerOptions | null;
  handle: unknown;
  sandboxStarts: number;
}

let wallet: Wallet;
let screen: Screen;
let clock: number;

beforeEach(() => {
  wallet = createWallet(data.api.product.id, { storage: null, events: null });
  screen = { states: [], statuses: [], lines: [], marks: [], runner: null, handle: undefined, sandboxStarts: 0 };
  clock = 1000;
});

/** The run session with the real program check; the runner and the sandbox start are stood in for. */
function session(startSandbox: () => Promise<void>): RunSession {
  return {
    sdkSource: '/* sdk bundle */',
    prepareProgram,
    sandboxStarter: () => async () => {
      screen.sandboxStarts += 1;
      await startSandbox();
    },
    startRun: (options) => {
      screen.runner = options;
      return { stop: () => options.onEnd({ reason: 'stopped' }) };
    },
  };
}

/** What `startSandboxFor` does for a fresh sandbox: the owner key goes into the wallet. */
const freshSandbox = async () => wallet.add(key({ id: 'key_owner', name: 'Sandbox owner', secret: OWNER_SECRET, owner: true }));

function run(patch: Partial<RunOptions> & { compiled?: Partial<Compiled>; startSandbox?: () => Promise<void> } = {}) {
  const { compiled, startSandbox = freshSandbox, ...rest } = patch;
  return runPlayground({
    data,
    keyChoice: AUTO,
    editorLoaded: false,
    openEditor: async () => ({
      compile: async () => ({ js: SDK_CODE, lines: [], errors: [], ...compiled }),
      markRuntimeError: (line, column, message) => screen.marks.push([line, column, message]),
    }),
    loadSession: async () => session(startSandbox),
    walletKeys: () => wallet.keys(),
    onState: (state) => screen.states.push(state),
    onStatus: (text) => screen.statuses.push(text),
    onLines: (lines) => screen.lines.push(...lines),
    onRequest: () => undefined,
    onHandle: (handle) => (screen.handle = handle),
    now: () => clock,
    ...rest,
  });
}

const texts = () => screen.lines.map((l) => l.text);
const messages = () => screen.states.map((s) => (s.phase === 'preparing' ? s.message : s.phase));

describe('a run with the owner key', () => {
  it('starts the sandbox first, runs with the key it made (masked in the output), and ends with the time taken once: in the output, not also in the status line', async () => {
    await run();
    expect(messages()).toEqual(['Loading the TypeScript compiler (once)…', 'Starting the sandbox…', 'Compiling…', 'running']);
    expect(screen.statuses).toEqual(['Preparing the run…', 'Running…']);
    expect(texts()).toEqual([
      `▶ Running with ${data.envVar} = Sandbox owner (${OWNER_SECRET.slice(0, prefix.length + 4)}…${OWNER_SECRET.slice(-4)}).`,
    ]);
    expect(texts().join()).not.toContain(OWNER_SECRET);
    expect(screen.runner!.init.env).toEqual({ [data.envVar]: OWNER_SECRET });
    expect(screen.runner!.init.code).not.toContain(`'${data.sdkPackage}'`);
    expect(screen.handle).not.toBeNull();

    clock += 1234;
    screen.runner!.onConsole([{ level: 'log', text: '{ key_id: "key_owner" }' }]);
    screen.runner!.onEnd({ reason: 'finished' });
    expect(texts().slice(1)).toEqual(['{ key_id: "key_owner" }', 'Finished in 1.23 s.']);
    expect(screen.states.at(-1)).toEqual({ phase: 'ended', end: { reason: 'finished' }, seconds: 1.234 });
    expect(screen.statuses.at(-1)).toBe('');
    expect(screen.handle).toBeNull();
  });

  it('runs with the chosen wallet key while it works, else falls back to the owner key', async () => {
    await freshSandbox();
    wallet.add(key({ id: 'key_ci', name: 'CI', secret: `${prefix}CiKeyCiKeyCiKeyCiKey9876` }));
    await run({ keyChoice: 'key_ci', editorLoaded: true });
    expect(messages()[0]).toBe('Starting…');
    expect(texts()[0]).toMatch(new RegExp(`^▶ Running with ${data.envVar} = CI \\(`));

    wallet.update('key_ci', { status: 'revoked' });
    expect(chosenKey('key_ci', wallet.keys())?.name).toBe('Sandbox owner');
    expect(chosenKey(NONE, wallet.keys())).toBeNull();
  });

  it('still runs when the sandbox cannot start, saying that requests will fail', async () => {
    await run({ startSandbox: () => Promise.reject(new Error('The sandbox could not start: its service worker did not run.')) });
    expect(screen.lines[0]).toEqual({
      level: 'error',
      text: 'The sandbox could not start: its service worker did not run. Requests to the API will fail.',
      system: true,
    });
    expect(texts()[1]).toBe(`▶ Running with no key: ${data.envVar} is not set.`);
    expect(screen.states.at(-1)?.phase).toBe('running');
  });
});

describe('a run with no key', () => {
  it('starts the sandbox only on the first request, once however many requests ask', async () => {
    await run({ keyChoice: NONE });
    expect(messages()).not.toContain('Starting the sandbox…');
    expect(screen.sandboxStarts).toBe(0);
    expect(texts()).toEqual([`▶ Running with no key: ${data.envVar} is not set.`]);
    expect(screen.runner!.init.env).toEqual({});
    await Promise.all([screen.runner!.sandboxReady(), screen.runner!.sandboxReady()]);
    expect(screen.sandboxStarts).toBe(1);
  });
});

describe('what stops a run before it starts, or ends it', () => {
  it('refuses an import the sandbox cannot provide, naming it', async () => {
    await run({ compiled: { js: `import _ from 'lodash';\nimport { createClient } from '${data.sdkPackage}';\n` } });
    const message = `Only ${data.sdkPackage} can be imported here; remove the import of “lodash”.`;
    expect(screen.states.at(-1)).toEqual({ phase: 'ended', end: { reason: 'error', message }, seconds: 0 });
    expect(screen.lines).toEqual([{ level: 'error', text: message, system: true }]);
    expect(screen.statuses.at(-1)).toBe('');
    expect(screen.runner).toBeNull();
  });

  it('runs code with type errors anyway, and says how many', async () => {
    const problem = { severity: 'error' as const, line: 1, column: 1, message: 'x' };
    await run({ compiled: { errors: [problem, problem] } });
    expect(screen.lines.at(-1)).toEqual({ level: 'warn', text: '2 type errors (listed under the editor); running anyway.', system: true });
  });

  it('ends with the reason when the compiler or the session cannot load', async () => {
    await run({ loadSession: () => Promise.reject(new Error('Failed to fetch dynamically imported module')) });
    expect(screen.states.at(-1)).toMatchObject({
      phase: 'ended',
      end: { reason: 'error', message: 'Failed to fetch dynamically imported module' },
    });
    expect(screen.lines.at(-1)?.text).toBe('Failed to fetch dynamically imported module');
    expect(screen.statuses.at(-1)).toBe('');
  });

  it('shows an uncaught error and marks it in the editor at its line', async () => {
    await run();
    screen.runner!.onUncaught('TypeError: boom\n    at playground.ts:3:7', 3, 7);
    screen.runner!.onEnd({ reason: 'failed' });
    expect(texts().slice(1)).toEqual(['Uncaught TypeError: boom\n    at playground.ts:3:7', 'Ended by an uncaught error after 0.00 s.']);
    expect(screen.marks).toEqual([[3, 7, 'TypeError: boom']]);
  });

  it('says why a run ended, in words', () => {
    expect(endMessage({ reason: 'stopped' }, 2500)).toEqual({ text: 'Stopped after 2.50 s.', level: 'warn' });
    expect(endMessage({ reason: 'time-limit', seconds: 10 }, 10_000).text).toBe(
      'Stopped: the run reached the 10 s time limit (an endless loop, or a wait that is too long).',
    );
    expect(endMessage({ reason: 'unresponsive', seconds: 1.5 }, 1600).text).toMatch(/^Stopped: the program ran for 1.5 s without pausing/);
    expect(endMessage({ reason: 'crashed', message: 'The sandbox did not start.' }, 1)).toEqual({
      text: 'The sandbox did not start.',
      level: 'error',
    });
  });
});

it('keeps one row per request, updated when its answer comes', () => {
  const pending = { id: 1, method: 'GET', url: 'https://x/v1/whoami', status: 'pending' as const, ms: null };
  const rows = upsertRequest(upsertRequest([], pending), { id: 2, method: 'GET', url: 'https://evil/', status: 'refused', ms: null });
  expect(upsertRequest(rows, { ...pending, status: 200, ms: 4 }).map((r) => [r.id, r.status])).toEqual([
    [1, 200],
    [2, 'refused'],
  ]);
});

it('numbers the output lines, and keeps no more once an endless stream passed the limit', () => {
  let id = 0;
  const next = () => id++;
  const first = appendOutput(
    [],
    [
      { level: 'log', text: 'a' },
      { level: 'info', text: '▶ run', system: true },
    ],
    next,
  );
  expect(first).toEqual([
    { level: 'log', text: 'a', id: 0 },
    { level: 'info', text: '▶ run', system: true, id: 1 },
  ]);
  const full = Array.from({ length: MAX_LINES + 20 }, (_, i) => ({ level: 'log' as const, text: String(i), id: i }));
  expect(appendOutput(full, [{ level: 'log', text: 'more' }], next)).toBe(full);
});
