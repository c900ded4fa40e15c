/**
 * Messages between the portal page and the sandboxed worker that runs the reader's code. They
 * travel over a MessagePort the page hands to the worker; the page checks every message it gets
 * (the worker runs untrusted code and could forge any of them). Types only.
 */

/** Stands for the SDK's URL in the compiled code; the worker swaps in a blob URL of the bundle. */
export const SDK_PLACEHOLDER = '__keyport_sdk_bundle__';

/** One compiled line's mappings: `[generated column, original line, original column]`, 0-based. */
export type MappedLine = Array<[number, number, number]>;

export interface RunInit {
  /** The compiled program; its SDK import points at `SDK_PLACEHOLDER`. */
  code: string;
  /** The SDK bundle (ESM). */
  sdk: string;
  /** How stack frames inside the SDK are shown, e.g. `@huechat/sdk`. */
  sdkName: string;
  /** The file name stack frames of the program show, e.g. `playground.ts`. */
  file: string;
  /** Source map of `code`, one entry per generated line. */
  lines: MappedLine[];
  /** `process.env` of the program: the chosen key, nothing else. */
  env: Record<string, string>;
  /** Output beyond this many lines is dropped (an endless `console.log` loop must not flood the page). */
  maxLines: number;
}

/** How often the worker says it is alive. */
export const HEARTBEAT_MS = 250;

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error';

export interface ConsoleEntry {
  level: ConsoleLevel;
  text: string;
}

export type WorkerMessage =
  | { type: 'started' }
  /** Sent every `HEARTBEAT_MS` while the worker's event loop turns: its silence means it is stuck. */
  | { type: 'alive' }
  | { type: 'console'; entries: ConsoleEntry[] }
  | { type: 'fetch'; id: number; method: string; url: string; headers: Array<[string, string]>; body: ArrayBuffer | null }
  | { type: 'abort'; id: number }
  /** An error nobody caught; `line`/`column` (1-based) point into the reader's code when known. */
  | { type: 'uncaught'; text: string; line: number | null; column: number | null }
  /** The program ended: nothing left to run (0) or an uncaught error (1). */
  | { type: 'exit'; code: 0 | 1 };

export type PageMessage =
  | { type: 'response'; id: number; status: number; statusText: string; headers: Array<[string, string]>; body: ArrayBuffer | null }
  | { type: 'network-error'; id: number; message: string };
