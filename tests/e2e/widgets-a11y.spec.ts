/**
 * The widgets under axe with each part open (lists, details, dialogs, responses, code), in both
 * themes, and at a phone's width without sideways scrolling of the page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseEndpoint, model, openConsole, openKeyManager, send } from './widgets-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function violations(page: Page, state: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${state}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the key manager with each part open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    const manager = await openKeyManager(page);
    found.push(...(await violations(page, 'list')));

    await manager.getByLabel('Key name', { exact: true }).fill('Audited key');
    await manager.getByRole('radio', { name: /^Choose scopes/ }).check();
    await manager.getByRole('button', { name: 'Create key' }).click();
    await expect(manager.getByText('Choose at least one scope')).toBeVisible();
    found.push(...(await violations(page, 'form with errors and scope groups')));
    await manager.getByRole('checkbox').first().check();
    await manager.getByRole('button', { name: 'Create key' }).click();
    const reveal = page.getByRole('dialog', { name: 'Copy your new key now' });
    await reveal.getByRole('button', { name: 'Close' }).click();
    await expect(reveal.getByText('You have not copied the key.')).toBeVisible();
    found.push(...(await violations(page, 'reveal dialog, confirming')));
    await reveal.getByRole('button', { name: 'Close without copying' }).click();

    await manager.getByRole('button', { name: 'Audited key' }).click();
    await expect(manager.getByRole('img', { name: /Requests per day/ })).toBeVisible();
    await manager.getByText('Requests per day as a table').click();
    found.push(...(await violations(page, 'details with usage')));

    await manager.getByRole('button', { name: 'Revoke key…' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    found.push(...(await violations(page, 'revoke confirmation')));
    await page.keyboard.press('Escape');

    await manager.getByRole('button', { name: 'Reset the sandbox…' }).last().click();
    found.push(...(await violations(page, 'reset confirmation')));
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
  });

  test(`axe finds no violations in the try-it console with a response, code and history open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    const console = await openConsole(page, '/quickstart/');
    found.push(...(await violations(page, 'initial')));
    await send(console, '200 OK');
    await console.getByText(/^Headers \(/).click();
    await console.getByRole('button', { name: 'Show code' }).click();
    await expect(console.getByRole('region', { name: /code$/ })).toBeVisible();
    await console.getByText(/^History of this session/).click();
    await console.getByRole('button', { name: 'Copy link to this request' }).click();
    found.push(...(await violations(page, 'success')));

    await chooseEndpoint(console, model.endpoints.find((e) => e.body)!.id);
    await console.getByLabel('Body (JSON)').fill('{');
    await console.getByLabel('API key', { exact: true }).selectOption('pasted');
    await console.getByLabel('Your key').fill('not a key');
    await console.getByRole('button', { name: 'Send request' }).click();
    found.push(...(await violations(page, 'invalid body and key')));
    await console.getByLabel('Body (JSON)').fill('{}');
    await console.getByRole('button', { name: 'Send request' }).click();
    await console.getByRole('button', { name: /Send anyway/ }).click();
    await expect(console.getByRole('region', { name: 'Response' }).locator('.kp-http')).toHaveText('401 Unauthorized');
    found.push(...(await violations(page, 'error explained')));
    expect(found).toEqual([]);
  });
}

test('at 375 px wide the widgets fit: the page never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  const manager = await openKeyManager(page);
  await manager.getByLabel('Key name', { exact: true }).fill('A rather long key name that needs to wrap on a phone screen');
  await manager.getByRole('button', { name: 'Create key' }).click();
  const reveal = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(reveal).toBeVisible();
  expect(await reveal.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
  await reveal.getByRole('button', { name: 'Copy key' }).click();
  await reveal.getByRole('button', { name: 'Done' }).click();
  await manager.getByRole('button', { name: /A rather long key name/ }).click();
  await expect(manager.getByRole('img', { name: /Requests per day/ })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);

  const console = await openConsole(page, '/reference/contacts/');
  await send(console, /^200/);
  await console.getByRole('button', { name: 'Show code' }).click();
  await expect(console.getByRole('region', { name: /code$/ })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
