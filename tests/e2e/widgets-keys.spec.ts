/**
 * The key manager and the wallet, in real Chromium against the built site: keys are created,
 * revealed once, used from another page, revoked and rolled, and the console sees each change.
 */
import { expect, test } from '@playwright/test';
import { defaultScheme, errorDefinition, fullAccessScope, missingScopes, schemeId } from '../../src/api/runtime/index.ts';
import { maskApiKey } from '../../src/sdk/index.ts';
import { chooseWalletKey, createKey, model, openConsole, openKeyManager, send } from './widgets-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const walletKey = `keyport:wallet:${model.product.id}`;

test('a key created on one page is offered by the console on another, and still after a reload', async ({ page }) => {
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Local development' });
  await expect(manager.getByRole('button', { name: 'Local development' })).toBeVisible();

  const console = await openConsole(page, '/quickstart/');
  await chooseWalletKey(console, secret);
  const response = await send(console, /^200/);
  await expect(response.getByRole('region', { name: 'Body' })).toContainText('"name": "Local development"');

  await page.reload();
  const again = await openConsole(page, '/quickstart/');
  await chooseWalletKey(again, secret);
  await send(again, /^200/);
});

test('a key created in one tab appears in the other tab’s widgets without a reload', async ({ page, context }) => {
  const manager = await openKeyManager(page);
  const console = await openConsole(await context.newPage(), '/quickstart/');
  const otherManager = await openKeyManager(await context.newPage(), '/api-keys/');
  const secret = await createKey(page, manager, { name: 'From the first tab' });
  await expect(console.getByLabel('API key', { exact: true }).locator('option', { hasText: maskApiKey(secret) })).toHaveCount(1);
  await expect(otherManager.getByRole('button', { name: 'From the first tab' })).toBeVisible();
  await expect(otherManager.getByRole('region', { name: 'This browser’s wallet' })).toContainText('From the first tab');
});

test('a new key is shown once: not after closing its dialog, nor after a reload', async ({ page }) => {
  const manager = await openKeyManager(page);
  await manager.getByLabel('Key name', { exact: true }).fill('Shown once');
  const create = manager.getByRole('button', { name: 'Create key' });
  await create.click();

  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('You will not see this key again.');
  const field = dialog.getByRole('textbox', { name: 'New key for “Shown once”' });
  await expect(field).toBeFocused();
  const secret = await field.inputValue();
  expect(secret.startsWith(model.environments.find((e) => e.id === 'test')!.keyPrefix)).toBe(true);

  // Escape before copying asks first; the key stays until the reader confirms.
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('You have not copied the key.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Go back to the key' }).click();
  await expect(dialog.getByText('You have not copied the key.')).toBeHidden();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.getByRole('button', { name: 'Close without copying' }).click();
  await expect(dialog).toBeHidden();
  await expect(create).toBeFocused();

  expect(await page.content()).not.toContain(secret);
  await expect(manager.getByRole('table')).toContainText(maskApiKey(secret).slice(-4));
  await page.reload();
  await openKeyManager(page);
  expect(await page.content()).not.toContain(secret);
  // The wallet (this browser's own copy, out of sight) still has it for the other widgets.
  expect(await page.evaluate((key) => localStorage.getItem(key), walletKey)).toContain(secret);
});

test('copying a new key says so, puts it on the clipboard, and closes without asking', async ({ page }) => {
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Copied key' });
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
});

test('revoking a key asks with its name, and the console then gets a 401 that says why', async ({ page }) => {
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Old CI key' });
  await manager.getByRole('button', { name: 'Old CI key' }).click();
  await manager.getByRole('button', { name: 'Revoke key…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke “Old CI key”?' });
  await expect(confirm).toContainText(maskApiKey(secret));
  await confirm.getByRole('button', { name: 'Revoke “Old CI key”' }).click();
  await expect(confirm).toBeHidden();
  // The revoke button is gone with the key's revocation: focus lands on the key's heading.
  await expect(manager.getByText('Key “Old CI key”', { exact: true })).toBeFocused();
  await expect(manager.getByRole('row', { name: /Old CI key/ })).toContainText('Revoked');
  await expect(manager.getByRole('region', { name: 'This browser’s wallet' })).toContainText('revoked');

  const console = await openConsole(page, '/quickstart/');
  await chooseWalletKey(console, secret);
  await expect(console.getByLabel('API key', { exact: true })).toContainText('(revoked)');
  const response = await send(console, '401 Unauthorized');
  const revoked = errorDefinition(model, 'revoked_api_key');
  await expect(response.getByRole('heading', { name: new RegExp(revoked.title) })).toBeVisible();
  await expect(response).toContainText(revoked.fix);
  await expect(response.getByRole('link', { name: new RegExp(revoked.title) })).toHaveAttribute('href', '/errors/#revoked-api-key');
});

