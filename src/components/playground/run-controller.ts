/**
 * One Run of the playground, without React: load the compiler and the run session, start the
 * sandbox (unless the run has no key: then on its first request), pick the key, compile, refuse
 * imports the sandbox cannot provide, say what the run is about to do, start it, and turn its end
 * into a message. The editor, the run session (`run-session.ts`, loaded on the first Run) and the
 * wallet are passed in; the island turns what this reports into state.
 *
 * Light on purpose: the island imports it at once, so it imports types only from the heavy modules.
 */
import { maskKey } from '../../api/key-format.ts';
import { isUsable, type WalletKey } from '../wallet/wallet.ts';
import type { CodeEditor } from './code-editor.ts';
import type { PlaygroundData } from './playground-data.ts';
import type { ConsoleLevel } from './protocol.ts';
import type { RequestEntry, RunEnd, RunHandle } from './runner.ts';

/** What the run session module (`run-session.ts`) provides. */
export type RunSession = Pick<typeof import('./run-session.ts'), 'sandboxStarter' | 'prepareProgram' | 'startRun' | 'sdkSource'>;

export type RunFailure = { reason: 'error'; message: string };

export type RunState =
  | { phase: 'idle' }
  | { phase: 'preparing'; message: string }
  | { phase: 'running'; startedAt: number }
  | { phase: 'ended'; end: RunEnd | RunFailure; seconds: number };

export interface RunLine {
  level: ConsoleLevel;
  text: string;
  /** Written by the playground (run started, finished), not by the code. */
  system?: boolean;
}

/** The reader's choice in the key menu: the sandbox owner key (default), none, or a wallet key id. */
export const AUTO = 'auto';
export const NONE = 'none';
/** Output beyond this many lines is dropped by the worker. */
export const MAX_LINES = 2000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The key a run uses: the chosen one while it works, else the owner key, else any working key. */
export function chosenKey(choice: string, keys: readonly WalletKey[]): WalletKey | null {
  if (choice === NONE) return null;
  const usable = keys.filter(isUsable);
  return usable.find((k) => k.id === choice) ?? usable.find((k) => k.owner) ?? usable[0] ?? null;
}

export function endMessage(end: RunEnd | RunFailure, ms: number): { text: string; level: ConsoleLevel } {
  switch (end.reason) {
    case 'finished':
      return { text: `Finished in ${seconds(ms)}.`, level: 'info' };
    case 'failed':
      return { text: `Ended by an uncaught error after ${seconds(ms)}.`, level: 'error' };
    case 'stopped':
      return { text: `Stopped after ${seconds(ms)}.`, level: 'warn' };
    case 'time-limit':
      return {
        text: `Stopped: the run reached the ${end.seconds} s time limit (an endless loop, or a wait that is too long).`,
        level: 'warn',
      };
    case 'unresponsive':
      return {
        text: `Stopped: the program ran for ${end.seconds} s without pausing (an endless loop, or memory allocated without bound). Code that computes for long must await something now and then.`,
        level: 'warn',
      };
    case 'crashed':
    case 'error':
      return { text: end.message, level: 'error' };
  }
}

/**
 * The output with `entries` added, each with an id from `nextId`. The worker stops sending past
 * `MAX_LINES`; past that and a few of the playground's own lines, nothing more is kept.
 */
export function appendOutput(
  current: ReadonlyArray<RunLine & { id: number }>,
  entries: readonly RunLine[],
  nextId: () => number,
): Array<RunLine & { id: number }> {
  if (current.length >= MAX_LINES + 20) return current as Array<RunLine & { id: number }>;
  return [...current, ...entries.map((e) => ({ ...e, id: nextId() }))];
}

/** The run's requests with one entry updated (a pending request answered) or added. */
export function upsertRequest(requests: readonly RequestEntry[], entry: RequestEntry): RequestEntry[] {
  const index = requests.findIndex((r) => r.id === entry.id);
  return index < 0 ? [...requests, entry] : requests.map((r, i) => (i === index ? entry : r));
}

