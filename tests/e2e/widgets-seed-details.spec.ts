/**
 * Details the seeds ask of the key manager, against the built site: a gentle hint for key names
 * that will not say later where a key runs or what uses it, and disabling a key (then enabling
 * it again) where the key policy allows it.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { errorDefinition } from '../../src/api/runtime/index.ts';
import { chooseEndpoint, chooseWalletKey, createKey, model, openConsole, openKeyManager, send } from './widgets-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the name hint appears for “Key 1”, not for “Production backend”, and never blocks creating', async ({ page }) => {
  const manager = await openKeyManager(page);
  const name = manager.getByLabel('Key name', { exact: true });
  const hint = manager.locator('.kp-name-advice');
  await expect(hint).toHaveAttribute('aria-live', 'polite');

  await name.fill('Key 1');
  await expect(hint).toContainText('will not tell you later where this key runs');
  await expect(hint).toContainText('Staging backend');

  await name.fill('Production backend');
  await expect(hint).toBeEmpty();

  // Advice only: a generic name still creates the key.
  await createKey(page, manager, { name: 'Key 1' });
  await expect(manager.getByRole('button', { name: 'Key 1' })).toBeVisible();
});

test('disabling a key makes the console get 401 inactive_api_key; enabling it again gets 200', async ({ page }) => {
  test.skip(!model.keyPolicy.canDisable, 'this preset cannot disable keys');
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Staging worker' });
  await manager.getByRole('button', { name: 'Staging worker' }).click();
  await expect(manager).toContainText('keeps its scopes and history');
  await manager.getByRole('button', { name: 'Disable key' }).click();
  await expect(manager.getByRole('row', { name: /Staging worker/ })).toContainText('Disabled');
  await expect(manager.getByRole('region', { name: 'This browser’s wallet' })).toContainText('disabled');

  let console = await openConsole(page, '/quickstart/');
  await chooseWalletKey(console, secret);
  const refused = await send(console, '401 Unauthorized');
  const inactive = errorDefinition(model, 'inactive_api_key');
  await expect(refused).toContainText('inactive_api_key');
  await expect(refused).toContainText(inactive.fix);

  const again = await openKeyManager(page);
  await again.getByRole('button', { name: 'Staging worker' }).click();
  await again.getByRole('button', { name: 'Enable key' }).click();
  await expect(again.getByRole('row', { name: /Staging worker/ })).toContainText('Active');

  console = await openConsole(page, '/quickstart/');
  await chooseWalletKey(console, secret);
  await send(console, /^200/);
});

test('a burst of refused requests raises the auth-failure alert, and the audit exports them without the secret', async ({ page }) => {
  const template = model.keyTemplates[0]!;
  const forbidden = model.endpoints.find(
    (e) => e.scopes.length > 0 && e.scopes.some((s) => !template.scopes.includes(s)) && e.method === 'POST',
  )!;
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Dashboard reader', template: template.name });

  const console = await openConsole(page, '/quickstart/');
  await chooseEndpoint(console, forbidden.id);
  await chooseWalletKey(console, secret);
  for (let i = 0; i < model.monitoring.minimumRequests; i++) await send(console, '403 Forbidden');

  const again = await openKeyManager(page);
  await again.getByRole('button', { name: 'Dashboard reader' }).click();
  const alert = again.getByRole('alert').filter({ hasText: 'Many failed authentications' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(`past ${model.monitoring.authFailureWindowMinutes} minutes`);
  await expect(alert.getByRole('link', { name: 'revoke the key' })).toHaveAttribute('href', '/revocation/');
  await expect(alert.getByRole('link', { name: 'troubleshooting' })).toHaveAttribute('href', '/troubleshooting/');

  const requests = again.getByRole('region', { name: 'Recent requests' });
  await expect(requests.getByRole('row')).toHaveCount(model.monitoring.minimumRequests + 1);
  await again.getByLabel('Status', { exact: true }).selectOption('2xx');
  await expect(again.getByText('Showing 0 of')).toBeVisible();
  await again.getByLabel('Status', { exact: true }).selectOption('403');

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('Dashboard-reader-requests.csv');
  const csv = await readFile(await csvDownload.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('time,method,path,status,latency_ms,ip,user_agent');
  expect(csv).toContain(`"${forbidden.method}"`);
  expect(csv).toContain('"403"');
  expect(csv).not.toContain(secret);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(jsonDownload.suggestedFilename()).toBe('Dashboard-reader-requests.json');
  const text = await readFile(await jsonDownload.path(), 'utf8');
  expect(text).not.toContain(secret);
  const rows = JSON.parse(text) as Array<{ method: string; path: string; status: number }>;
  expect(rows).toHaveLength(model.monitoring.minimumRequests);
  for (const row of rows) expect(row).toMatchObject({ method: forbidden.method, status: 403 });
});
