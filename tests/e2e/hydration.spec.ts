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

test('Send request pressed as the quickstart appears sends the request, and the page stays put', async ({ page, baseURL }) => {
  const visited = await slowPhone(page);
  await page.goto('/quickstart/', { waitUntil: 'commit' });
  const console = page.locator('.kp-try-it');
  const sendButton = console.getByRole('button', { name: 'Send request' });
  // The reader jumps to the console (which hydrates it, as it sits deep in the page) and presses at once.
  await sendButton.scrollIntoViewIfNeeded();
  await sendButton.click();

  await expect(console.getByRole('region', { name: 'Response' }).locator('.kp-http')).toHaveText('200 OK', { timeout: 30_000 });
  expect(visited).toEqual([`${baseURL}/quickstart/`]);
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
  // Hold the site's scripts back, so the form is still server-rendered HTML when it is submitted.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
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