export interface RunOptions {
  data: Pick<PlaygroundData, 'api' | 'envVar' | 'sdkPackage' | 'baseUrls' | 'keyPrefixes' | 'timeLimitSeconds'>;
  /** `AUTO`, `NONE` or a wallet key id. */
  keyChoice: string;
  /** Whether the editor (and so the compiler) is loaded already: only the first run waits for it. */
  editorLoaded: boolean;
  openEditor: () => Promise<Pick<CodeEditor, 'compile' | 'markRuntimeError'>>;
  loadSession: () => Promise<RunSession>;
  /** The wallet's keys now: read after the sandbox started, which may just have added the owner key. */
  walletKeys: () => readonly WalletKey[];
  onState: (state: RunState) => void;
  onStatus: (text: string) => void;
  onLines: (lines: RunLine[]) => void;
  onRequest: (entry: RequestEntry) => void;
  /** The running run's handle (for Stop), and `null` once it ended. */
  onHandle: (handle: RunHandle | null) => void;
  /** @default performance.now */
  now?: () => number;
}

/** Prepares and starts one run; resolves once it is running or was refused. Reports everything through `options`. */
export async function runPlayground(options: RunOptions): Promise<void> {
  const { data, onState, onStatus, onLines } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const fail = (message: string) => {
    onState({ phase: 'ended', end: { reason: 'error', message }, seconds: (now() - started) / 1000 });
    onLines([{ level: 'error', text: message, system: true }]);
    // The output (a live log) says it; repeating it in the status line would show it twice.
    onStatus('');
  };
  try {
    onState({ phase: 'preparing', message: options.editorLoaded ? 'Starting…' : 'Loading the TypeScript compiler (once)…' });
    onStatus('Preparing the run…');
    const [editor, session] = await Promise.all([options.openEditor(), options.loadSession()]);
    // One start attempt per run, shared by its requests (with no key, on the first request).
    const start = session.sandboxStarter(data.api);
    let starting: Promise<void> | undefined;
    const sandboxReady = () => (starting ??= start());
    // Set by the catch below; the cast keeps TypeScript from narrowing it to `null` for good.
    let sandboxProblem = null as string | null;
    if (options.keyChoice !== NONE) {
      onState({ phase: 'preparing', message: 'Starting the sandbox…' });
      // A fresh sandbox makes its owner key now and puts it in the wallet.
      await sandboxReady().catch((error: unknown) => (sandboxProblem = error instanceof Error ? error.message : String(error)));
    }
    const key = chosenKey(options.keyChoice, options.walletKeys());
    onState({ phase: 'preparing', message: 'Compiling…' });
    const compiled = await editor.compile();
    const program = session.prepareProgram(compiled.js, data.sdkPackage);
    if (program.unknownImports.length) {
      return fail(
        `Only ${data.sdkPackage} can be imported here; remove the import of ${program.unknownImports.map((s) => `“${s}”`).join(', ')}.`,
      );
    }
    const intro: RunLine[] = [];
    if (sandboxProblem) intro.push({ level: 'error', text: `${sandboxProblem} Requests to the API will fail.`, system: true });
    intro.push({
      level: 'info',
      text: key
        ? `▶ Running with ${data.envVar} = ${key.name} (${maskKey(key.secret, data.keyPrefixes)}).`
        : `▶ Running with no key: ${data.envVar} is not set.`,
      system: true,
    });
    if (compiled.errors.length) {
      const n = compiled.errors.length;
      intro.push({ level: 'warn', text: `${n} type error${n === 1 ? '' : 's'} (listed under the editor); running anyway.`, system: true });
    }
    onLines(intro);
    onState({ phase: 'running', startedAt: now() });
    onStatus('Running…');
    options.onHandle(
      session.startRun({
        init: {
          code: program.code,
          sdk: session.sdkSource,
          sdkName: data.sdkPackage,
          file: 'playground.ts',
          lines: compiled.lines,
          env: key ? { [data.envVar]: key.secret } : {},
          maxLines: MAX_LINES,
        },
        baseUrls: data.baseUrls,
        timeLimitMs: data.timeLimitSeconds * 1000,
        sandboxReady,
        onConsole: (entries) => onLines(entries),
        onRequest: options.onRequest,
        onUncaught: (text, line, column) => {
          onLines([{ level: 'error', text: `Uncaught ${text}` }]);
          editor.markRuntimeError(line, column, text.split('\n')[0] ?? text);
        },
        onEnd: (end) => {
          options.onHandle(null);
          const ms = now() - started;
          const message = endMessage(end, ms);
          onLines([{ ...message, system: true }]);
          onState({ phase: 'ended', end, seconds: ms / 1000 });
          // The last output line says how the run ended; the status line is cleared, not repeated.
          onStatus('');
        },
      }),
    );
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
