/** One thin helper for the playground specs: open code, run it, read what it printed. */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';
import { gallery } from '../../src/components/playground/gallery.ts';
import { shareFragment } from '../../src/components/playground/share-link.ts';

export const model = loadModel();
export const keyPrefixes = model.environments.map((env) => env.keyPrefix);
export const examples = gallery(model);
export const sdk = model.product.sdkPackage;
export const env = model.product.envVar;

export const output = (page: Page) => page.getByRole('log', { name: 'Output' });
export const requestLog = (page: Page) => page.getByRole('region', { name: /^Requests/ });
export const listing = (page: Page) => page.getByRole('region', { name: /^Code \(read-only/ });
export const runButton = (page: Page) => page.getByRole('button', { name: /^(Run|Running…)$/ });

/** Opens a page and waits until its islands have hydrated and their gates have lifted. */
export async function gotoHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.kp-gate[aria-busy="true"]')).toHaveCount(0);
}

/** Opens the playground with some code, through a share link as a reader would get one. */
export async function openWithCode(page: Page, code: string): Promise<void> {
  await gotoHydrated(page, `/playground/${shareFragment(code, keyPrefixes)}`);
  await expect(listing(page)).toContainText(code.trim().split('\n')[0]!);
}

/** Presses Run and waits for the run to end; returns what it printed. */
export async function run(page: Page, timeout = 30_000): Promise<string> {
  await runButton(page).click();
  // The lines the playground writes when a run ends, however it ends.
  await expect(output(page)).toContainText(
    /Finished in \d|Ended by an uncaught error|Stopped after|Stopped: the run reached|Stopped: the program ran|sandbox did not start|could not be prepared|can be imported here/,
    { timeout },
  );
  return output(page).innerText();
}

/**
 * Collects requests that left the site: to another origin, and neither answered by the sandbox's
 * service worker nor a data:/blob: URL. Anything that would reach the network is also blocked.
 */
export async function watchForeignRequests(context: BrowserContext, page: Page, origin: string): Promise<string[]> {
  const leaks: string[] = [];
  const local = (url: URL) => url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:';
  await context.route(
    (url) => !local(url),
    (route) => {
      leaks.push(`network: ${route.request().method()} ${route.request().url()}`);
      return route.abort();
    },
  );
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (local(url)) return;
    const response = await request.response();
    if (!response?.fromServiceWorker()) leaks.push(`not from the service worker: ${request.method()} ${request.url()}`);
  });
  return leaks;
}
