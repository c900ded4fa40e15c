import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function sitemapPaths(page: Page): Promise<string[]> {
  const xml = await (await page.request.get('/sitemap-0.xml')).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

async function violationsOn(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    for (const violation of results.violations) {
      found.push(`${path}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(' ')}`);
    }
  }
  return found;
}

test('axe finds no violations on any page in the sitemap (light theme)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await violationsOn(page, await sitemapPaths(page))).toEqual([]);
});

// Every page shares one stylesheet; these cover each kind of content (hero, tables, tabs,
// code, generated reference) in the dark theme, where contrast problems would show.
test('axe finds no violations in the dark theme on one page of each kind', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const paths = [
    '/',
    '/authentication/',
    '/scopes/',
    '/storing-keys/',
    '/errors/',
    '/reference/',
    (await sitemapPaths(page)).find((p) => p.startsWith('/reference/') && p !== '/reference/')!,
  ];
  expect(await violationsOn(page, paths)).toEqual([]);
});
