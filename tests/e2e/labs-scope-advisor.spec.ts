import { expect, test } from '@playwright/test';
import { loadModel, fullAccessScope, missingScopes, scopesFor } from '../../src/api/index.ts';
import { axeViolations, openLab } from './labs-helpers.ts';

const model = loadModel();
const label = (id: string) => {
  const e = model.endpoints.find((endpoint) => endpoint.id === id)!;
  return {
    endpoint: e,
    checkbox: new RegExp(`^${e.method} ${e.path.replace(/[{}]/g, '\\$&')} ${e.summary}$`),
    option: `${e.method} ${e.path} — ${e.summary}`,
  };
};
// Two calls an integration might make, and one it does not need.
const chosen = [
  model.endpoints.find((e) => e.method === 'GET' && e.scopes.length === 1 && !e.path.includes('{'))!.id,
  model.endpoints.find((e) => e.method === 'POST' && e.action.type === 'create' && e.scopes.length === 1)!.id,
];
const minimal = scopesFor(chosen.map((id) => label(id).endpoint));
const outside = model.endpoints.find((e) => e.action.type !== 'keys' && missingScopes(e, minimal, fullAccessScope(model).id).length > 0)!;

test('the advisor finds the smallest set of scopes; the key it creates gets 403 outside them', async ({ page }) => {
  test.setTimeout(60_000);
  const lab = await openLab(page, '/scopes/', 'Scope advisor');
  for (const id of chosen) await lab.getByRole('checkbox', { name: label(id).checkbox }).check();
  await expect(lab.getByText(`The smallest set of scopes: ${minimal.join(', ')} (${minimal.length} scopes).`)).toBeVisible();

  await lab.getByLabel('Name of the new key').fill('Advisor test key');
  await lab.getByRole('button', { name: 'Create a key with exactly these scopes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  const secret = await dialog.getByRole('textbox').inputValue();
  await dialog.getByRole('button', { name: 'Copy key' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  // Kept in this browser's wallet, for the other widgets.
  const wallet = await page.evaluate((id) => localStorage.getItem(`keyport:wallet:${id}`), model.product.id);
  expect(wallet).toContain(secret);

  const created = lab.getByRole('region', { name: 'Try “Advisor test key”' });
  await created.getByLabel('Endpoint to call').selectOption({ label: label(outside.id).option });
  await created.getByRole('button', { name: 'Send with this key' }).click();
  await expect(created.locator('.kp-http')).toHaveText('403 Forbidden', { timeout: 20_000 });
  await expect(created.getByText('insufficient_scope').first()).toBeVisible();

  await created.getByLabel('Endpoint to call').selectOption({ label: label(chosen[0]!).option });
  await created.getByRole('button', { name: 'Send with this key' }).click();
  await expect(created.locator('.kp-http')).toHaveText('200 OK', { timeout: 20_000 });
});

test('ticking scopes shows which endpoints they allow and deny', async ({ page }) => {
  const lab = await openLab(page, '/scopes/', 'Scope advisor');
  const matrix = lab.getByRole('region', { name: 'Endpoints the ticked scopes allow and deny' });
  for (const scope of minimal) await lab.getByRole('checkbox', { name: new RegExp(`^${scope} `) }).check();
  const row = (id: string) =>
    matrix.getByRole('row', { name: new RegExp(`^${label(id).endpoint.method} ${label(id).endpoint.path.replace(/[{}]/g, '\\$&')} `) });
  await expect(row(chosen[0]!)).toContainText('Allowed');
  await expect(row(outside.id)).toContainText(
    `Denied (403): missing ${missingScopes(outside, minimal, fullAccessScope(model).id).join(', ')}`,
  );
});

test('axe finds no violations on the scopes page with advice shown', async ({ page }) => {
  const lab = await openLab(page, '/scopes/', 'Scope advisor');
  await lab.getByRole('checkbox', { name: label(chosen[0]!).checkbox }).check();
  expect(await axeViolations(page)).toEqual([]);
});
