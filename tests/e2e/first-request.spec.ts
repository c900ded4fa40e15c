/**
 * From the landing page to a 200 with a key the reader created: at most three clicks on visible
 * controls found by role and name, and no typing, on a wide screen and a phone; the same by
 * keyboard alone; and the landing page under axe in both themes, with the dialog open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { model } from './widgets-helpers.ts';

const test_ = model.environments.find((env) => env.id === 'test')!;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** Clicks a control the reader can see, and counts it. */
function clicker() {
  const counter = { count: 0 };
  const click = async (control: Locator) => {
    await expect(control).toBeVisible();
    await control.click();
    counter.count += 1;
  };
  return { counter, click };
}

/** The new key's dialog shows a 200 for the who-am-I call, made with the key it shows. */
async function expectOwnKeyAnswered(dialog: Locator): Promise<void> {
  const secret = await dialog.getByRole('textbox', { name: /^New key for/ }).inputValue();
  expect(secret.startsWith(test_.keyPrefix)).toBe(true);
  const response = dialog.getByRole('region', { name: 'Response' });
  await expect(response.locator('.kp-http')).toHaveText('200 OK', { timeout: 20_000 });
  const body = response.getByRole('region', { name: 'Body' });
  // Who-am-I answers with the key that made the request: the one just created, not the owner's.
  await expect(body).toContainText('"name": "Getting started (sandbox)"');
  await expect(body).toContainText('"environment": "test"');
  if (model.access.mode === 'per-key') await expect(body).toContainText('"full_access": false');
}

for (const viewport of VIEWPORTS) {
  test(`from / to a 200 with a key of one's own in at most 3 clicks and no typing (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const { counter, click } = clicker();

    await expect(page.getByRole('heading', { level: 1, name: `${model.product.name} API developer portal` })).toBeVisible();
    const get = page.getByRole('button', { name: 'Get a sandbox key' });
    // Above the fold: no scrolling needed to find the way in.
    await expect(get).toBeInViewport();
    await click(get);

    const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
    await click(dialog.getByRole('button', { name: 'Send a test request' }));
    await expectOwnKeyAnswered(dialog);
    expect(counter.count).toBeLessThanOrEqual(3);
  });
}

test('by keyboard alone: Tab to "Get a sandbox key", Enter, Tab to "Send a test request", Enter', async ({ page }) => {
  await page.goto('/');
  const get = page.getByRole('button', { name: 'Get a sandbox key' });
  await expect(get).toBeEnabled();
  await tabTo(page, get);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(dialog.getByRole('textbox', { name: /^New key for/ })).toBeFocused();
  await tabTo(page, dialog.getByRole('button', { name: 'Send a test request' }));
  await page.keyboard.press('Enter');
  await expectOwnKeyAnswered(dialog);
});

/** Presses Tab until `target` has focus (at most 40 times). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('before the island hydrates', () => {
  test.use({ javaScriptEnabled: false });

  test('the button is disabled and says it is loading, so no click is taken and lost', async ({ page }) => {
    await page.goto('/');
    const button = page.getByRole('button', { name: 'Loading…' });
    await expect(button).toBeVisible();
    await expect(button).toBeDisabled();
  });
});

test('the landing page names the product in its title and heading anchors', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(`${model.product.name} API developer portal`);
  await expect(page.getByText(model.product.tagline)).toBeVisible();
  const about = page.getByRole('heading', { level: 2, name: `About the ${model.product.name} API` });
  await expect(about).toHaveAttribute('id', 'about-the-api');
  for (const name of ['Quickstart', 'SDK playground', 'API reference']) {
    await expect(page.getByRole('link', { name, exact: true }).first()).toBeInViewport();
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the landing page, before and with the key dialog open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    const found: string[] = [];
    const check = async (state: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      found.push(...results.violations.map((v) => `${state}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`));
    };
    await expect(page.getByRole('button', { name: 'Get a sandbox key' })).toBeEnabled();
    await check('landing');
    await page.getByRole('button', { name: 'Get a sandbox key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
    await dialog.getByRole('button', { name: 'Send a test request' }).click();
    await expect(dialog.getByRole('region', { name: 'Response' }).locator('.kp-http')).toHaveText('200 OK', { timeout: 20_000 });
    await check('key dialog with a response');
    expect(found).toEqual([]);
  });
}