test('after rolling, both keys work until the grace period ends, then only the new one', async ({ page }) => {
  const grace = model.keyPolicy.rollGraceSeconds.find((s) => s > 0)!;
  const manager = await openKeyManager(page);
  const oldSecret = await createKey(page, manager, { name: 'Billing service' });
  await manager.getByRole('button', { name: 'Billing service' }).click();
  await manager.getByLabel('Roll: grace period for the old key').selectOption(String(grace));
  await manager.getByRole('button', { name: 'Roll key' }).click();

  const dialog = page.getByRole('dialog', { name: 'Copy the rolled key now' });
  await expect(dialog).toContainText('The old key keeps working for');
  const newSecret = await dialog.getByRole('textbox').inputValue();
  expect(newSecret).not.toBe(oldSecret);
  await dialog.getByRole('button', { name: 'Copy key' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(manager.getByRole('row').filter({ hasText: maskApiKey(oldSecret) })).toContainText(/in \d+ \w+ \(grace period\)\s*Rolled/);

  const whoami = async (secret: string, status: RegExp | string) => {
    const console = await openConsole(page, '/quickstart/');
    await chooseWalletKey(console, secret);
    return send(console, status);
  };
  await whoami(oldSecret, /^200/);
  await whoami(newSecret, /^200/);

  // Move the sandbox's clock past the grace period instead of waiting for it.
  const again = await openKeyManager(page);
  const oldRow = again.getByRole('row').filter({ hasText: maskApiKey(oldSecret) });
  await expect(oldRow).toContainText('(grace period)');
  await oldRow.getByRole('button', { name: 'Billing service' }).click();
  await again.getByRole('button', { name: 'Fast-forward the sandbox clock past the grace period' }).click();
  await expect(oldRow).toContainText('Expired');

  const expired = await whoami(oldSecret, '401 Unauthorized');
  await expect(expired.getByRole('heading', { name: new RegExp(errorDefinition(model, 'expired_api_key').title) })).toBeVisible();
  await whoami(newSecret, /^200/);
});

test('the key list sorts by its column headers and says so to assistive technology', async ({ page }) => {
  const manager = await openKeyManager(page);
  await createKey(page, manager, { name: 'Alpha' });
  await createKey(page, manager, { name: 'Zulu' });
  const table = manager.getByRole('table');
  const names = () => table.locator('tbody th').evaluateAll((cells) => cells.map((cell) => cell.querySelector('button')!.textContent));
  await table.getByRole('button', { name: 'Name' }).click();
  await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  expect((await names()).filter((n) => n === 'Alpha' || n === 'Zulu')).toEqual(['Alpha', 'Zulu']);
  await table.getByRole('button', { name: 'Name' }).click();
  await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  expect((await names()).filter((n) => n === 'Alpha' || n === 'Zulu')).toEqual(['Zulu', 'Alpha']);
});

test('a key’s usage shows its requests per day, error rate, endpoints and audit events', async ({ page }) => {
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Usage check' });
  const console = await openConsole(page, '/quickstart/');
  await chooseWalletKey(console, secret);
  await send(console, /^200/);
  await console.getByLabel('Send the key in').selectOption('none');
  await send(console, /^401/);
  await console.getByLabel('Send the key in').selectOption(schemeId(defaultScheme(model.auth.schemes)));
  await chooseWalletKey(console, secret);
  await send(console, /^200/);

  const again = await openKeyManager(page);
  await again.getByRole('button', { name: 'Usage check' }).click();
  const details = again.getByRole('region', { name: 'Key “Usage check”' });
  await expect(details).toContainText('2 requests in total, 0 failed');
  await expect(details.getByRole('img', { name: /Requests per day over the last 7 days: 2 in total/ })).toBeVisible();
  const whoami = model.endpoints.find((e) => e.id === 'whoami.get')!;
  await expect(details.getByRole('rowheader', { name: `${whoami.method} ${whoami.path}` })).toBeVisible();
  await expect(details.getByRole('listitem').filter({ hasText: 'Created' })).toBeVisible();
});

test('renaming a key updates the list and the wallet', async ({ page }) => {
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Temporary name' });
  await manager.getByRole('button', { name: 'Temporary name' }).click();
  await manager.getByLabel('Rename').fill('Reporting dashboard');
  await manager.getByRole('button', { name: 'Save name' }).click();
  await expect(manager.getByRole('button', { name: 'Reporting dashboard' })).toBeVisible();
  const console = await openConsole(page, '/quickstart/');
  await expect(console.getByLabel('API key', { exact: true }).locator('option', { hasText: maskApiKey(secret) })).toContainText(
    'Reporting dashboard',
  );
});

test('without a key that may manage keys, the manager says so and a reset brings a new owner key', async ({ page }) => {
  const manager = await openKeyManager(page);
  await manager.getByRole('button', { name: 'Clear the wallet' }).click();
  await page.getByRole('alertdialog', { name: 'Clear this browser’s wallet?' }).getByRole('button', { name: 'Clear the wallet' }).click();
  await expect(manager.getByRole('alert')).toContainText('Reset the sandbox');
  await manager.getByRole('alert').getByRole('button', { name: 'Reset the sandbox…' }).click();
  await page.getByRole('alertdialog', { name: 'Reset the sandbox?' }).getByRole('button', { name: 'Reset the sandbox' }).click();
  await expect(manager.getByRole('status')).toContainText('The sandbox started over');
  await expect(manager.getByRole('alert')).toBeHidden();
  await expect(manager.locator('.kp-wallet')).toContainText('Sandbox owner');
  await createKey(page, manager, { name: 'After reset' });
});

test('the key manager works with the keyboard alone, and Escape closes its dialogs', async ({ page }) => {
  const manager = await openKeyManager(page);
  await manager.getByLabel('Key name', { exact: true }).focus();
  await page.keyboard.type('Keyboard key');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Copy key' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const name = manager.getByRole('button', { name: 'Keyboard key' });
  await name.focus();
  await page.keyboard.press('Enter');
  const revoke = manager.getByRole('button', { name: 'Revoke key…' });
  await revoke.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Revoke “Keyboard key”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(revoke).toBeFocused();
});

test('the create form starts from the least access, and a key made without a name can send a test request at once', async ({ page }) => {
  const manager = await openKeyManager(page);
  const permissions = manager.getByRole('group', { name: 'Permissions' }).getByRole('radio');
  // The template that lets a key change the least: the fewest endpoints other than GET it may call.
  const writes = (scopes: string[]) =>
    model.endpoints.filter((e) => e.method !== 'GET' && missingScopes(e, scopes, fullAccessScope(model).id).length === 0).length;
  const narrowest = [...model.keyTemplates].sort((a, b) => writes(a.scopes) - writes(b.scopes))[0]!;
  await expect(permissions.first()).toHaveAccessibleName(new RegExp(`^${narrowest.name}`));
  await expect(permissions.first()).toBeChecked();
  await expect(permissions.last()).toHaveAccessibleName(/^Full access/);
  await expect(permissions.last()).not.toBeChecked();
  await expect(manager.getByText(/trusted internal systems\. Only for trusted internal systems/)).toHaveCount(0);

  const testEnv = model.environments.find((env) => env.id === 'test')!;
  const defaultName = `${narrowest.name} (${testEnv.name})`;
  await expect(manager.getByLabel('Key name', { exact: true })).toHaveAttribute('placeholder', defaultName);
  await manager.getByRole('button', { name: 'Create key' }).click();

  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(dialog.getByText(`New key for “${defaultName}”`)).toBeVisible();
  const secret = await dialog.getByRole('textbox').inputValue();
  await dialog.getByRole('button', { name: 'Copy curl with this key' }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  const whoami = model.endpoints.find((e) => e.action.type === 'whoami')!;
  expect(curl).toContain(`curl --include 'http://127.0.0.1:8787`);
  expect(curl).toContain(`${whoami.path}'`);
  expect(curl).toContain(secret);

  await dialog.getByRole('button', { name: 'Send a test request' }).click();
  const response = dialog.getByRole('region', { name: 'Response' });
  await expect(response.locator('.kp-http')).toHaveText('200 OK');
  await expect(response.getByRole('region', { name: 'Body' })).toContainText(`"name": "${defaultName}"`);
  await expect(response.getByRole('region', { name: 'Body' })).toContainText('"full_access": false');
  await dialog.getByRole('button', { name: 'Copy key' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The key's details send the same request with it.
  await manager.getByRole('button', { name: defaultName, exact: true }).click();
  const details = manager.getByRole('region', { name: `Key “${defaultName}”` });
  // The dialog's test request is the key's first.
  await expect(details.getByText(/^1 request in total, 0 failed/)).toBeVisible();
  await details.getByRole('button', { name: 'Try this key' }).click();
  await expect(details.getByRole('region', { name: 'Response' }).locator('.kp-http')).toHaveText('200 OK');
  // The request counts in the key's usage at once.
  await expect(details.getByText(/^2 requests in total, 0 failed/)).toBeVisible();
});
