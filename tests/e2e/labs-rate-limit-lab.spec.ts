import { expect, test } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';
import { axeViolations, openLab } from './labs-helpers.ts';

const { limit } = loadModel().rateLimits.demo;
const burst = limit * 2;

test('a burst without retries: the limit succeeds, the rest get 429, and the quota comes back after the reset', async ({ page }) => {
  const lab = await openLab(page, '/rate-limits/', 'Rate-limit lab');
  await lab.getByRole('radio', { name: /Fast-forward the sandbox’s clock/ }).check();
  await expect(lab.getByLabel('Requests in the burst')).toHaveValue(String(burst));
  await lab.getByRole('button', { name: 'Send the burst' }).click();

  const section = lab.getByRole('region', { name: 'Without retries' });
  // The chart's accessible name is the run in words.
  const chart = section.getByRole('img');
  await expect(chart).toHaveAccessibleName(/one more request succeeded with \d+ remaining/, { timeout: 30_000 });
  await expect(chart).toHaveAccessibleName(
    new RegExp(`^${burst} of ${burst} requests sent: ${limit} succeeded, ${burst - limit} were refused with 429 Too Many Requests\\.`),
  );

  await section.getByText(/The same run as a table/).click();
  const rows = section.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(burst + 2);
  const statuses = await section.getByRole('table').locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(statuses).toEqual([...Array(limit).fill('200'), ...Array(burst - limit).fill('429'), '200']);
  const remaining = await section.getByRole('table').locator('tbody tr td:nth-child(4)').allInnerTexts();
  expect(remaining.slice(0, limit)).toEqual(Array.from({ length: limit }, (_, i) => String(limit - 1 - i)));
  expect(remaining.at(-1)).toBe(String(limit - 1));
});

test('the same burst through the SDK with retries waits out Retry-After and ends with no failures', async ({ page }) => {
  const lab = await openLab(page, '/rate-limits/', 'Rate-limit lab');
  await lab.getByRole('radio', { name: /Fast-forward the sandbox’s clock/ }).check();
  await lab.getByRole('button', { name: 'Send it through the SDK with retries' }).click();
  const section = lab.getByRole('region', { name: 'Through the SDK, with retries' });
  const chart = section.getByRole('img');
  await expect(chart).toHaveAccessibleName(new RegExp(`^${burst} of ${burst} calls succeeded, 0 failed\\.`), { timeout: 30_000 });
  await expect(chart).toHaveAccessibleName(/the SDK waited out Retry-After/);
  await section.getByText(/The same run as a table/).click();
  await expect(section.getByRole('cell', { name: '429 (retried)' }).first()).toBeVisible();
  await expect(lab.getByRole('status')).toContainText('0 failed');
});

test('axe finds no violations on the rate-limits page with a run charted (dark theme)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const lab = await openLab(page, '/rate-limits/', 'Rate-limit lab');
  await lab.getByRole('radio', { name: /Fast-forward the sandbox’s clock/ }).check();
  await lab.getByRole('button', { name: 'Send the burst' }).click();
  await expect(lab.getByRole('region', { name: 'Without retries' }).getByRole('img')).toHaveAccessibleName(/one more request succeeded/, {
    timeout: 30_000,
  });
  await lab
    .getByText(/The same run as a table/)
    .first()
    .click();
  expect(await axeViolations(page)).toEqual([]);
});
