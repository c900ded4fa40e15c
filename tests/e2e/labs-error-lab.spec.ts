import { expect, test } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';
import { errorLabData } from '../../src/components/labs/error-cases.ts';
import { axeViolations, openLab } from './labs-helpers.ts';

const model = loadModel();
const { cases, unreachable } = errorLabData(model);
/** Any whole key of this API, test or live. */
const wholeKey = new RegExp(`(${model.environments.map((e) => e.keyPrefix).join('|')})[0-9A-Za-z]{${model.keyFormat.randomLength}}`);

test('the error lab has one case per error of the model, or says why it cannot show one', () => {
  const covered = new Set([...cases.map((c) => c.id), ...unreachable.map((e) => e.id)]);
  expect([...covered].sort()).toEqual(model.errors.map((e) => e.id).sort());
  // Cases tied to a feature of the key policy are there exactly when the API has the feature.
  const ids = cases.map((c) => c.id);
  expect(ids).toEqual(
    expect.arrayContaining([
      'missing_api_key',
      'revoked_api_key',
      'key_not_yet_active',
      'wrong_environment',
      'insufficient_scope',
      'rate_limited',
    ]),
  );
  expect(ids.includes('ip_not_allowed')).toBe(model.keyPolicy.ipAllowlist);
  expect(ids.includes('inactive_api_key')).toBe(model.keyPolicy.canDisable);
});

test('every case makes the sandbox answer with its own status and error id', async ({ page }) => {
  test.setTimeout(90_000);
  const lab = await openLab(page, '/errors/', 'Error lab');
  await lab.getByRole('button', { name: 'Run every case' }).click();
  await expect(lab.getByRole('status')).toContainText(`Ran ${cases.length} cases: every one answered with the expected error.`, {
    timeout: 75_000,
  });
  for (const c of cases) {
    const row = lab.getByRole('listitem').filter({ has: page.getByRole('button', { name: c.label, exact: true }) });
    await expect(row).toContainText(`Got ${c.status} ${c.id}`);
  }
});

test('a revoked key: the exact response, the masked request, and the fix from the catalogue', async ({ page }) => {
  const revoked = cases.find((c) => c.id === 'revoked_api_key')!;
  const lab = await openLab(page, '/errors/', 'Error lab');
  await lab.getByRole('button', { name: revoked.label, exact: true }).click();
  const result = lab.getByRole('region', { name: `Result: ${revoked.title}` });
  await expect(result.getByText('the sandbox answered 401 revoked_api_key, as expected')).toBeVisible({ timeout: 20_000 });

  const response = result.getByRole('region', { name: 'Response' });
  await expect(response.getByText('401 Unauthorized')).toBeVisible();
  await expect(response.getByRole('row', { name: /x-request-id req_/i })).toBeVisible();
  const body = JSON.parse(await response.getByRole('region', { name: 'Response body' }).innerText());
  const { envelope, fields } = model.errorFormat;
  expect((envelope ? body[envelope] : body)[fields.id]).toBe('revoked_api_key');

  const request = result.getByRole('region', { name: 'Request' });
  await expect(request.getByText(`GET ${model.environments.find((e) => e.id === 'test')!.baseUrl}/me`)).toBeVisible();
  expect(await lab.innerText()).not.toMatch(wholeKey);

  await expect(result.getByText(revoked.cause)).toBeVisible();
  await expect(result.getByText(revoked.fix)).toBeVisible();
  await expect(result.getByRole('link', { name: `More about “${revoked.title}” in the catalogue below` })).toHaveAttribute(
    'href',
    '/errors/#revoked-api-key',
  );
});

test('axe finds no violations on the errors page with a case shown, in both themes', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const lab = await openLab(page, '/errors/', 'Error lab');
    await lab.getByRole('button', { name: cases.find((c) => c.id === 'insufficient_scope')!.label, exact: true }).click();
    await expect(lab.getByRole('status')).toContainText('answered 403 insufficient_scope, as expected', { timeout: 20_000 });
    await lab.getByText(/^What the lab did/).click();
    expect(await axeViolations(page)).toEqual([]);
  }
});
