/**
 * No interaction is lost while an island hydrates: on a slow phone (CPU slowed 4×) a reader who
 * clicks or types the moment the page appears gets what they asked for, and a form never submits
 * natively (which would reload the page and put its fields in the URL). Each test acts right after
 * navigation starts; Playwright waits for a control to stop being inert, as a reader's click waits
 * for the loading state to end.
 */
import { expect, test, type Page } from '@playwright/test';

test.setTimeout(60_000);

/** Slows the page's CPU 4×, as a mid-range phone, and records every main-frame navigation. */
async function slowPhone(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  return visited;
}

/**
 * Holds the site's scripts back until `release()`, so the page stays server-rendered HTML for as
 * long as a test needs: the window before hydration, made wide enough to act in every time.
 */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('Send request pressed as the quickstart appears sends the request, and the page stays put', async ({ page, baseURL }) => {
  const visited = await slowPhone(page);
  const release = await holdScripts(page);
  // The reader follows a link to the console, deep in the page (which hydrates it), and presses at once.
  await page.goto('/quickstart/#try-it', { waitUntil: 'commit' });
  const console = page.locator('.kp-try-it');
  const pressed = console.getByRole('button', { name: 'Send request' }).click();
  // The press lands on the server-rendered button, or waits while the console says it is loading.
  await Promise.race([pressed, expect(page.getByRole('status').filter({ hasText: 'Loading the console' })).toBeVisible()]);
  release();
  await pressed;

  await expect(console.getByRole('region', { name: 'Response' }).locator('.kp-http')).toHaveText('200 OK', { timeout: 30_000 });
  expect(visited).toEqual([`${baseURL}/quickstart/#try-it`]);
});

test('a name typed as the key manager appears is kept, and the key is created with it', async ({ page, baseURL }) => {
  const visited = await slowPhone(page);
  await page.goto('/key-manager/', { waitUntil: 'commit' });
  const manager = page.locator('.kp-key-manager');
  await manager.getByLabel('Key name', { exact: true }).fill('Typed at once');
  await manager.getByRole('button', { name: 'Create key' }).click();

  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(dialog).toContainText('New key for “Typed at once”', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(manager.getByRole('row', { name: /Typed at once/ })).toBeVisible({ timeout: 20_000 });
  expect(visited).toEqual([`${baseURL}/key-manager/`]);
});

test('a form submitted before its island hydrates (Enter in a field) does not reload the page', async ({ page, baseURL }) => {
  const visited = await slowPhone(page);
  const release = await holdScripts(page);
  await page.goto('/key-manager/', { waitUntil: 'commit' });
  const form = page.locator('.kp-key-manager form').first();
  await form.waitFor({ state: 'attached' });
  // Enter in a text field submits its form implicitly, as requestSubmit() does.
  await form.evaluate((element: HTMLFormElement) => element.requestSubmit());
  release();

  const name = page.locator('.kp-key-manager').getByLabel('Key name', { exact: true });
  await name.fill('After the early Enter');
  await expect(name).toHaveValue('After the early Enter');
  await expect(page).toHaveURL(`${baseURL}/key-manager/`);
  expect(visited).toEqual([`${baseURL}/key-manager/`]);
});
