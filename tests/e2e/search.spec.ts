import { expect, test } from '@playwright/test';

/** Words a developer would type, and the page that should answer them. */
const QUERIES: Array<[query: string, page: RegExp, title: RegExp]> = [
  ['revoke', /\/revocation\//, /Revoking keys/],
  ['403', /\/(errors|troubleshooting)\//, /Errors|Troubleshooting/],
  ['rotate key', /\/rotation\//, /Rotating keys/],
  ['Retry-After', /\/rate-limits\//, /Rate limits/],
  ['rotate', /\/rotation\//, /Rotating keys/],
];

for (const [query, page, title] of QUERIES) {
  test(`searching for "${query}" lands on the right page`, async ({ page: browser }) => {
    await browser.goto('/overview/');
    await browser.getByRole('button', { name: 'Search' }).click();
    const dialog = browser.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).fill(query);
    const results = dialog.locator('.pagefind-ui__result-title a');
    await expect(results.first()).toBeVisible();
    const titles = (await results.allTextContents()).slice(0, 3);
    expect(
      titles.some((t) => title.test(t)),
      `top results for "${query}": ${titles.join(' | ')}`,
    ).toBe(true);
    await dialog.getByRole('link', { name: title }).first().click();
    await expect(browser).toHaveURL(page);
  });
}
