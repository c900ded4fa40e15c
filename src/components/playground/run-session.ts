/**
 * What a run needs besides the editor, loaded on the first Run: the SDK bundle (the built
 * sdk-dist/keyport-sdk.js, as text for the sandbox), the sandbox's service worker (started with
 * the same helper the other widgets use) and the runner.
 */
import sdkBundle from '../../../sdk-dist/keyport-sdk.js?raw';
import { startSandboxFor } from '../sandbox/sandbox-session.ts';
import { getWallet } from '../wallet/wallet.ts';
import type { ApiInfo } from '../widgets/widget-data.ts';

export { prepareProgram } from './program.ts';
export { startRun, type RequestEntry, type RunEnd, type RunHandle } from './runner.ts';

export const sdkSource: string = sdkBundle;

/** Starts the sandbox once (later calls share it); a fresh sandbox's owner key goes to the wallet. */
export function sandboxStarter(api: ApiInfo): () => Promise<void> {
  return () => startSandboxFor(getWallet(api.product.id), api).then(() => undefined);
}
