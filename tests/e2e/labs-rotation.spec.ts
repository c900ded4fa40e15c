import { expect, test, type Locator } from '@playwright/test';
import { axeViolations, openLab } from './labs-helpers.ts';

const STEPS = ['1. Create the new key', '2. Update the configuration', '3. Deploy', '4. Verify', '5. Revoke the old key'];

const count = (lab: Locator, row: string) =>
  lab
    .getByRole('table', { name: 'Requests by key' })
    .getByRole('row', { name: new RegExp(`^${row}`) })
    .getByRole('cell');

test('a rotation in the right order: traffic moves to the new key and no request fails', async ({ page }) => {
  test.setTimeout(60_000);
  const lab = await openLab(page, '/rotation/', 'Rotation walkthrough');
  await lab.getByRole('button', { name: 'Start the app' }).click();
  await expect(lab.getByRole('status')).toContainText('The app is running with key 1', { timeout: 20_000 });
  for (const step of STEPS) {
    await lab.getByRole('button', { name: step }).click();
    await expect(lab.getByRole('listitem').filter({ has: page.getByRole('button', { name: step }) })).toContainText('✓ done', {
      timeout: 20_000,
    });
  }
  await expect(lab.getByText(/“Who am I” with key 2 answered key_\w+/)).toBeVisible();
  await expect(lab.getByRole('status')).toContainText(/Rotation done in the right order: \d+ requests, 0 failed\./, { timeout: 20_000 });
  await expect(count(lab, 'Failed')).toHaveText('0');
  expect(Number(await count(lab, 'Answered with key 1').innerText())).toBeGreaterThan(0);
  expect(Number(await count(lab, 'Answered with key 2').innerText())).toBeGreaterThan(0);
  await expect(lab.getByRole('img', { name: /requests: \d+ answered with key 1, \d+ with key 2, 0 failed/ })).toBeVisible();
});

test('revoking first: requests fail with 401 revoked_api_key until the new key is deployed', async ({ page }) => {
  test.setTimeout(60_000);
  const lab = await openLab(page, '/rotation/', 'Rotation walkthrough');
  await lab.getByRole('button', { name: 'Try the wrong order: revoke first' }).click();
  await expect(lab.getByRole('status')).toContainText(/Wrong order: \d+ of \d+ requests failed/, { timeout: 30_000 });
  const failed = await count(lab, 'Failed').innerText();
  expect(Number(failed.split(' ')[0])).toBeGreaterThan(0);
  expect(failed).toContain('revoked_api_key');
  expect(Number(await count(lab, 'Answered with key 2').innerText())).toBeGreaterThan(0);
});

test('rolling with a grace period: deploy before the old key expires and nothing fails', async ({ page }) => {
  test.setTimeout(60_000);
  const lab = await openLab(page, '/rotation/', 'Rotation walkthrough');
  await lab.getByRole('button', { name: 'Roll with a grace period' }).click();
  await expect(lab.getByRole('status')).toContainText('The app is running with key 1', { timeout: 20_000 });
  await lab.getByRole('button', { name: 'Roll key 1' }).click();
  await expect(lab.getByRole('timer')).toHaveText(/\d+ (minutes?|hours?|days?)/, { timeout: 20_000 });
  await lab.getByRole('button', { name: 'Deploy key 2' }).click();
  await lab.getByRole('button', { name: 'Fast-forward to key 1’s expiry' }).click();
  await expect(lab.getByText('Key 1 has expired (sandbox clock).')).toBeVisible();
  await expect(lab.getByRole('status')).toContainText('key 1 expired, and nothing noticed');
  // The app keeps sending after the expiry: wait for more answers with key 2, then check none failed.
  const answered = async () => Number(await count(lab, 'Answered with key 2').innerText());
  const atExpiry = await answered();
  await expect.poll(answered, { timeout: 10_000 }).toBeGreaterThan(atExpiry);
  await expect(count(lab, 'Failed')).toHaveText('0');
  await lab.getByRole('button', { name: 'Stop the app' }).click();
  await expect(lab.getByRole('status')).toContainText('Stopped the app.');
});

test('axe finds no violations on the rotation page during a walkthrough', async ({ page }) => {
  const lab = await openLab(page, '/rotation/', 'Rotation walkthrough');
  await lab.getByRole('button', { name: 'Start the app' }).click();
  await lab.getByRole('button', { name: STEPS[0]! }).click();
  await expect(lab.getByRole('status')).toContainText('Step 1 done', { timeout: 20_000 });
  expect(await axeViolations(page)).toEqual([]);
  await lab.getByRole('button', { name: 'Stop the app' }).click();
});
