import { expect, test } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';
import { axeViolations, openLab } from './labs-helpers.ts';

const { toleranceSeconds, secretPrefix } = loadModel().webhooks;

test('the sample delivery verifies, and the verdicts follow what is changed', async ({ page }) => {
  const lab = await openLab(page, '/webhooks/', 'Webhook workbench');
  const verdict = lab.getByRole('status');
  await expect(verdict).toContainText('Valid: signature 1 of 1 matches your secret');
  await expect(verdict).toContainText('verifyWebhook() returns the parsed event.');

  // Tampered body.
  const body = lab.getByLabel('Body as your endpoint receives it');
  const original = await body.inputValue();
  await body.fill(original.replace('"type"', '"tipe"'));
  await expect(verdict).toContainText('Rejected (signature_mismatch). The body differs from the body that was signed');
  await expect(verdict).toContainText('throws WebhookVerificationError');
  await lab.getByRole('button', { name: 'Restore the delivery as sent' }).click();
  await expect(verdict).toContainText('Valid');

  // Stale timestamp: signed long before the receiver's clock.
  const signedAt = lab.getByLabel('Signed at (Unix time, seconds)');
  const time = Number(await signedAt.inputValue());
  await signedAt.fill(String(time - toleranceSeconds - 60));
  await expect(verdict).toContainText(
    `Rejected (timestamp_out_of_range). The signature matches, but the timestamp is ${toleranceSeconds + 60} seconds behind your server’s clock`,
  );
  await signedAt.fill(String(time));
  await expect(verdict).toContainText('Valid');

  // Clock skew within and beyond the tolerance.
  const clock = lab.getByRole('slider', { name: 'Your server’s clock' });
  await clock.fill(String(toleranceSeconds - 10));
  await expect(verdict).toContainText('Valid');
  await clock.fill(String(toleranceSeconds + 100));
  await expect(verdict).toContainText('timestamp_out_of_range');
  await clock.fill('0');

  // Rotation: two signatures; an endpoint holding only the new secret accepts the delivery.
  await lab.getByRole('checkbox', { name: 'Rotating the secret: sign with the old and a new one' }).check();
  await lab.getByRole('button', { name: 'Use the new secret' }).click();
  await expect(verdict).toContainText('Valid: signature 2 of 2 matches your secret');
  await expect(lab.getByText('v1 #2: ✓ matches')).toBeVisible();

  // A secret that signed nothing.
  // Base64 after the prefix, so it is a usable secret in either signing scheme.
  await lab.getByLabel('Secret your endpoint holds').fill(`${secretPrefix}${btoa('not the right secret!')}`);
  await expect(verdict).toContainText('Your endpoint’s secret is not one the delivery was signed with.');
});

test('axe finds no violations on the webhooks page with a rejected delivery', async ({ page }) => {
  const lab = await openLab(page, '/webhooks/', 'Webhook workbench');
  await lab.getByLabel('Body as your endpoint receives it').fill('{}');
  await expect(lab.getByRole('status')).toContainText('Rejected');
  expect(await axeViolations(page)).toEqual([]);
});
