import { expect, test } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';
import { generateKey } from '../../src/api/key-format.ts';
import { axeViolations, openLab } from './labs-helpers.ts';

const model = loadModel();
const test_ = model.environments.find((e) => e.id === 'test')!;
const key = generateKey(test_.keyPrefix, model.keyFormat.randomLength);
const at = test_.keyPrefix.length + 3;
const typo = key.slice(0, at) + (key[at] === 'a' ? 'b' : 'a') + key.slice(at + 1);

test('the inspector tells a valid key from a typo, stray whitespace and a cut-off copy', async ({ page }) => {
  const lab = await openLab(page, '/troubleshooting/', 'Key inspector');
  const input = lab.getByRole('textbox', { name: 'Key to check' });
  await expect(input).toHaveAttribute('autocomplete', 'off');
  await expect(input).toHaveAttribute('spellcheck', 'false');
  const headline = lab.locator('.kp-lab-headline');

  await input.fill(key);
  await expect(headline).toHaveText(`✓ Looks valid: a ${model.product.name} test key, and the checksum holds.`);
  await expect(lab.getByRole('definition').filter({ hasText: test_.baseUrl })).toBeVisible();

  await input.fill(typo);
  await expect(headline).toContainText('Not a valid key: the checksum does not hold');

  await input.fill(`  ${key}\n`);
  await expect(headline).toContainText('Valid once cleaned: it has spaces or line breaks around it');

  await input.fill(key.slice(0, -2));
  await expect(headline).toContainText('Not a valid key: it is 2 characters too short');

  await input.fill(`${model.product.envVar}="${key}"`);
  await expect(headline).toContainText('it was pasted with a variable name');

  // Offline: the key went nowhere, not into storage and not into the address.
  expect(page.url()).not.toContain(key.slice(test_.keyPrefix.length));
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(key.slice(test_.keyPrefix.length));
  await expect(lab.getByRole('status')).toContainText('variable name');
});

test('the inspector never sends the key over the network', async ({ page }) => {
  const lab = await openLab(page, '/troubleshooting/', 'Key inspector');
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''} ${JSON.stringify(request.headers())}`));
  await lab.getByRole('textbox', { name: 'Key to check' }).fill(key);
  await expect(lab.locator('.kp-lab-headline')).toContainText('Looks valid');
  expect(sent.filter((line) => line.includes(key.slice(test_.keyPrefix.length)))).toEqual([]);
});

test('axe finds no violations on the troubleshooting page with a key inspected', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const lab = await openLab(page, '/troubleshooting/', 'Key inspector');
  await lab.getByRole('textbox', { name: 'Key to check' }).fill(typo);
  await expect(lab.locator('.kp-lab-headline')).toContainText('checksum');
  expect(await axeViolations(page)).toEqual([]);
});
