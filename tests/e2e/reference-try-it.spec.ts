/**
 * Each endpoint section of the API reference has its own "Try it": it brings the page's one
 * console under that section with the endpoint, its path id and its example body filled in.
 */
import { expect, test } from '@playwright/test';
import { sampleId } from '../../src/api/example-request.ts';
import { requestExample } from '../../src/api/examples.ts';
import { referencePages } from '../../src/components/reference/reference-pages.ts';
import { endpointRequestHash } from '../../src/components/try-it/endpoint-request.ts';
import { chooseWalletKey, createKey, model, openKeyManager, send } from './widgets-helpers.ts';

/** The reference page that documents `endpointId`, and the endpoint. */
function pageOf(endpointId: string) {
  const page = referencePages(model).find((p) => p.endpoints.some((e) => e.id === endpointId))!;
  return { path: `/reference/${page.slug}/`, endpoint: page.endpoints.find((e) => e.id === endpointId)! };
}

test('“Try it” further down a page opens the console under that section with its example request, and sends it', async ({ page }) => {
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Reference try it' });

  const { path, endpoint } = pageOf('keys.create');
  await page.goto(path);
  const section = page.locator('section.kp-endpoint', { has: page.getByRole('heading', { name: endpoint.summary, exact: true }) });
  const tryIt = section.getByRole('link', { name: `Try it: ${endpoint.summary}` });
  // Before any script runs the link already names the request: the console's own request link.
  expect(await tryIt.getAttribute('href')).toMatch(/^#try-it=/);
  await tryIt.click();

  const console = section.locator('.kp-try-it');
  await expect(console).toBeInViewport();
  await expect(console.getByLabel('Endpoint', { exact: true })).toHaveValue(endpoint.id);
  await expect(console.getByLabel('Body (JSON)')).toHaveValue(JSON.stringify(requestExample(model, endpoint), null, 2));
  // The section's example is not someone's shared link.
  await expect(console.getByText('Filled in from a shared link')).toBeHidden();
  await expect(page.locator('.kp-try-it')).toHaveCount(1);

  await chooseWalletKey(console, secret);
  const response = await send(console, `${endpoint.successStatus} Created`);
  await expect(response.getByRole('region', { name: 'Body' })).toContainText(
    `"name": ${JSON.stringify((requestExample(model, endpoint) as { name: string }).name)}`,
  );
});

test('“Try it” works from the keyboard and fills in the path id, and the next Tab is in the console', async ({ page }) => {
  const { path, endpoint } = pageOf('keys.get');
  await page.goto(path);
  const section = page.locator('section.kp-endpoint', { has: page.getByRole('heading', { name: endpoint.summary, exact: true }) });
  await section.getByRole('link', { name: `Try it: ${endpoint.summary}` }).focus();
  await page.keyboard.press('Enter');

  const console = section.locator('.kp-try-it');
  await expect(console.getByLabel('Endpoint', { exact: true })).toHaveValue(endpoint.id);
  await expect(console.getByLabel('id (path parameter)')).toHaveValue(sampleId(model, endpoint));
  await page.keyboard.press('Tab');
  await expect(console.getByLabel('Endpoint', { exact: true })).toBeFocused();

  // Another section's "Try it" moves the same console there.
  const first = referencePages(model).find((p) => p.endpoints.includes(endpoint))!.endpoints[0]!;
  const top = page.locator('section.kp-endpoint', { has: page.getByRole('heading', { name: first.summary, exact: true }) });
  await top.getByRole('link', { name: `Try it: ${first.summary}` }).click();
  await expect(top.locator('.kp-try-it').getByLabel('Endpoint', { exact: true })).toHaveValue(first.id);
  await expect(section.locator('.kp-try-it')).toHaveCount(0);
});

test('opening a section’s request link puts the console under that section', async ({ page }) => {
  const { path, endpoint } = pageOf('keys.create');
  await page.goto(`${path}${endpointRequestHash(model, endpoint)}`);
  const section = page.locator('section.kp-endpoint', { has: page.getByRole('heading', { name: endpoint.summary, exact: true }) });
  await expect(section.locator('.kp-try-it').getByLabel('Endpoint', { exact: true })).toHaveValue(endpoint.id);
});
