/**
 * The sandbox under msw/node, for tests and scripts: `fetch` to either base URL of the preset is
 * answered in-process. Unhandled requests are errors, so a test cannot silently hit the network.
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.ts';

export interface NodeSandbox {
  sandbox: Sandbox;
  server: SetupServer;
  /** Stops intercepting and disposes of the sandbox. */
  close(this: void): void;
}

export async function startNodeSandbox(options: SandboxOptions = {}): Promise<NodeSandbox> {
  const sandbox = await createSandbox(options);
  const server = setupServer(...sandbox.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  return {
    sandbox,
    server,
    close: () => {
      server.close();
      sandbox.dispose();
    },
  };
}
