/**
 * How widgets reach the sandbox: `startSandboxFor()` starts it on first need — only then are
 * MSW's browser runtime and the model loaded (`mocks/browser.ts` is imported dynamically) — and
 * saves the owner key a fresh sandbox hands back in the wallet as "Sandbox owner". Requests go
 * through the SDK (`sandboxClient`); the service worker answers the API's sandbox URLs, so nothing
 * leaves the site's origin.
 */
import type { Sandbox } from '../../../mocks/sandbox.ts';
import { storageKey } from '../../../mocks/storage.ts';
import { createClient, type ClientOptions, type KeyportClient } from '../../sdk/index.ts';
import type { Wallet } from '../wallet/wallet.ts';
import { persistedText } from '../widgets/persisted-store.ts';
import type { ApiInfo } from '../widgets/widget-data.ts';

export type { Sandbox };

/** The sandbox cannot run in this browser (no service workers, or the worker failed to start). */
export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

let session: Promise<Sandbox> | undefined;

/** Whether this browser has used the sandbox before (its state is saved), so starting it again is expected. */
export function sandboxUsedBefore(productId: string): boolean {
  return persistedText(storageKey(productId)).read() !== null;
}

/** A client for the sandbox. Retries are off: widgets show each answer, a 429 included, as it is. */
export function sandboxClient(options: ClientOptions): KeyportClient {
  return createClient({ retry: false, timeout: 15_000, ...options });
}

async function rememberOwner(wallet: Wallet, api: ApiInfo, sandbox: Sandbox, secret: string): Promise<void> {
  const createdAt = new Date(sandbox.time.now()).toISOString();
  try {
    const me = await sandboxClient({ apiKey: secret }).whoami.get();
    wallet.add({
      id: me.key_id,
      name: me.name,
      secret,
      environment: me.environment,
      scopes: me.scopes,
      createdAt,
      expiresAt: me.expires_at,
      status: 'active',
      replacedBy: null,
      owner: true,
    });
  } catch {
    // The plaintext exists only now: keep it even if its details could not be read.
    wallet.add({
      id: 'sandbox-owner',
      name: 'Sandbox owner',
      secret,
      environment: 'test',
      scopes: [api.fullAccessScope],
      createdAt,
      expiresAt: null,
      status: 'active',
      replacedBy: null,
      owner: true,
    });
  }
}

function unavailable(error: unknown): SandboxUnavailableError {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return new SandboxUnavailableError(
    `The sandbox could not start: its service worker did not run${detail}. Service workers are off in some private windows ` +
      'and on pages not served over HTTPS or localhost; try a normal window, or reload the page.',
  );
}

/** Starts the sandbox once per page (later calls share it) and puts a new owner key in the wallet. */
export function startSandboxFor(wallet: Wallet, api: ApiInfo): Promise<Sandbox> {
  session ??= (async () => {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
      throw new SandboxUnavailableError(
        'The sandbox cannot run here: this browser offers no service workers on this page (they need HTTPS or localhost, and are off in some private windows).',
      );
    }
    let sandbox: Sandbox;
    try {
      const { startSandbox } = await import('../../../mocks/browser.ts');
      sandbox = await startSandbox();
    } catch (error) {
      throw unavailable(error);
    }
    if (sandbox.ownerKey) await rememberOwner(wallet, api, sandbox, sandbox.ownerKey);
    // Changes are saved a moment after they happen; leaving the page must not lose them.
    addEventListener('pagehide', () => sandbox.flush());
    return sandbox;
  })().catch((error: unknown) => {
    session = undefined;
    throw error;
  });
  return session;
}

/**
 * This browser's sandbox state for the local sandbox (`node <product.id>-sandbox.mjs --state FILE`):
 * keys as hashes only, never the wallet's plaintexts.
 */
export async function exportSandboxStateFor(wallet: Wallet, api: ApiInfo): Promise<string> {
  await startSandboxFor(wallet, api);
  const { exportSandboxState } = await import('../../../mocks/browser.ts');
  return exportSandboxState();
}

/**
 * Starts the sandbox over: fresh data and keys. Every key the wallet held belonged to the old
 * sandbox, so the wallet is emptied and then holds the new owner key.
 */
export async function resetSandbox(wallet: Wallet, api: ApiInfo): Promise<Sandbox> {
  const sandbox = await startSandboxFor(wallet, api);
  const ownerKey = await sandbox.reset();
  wallet.clear();
  await rememberOwner(wallet, api, sandbox, ownerKey);
  sandbox.flush();
  return sandbox;
}
