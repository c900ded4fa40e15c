/**
 * The real sandbox (mocks/) under msw/node with a manual clock, and SDK clients whose waits move
 * the sandbox's time instead of sleeping. Not a test file itself.
 */
import { manualClock } from '../../../mocks/clock.ts';
import { startNodeSandbox, type NodeSandbox } from '../../../mocks/node.ts';
import { createClient, type ClientOptions, type KeyportClient, type RetryEvent } from '../../../src/sdk/index.ts';

/** A moment aligned to every rate-limit window of the presets. */
export const START = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface SandboxClients {
  node: NodeSandbox;
  owner: string;
  /** The waits the clients asked for, in ms; each one also moved the sandbox's clock. */
  waits: number[];
  retries: RetryEvent[];
  /** A client on the real handlers; `fetch` is msw's interception of the global one. */
  client(options?: ClientOptions): KeyportClient;
  close(): void;
}

export async function startSandboxClients(): Promise<SandboxClients> {
  const node = await startNodeSandbox({ clock: manualClock(START) });
  const waits: number[] = [];
  const retries: RetryEvent[] = [];
  const { time } = node.sandbox;
  return {
    node,
    owner: node.sandbox.ownerKey!,
    waits,
    retries,
    client: (options = {}) =>
      createClient({
        apiKey: node.sandbox.ownerKey!,
        now: () => time.now(),
        sleep: (ms) => {
          waits.push(ms);
          time.advance(ms);
          return Promise.resolve();
        },
        onRetry: (event) => retries.push(event),
        ...options,
      }),
    close: () => node.close(),
  };
}
