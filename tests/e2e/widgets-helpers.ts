/**
 * The one page helper the widget specs share: open a widget (waiting for its island to
 * hydrate), create a key through the key manager, and send a request from the console.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';
import { maskApiKey } from '../../src/sdk/index.ts';

export const model = loadModel();

/** Scrolls a widget into view (its island hydrates when near it) and waits until its gate lifts. */
async function hydrate(container: Locator): Promise<void> {
  await container.scrollIntoViewIfNeeded();
  await expect(container.locator('.kp-gate')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
}

export async function openKeyManager(page: Page, path = '/key-manager/'): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator('.kp-key-manager');
  await hydrate(page.locator('.not-content', { has: widget }));
  const show = widget.getByRole('button', { name: 'Show my sandbox keys' });
  if (await show.isVisible()) await show.click();
  await expect(widget.getByRole('table')).toBeVisible({ timeout: 20_000 });
  return widget;
}

export interface CreateOptions {
  name: string;
  /**
   * A template's name, e.g. "Read-only analytics"; when absent, "Full access", chosen explicitly
   * (the form preselects the narrowest template).
   */
  template?: string;
}

/** Creates a key, copies it from the reveal dialog, closes it, and returns the secret. */
export async function createKey(page: Page, widget: Locator, options: CreateOptions): Promise<string> {
  await widget.getByLabel('Key name', { exact: true }).fill(options.name);
  if (model.access.mode === 'per-key') {
    await widget.getByRole('radio', { name: new RegExp(`^${options.template ?? 'Full access'}`) }).check();
  }
  await widget.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(dialog).toBeVisible();
  const secret = await dialog.getByRole('textbox').inputValue();
  await dialog.getByRole('button', { name: 'Copy key' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  return secret;
}

export async function openConsole(page: Page, path = '/quickstart/'): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator('.kp-try-it');
  await hydrate(page.locator('#try-it'));
  return widget;
}

/** Chooses the wallet key whose masked form matches `secret`. */
export async function chooseWalletKey(widget: Locator, secret: string): Promise<void> {
  const select = widget.getByLabel('API key', { exact: true });
  const option = select.locator('option', { hasText: maskApiKey(secret) });
  await expect(option).toHaveCount(1);
  await select.selectOption(await option.getAttribute('value'));
}

export async function chooseEndpoint(widget: Locator, id: string): Promise<void> {
  const endpoint = model.endpoints.find((e) => e.id === id)!;
  await widget.getByLabel('Endpoint', { exact: true }).selectOption({ label: `${endpoint.method} ${endpoint.path} — ${endpoint.summary}` });
}

/** Sends the console's request and returns the response section once it shows `status`. */
export async function send(widget: Locator, status: RegExp | string): Promise<Locator> {
  await widget.getByRole('button', { name: 'Send request' }).click();
  const response = widget.getByRole('region', { name: 'Response' });
  await expect(response.locator('.kp-http')).toHaveText(status, { timeout: 20_000 });
  return response;
}

/** Fails the test if any script opens a dialog (an injected `alert(1)` would). */
export function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(dialog.message());
    await dialog.dismiss();
  });
  return opened;
}
