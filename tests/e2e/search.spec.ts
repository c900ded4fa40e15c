import { expect, test } from '@playwright/test';

/**
 * Words a developer would type, the page that should answer them, and how high it must rank: a
 * header name, an error code or a status finds the page that explains it first.
 */
const QUERIES: Array<[query: string, page: RegExp, title: RegExp, within: number]> = [
  ['revoke', /\/revocation\//, /Revoking keys/, 3],
  ['403', /\/errors\//, /^Errors$/, 1],
  ['rotate key', /\/rotation\//, /Rotating keys/, 3],
  ['Retry-After', /\/rate-limits\//, /^Rate limits$/, 1],
  ['rotate', /\/rotation\//, /Rotating keys/, 3],
  ['x-api-key', /\/authentication\//, /^Authentication$/, 1],
  ['invalid_api_key', /\/errors\//, /^Errors$/, 1],
  ['api key', /\/api-keys\//, /^Creating API keys$/, 3],
];

for (const [query, page, title, within] of QUERIES) {
  test(`searching for "${query}" lands on the right page`, async ({ page: browser }) => {
    await browser.goto('/overview/');
    await browser.getByRole('button', { name: 'Search' }).click();
    const dialog = browser.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).fill(query);
    // One title per page: a page's matching sections are listed under it and do not count.
    const results = dialog.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a');
    await expect(results.first()).toBeVisible();
    const titles = (await results.allTextContents()).slice(0, within);
    expect(
      titles.some((t) => title.test(t)),
      `top results for "${query}": ${titles.join(' | ')}`,
    ).toBe(true);
    await dialog.getByRole('link', { name: title }).first().click();
    await expect(browser).toHaveURL(page);
  });
}
