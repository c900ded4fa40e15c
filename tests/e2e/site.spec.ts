import { expect, test, type Page } from '@playwright/test';
import { loadModel } from '../../src/api/index.ts';

const model = loadModel();

/** Every page the sitemap lists, as paths on the preview server. */
async function sitemapPaths(page: Page): Promise<string[]> {
  const index = await (await page.request.get('/sitemap-0.xml')).text();
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

test('the landing page says what the API is and where to start', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: `${model.product.name} API developer portal` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `About the ${model.product.name} API` })).toBeVisible();
  await expect(page.getByText(model.product.tagline)).toBeVisible();
  await page.getByRole('link', { name: 'Quickstart' }).first().click();
  await expect(page).toHaveURL(/\/quickstart\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Quickstart' })).toBeVisible();
});

test('/openapi.json is served as JSON and describes every endpoint of the model', async ({ request }) => {
  const response = await request.get('/openapi.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const document = await response.json();
  expect(document.openapi).toBe('3.1.0');
  const operations = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((methods) =>
    Object.values(methods).map((operation) => operation.operationId),
  );
  expect(operations.sort()).toEqual(model.endpoints.map((endpoint) => endpoint.id).sort());
});

test('every page in the sitemap renders without console errors, and no request leaves the site', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    // Requests answered by the sandbox's service worker never reach the network.
    if (url.origin !== origin && !['data:', 'blob:'].includes(url.protocol) && !request.serviceWorker()) {
      problems.push(`${page.url()}: request to another origin: ${url.origin}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).origin === origin) {
      problems.push(`${page.url()}: ${response.status()} for ${response.url()}`);
    }
  });

  const paths = await sitemapPaths(page);
  expect(paths.length).toBeGreaterThan(15);
  for (const path of paths) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test('an unknown address shows a page with ways onward', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Overview' }).first()).toBeVisible();
});

test('the security diagram on the authentication page has a text alternative', async ({ page }) => {
  await page.goto('/authentication/');
  const diagram = page.getByRole('img', { name: 'Where the API key lives' });
  await expect(diagram).toBeVisible();
  await expect(diagram).toHaveAccessibleDescription(new RegExp(`${model.product.envVar}.*HTTPS.*never hold the key`));
  await expect(page.locator('#kp-diagram-caption')).toContainText('Browsers and mobile apps never hold the key');
});
