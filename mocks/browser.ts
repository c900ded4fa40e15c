/**
 * The sandbox in the browser. Widgets call `startSandbox()` when they first need the API; only
 * then is MSW's browser runtime (≈150 KB gzip) loaded and the service worker started. The state
 * lives in localStorage, one entry per product, shared by every tab of the site.
 */
import { model } from '../src/api/index.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';
import { localStorageStorage, storageKey } from './storage.ts';

let started: Promise<Sandbox> | undefined;

/**
 * Starts the sandbox once per page; later calls get the same one. `ownerKey` holds the
 * plaintext of the full-access test key only when this start created it: store it in the wallet.
 */
export function startSandbox(): Promise<Sandbox> {
  started ??= (async () => {
    const [{ setupWorker }, sandbox] = await Promise.all([
      import('msw/browser'),
      createSandbox({ model, storage: localStorageStorage(storageKey(model.product.id)) }),
    ]);
    await setupWorker(...sandbox.handlers).start({
      // The worker script sits in public/, under the site's base path (which may lack a final slash).
      serviceWorker: { url: `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}mockServiceWorker.js` },
      onUnhandledFrame: 'bypass',
      quiet: true,
    });
    return sandbox;
  })().catch((error: unknown) => {
    // A failed start (e.g. service workers blocked) may succeed on a later call.
    started = undefined;
    throw error;
  });
  return started;
}

/**
 * The sandbox's state as the text it saves — keys as SHA-256 hashes only, records, settings,
 * clock offset — pretty-printed, for the local sandbox's `--state FILE`. Pending changes are
 * saved first, so the export matches what this browser keeps. The wallet, which holds the
 * plaintext keys, is a separate store and is not part of it.
 * Widgets call this after `startSandboxFor()` (src/components/sandbox/), as with `startSandbox()`.
 */
export async function exportSandboxState(): Promise<string> {
  const sandbox = await startSandbox();
  sandbox.flush();
  return `${JSON.stringify(sandbox.state(), null, 2)}\n`;
}
