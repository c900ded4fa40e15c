import { expect, test } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';

// This project serves the site built with KEYPORT_PRESET=aloochat (see playwright.config.ts).
const model = loadModel('aloochat');

test('the AlooChat build names AlooChat, its header and its key prefixes, with no page edited', async ({ page }) => {
  await page.goto('/authentication/');
  await expect(page.getByRole('link', { name: model.product.docsTitle })).toBeVisible();
  await expect(page.getByText(`x-api-token: $${model.product.envVar}`).first()).toBeVisible();
  await page.goto('/key-types/');
  for (const env of model.environments) await expect(page.getByRole('cell', { name: env.keyPrefix })).toBeVisible();
  const openapi = await (await page.request.get('/openapi.json')).json();
  expect(Object.keys(openapi.paths)).toContain('/agents');
});

test('searching for "x-api-token" finds the authentication page', async ({ page }) => {
  await page.goto('/overview/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('x-api-token');
  await dialog
    .getByRole('link', { name: /Authentication/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/authentication\//);
});
