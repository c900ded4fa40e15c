/**
 * The reference's code samples offer every language the console offers, under short tab labels
 * that are never cut off on a phone, and the reader's choice follows them both ways.
 */
import { expect, test } from '@playwright/test';
import { referencePages } from '../../src/components/reference/reference-pages.ts';
import { LANGUAGE_STORAGE_KEY, SNIPPET_LANGUAGES } from '../../src/components/snippets/languages.ts';
import { model, openConsole } from './widgets-helpers.ts';

const path = `/reference/${referencePages(model).find((p) => p.endpoints.some((e) => e.id === 'keys.create'))!.slug}/`;

for (const width of [390, 1280]) {
  test(`at ${width} px every language has a tab whose label shows whole`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(path);
    const tabs = page.locator('section.kp-endpoint').first().getByRole('tab');
    await expect(tabs).toHaveText(SNIPPET_LANGUAGES.map((l) => l.name));
    for (const tab of await tabs.all()) {
      await tab.scrollIntoViewIfNeeded();
      // Nothing clipped inside the tab, and the tab itself is inside the page.
      expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
  });
}

test('a language chosen in the samples shows its code, and the console follows; the console’s choice moves the tabs', async ({ page }) => {
  const console = await openConsole(page, path);
  const samples = page.locator('section.kp-endpoint').first();
  await samples.getByRole('tab', { name: 'Go', exact: true }).click();
  await expect(samples.getByRole('tabpanel')).toContainText('package main');
  expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_STORAGE_KEY)).toBe('Go');
  await console.getByRole('button', { name: 'Show code' }).click();
  await expect(console.getByLabel('Language')).toHaveValue('go');

  await console.getByLabel('Language').selectOption({ label: 'C#' });
  const last = page.locator('section.kp-endpoint').last();
  await expect(last.getByRole('tab', { name: 'C#', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(last.getByRole('tabpanel')).toContainText('HttpClient');
  // The choice lasts: after a reload the deferred sample of the chosen language shows at once.
  await page.reload();
  await expect(page.locator('section.kp-endpoint').first().getByRole('tab', { name: 'C#', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.locator('section.kp-endpoint').first().getByRole('tabpanel')).toContainText('HttpClient');
});

test('the samples keep the highlighter’s styles and copy buttons: code wraps on a phone and copies as shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(path);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const panel = page.locator('section.kp-endpoint').first().getByRole('tabpanel');
  await panel.getByRole('button', { name: /copy/i }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('curl');
  // What is shown is what is copied, less the shell comment (the highlighter leaves comments out of a terminal's copy).
  const shown = (await panel.locator('pre').innerText()).replace(/^#.*$/m, '');
  expect(copied.replace(/\s+/g, ' ').trim()).toBe(shown.replace(/\s+/g, ' ').trim());
});
