/**
 * Portals built from public OpenAPI documents nobody wrote for Keyport (one Playwright project per
 * document, see playwright.config.ts): every operation has its reference section, and the sandbox
 * in the browser, carried by the build, refuses a request without a key, answers one with a key
 * the reader made in the key manager, and limits a burst with 429 and its headers.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { OpenApiDocument } from '../../src/api/import/document.ts';
import { importOpenApi } from '../../src/api/import/import-document.ts';
import { resolveLocalRefs } from '../../src/api/import/local-refs.ts';
import type { ApiModel } from '../../src/api/model.ts';
import type { Endpoint } from '../../src/api/schema/endpoints.ts';
import { referencePages } from '../../src/components/reference/reference-pages.ts';

/** The portal's model, read back from the `/openapi.json` it serves (its `x-keyport` keeps every fact). */
async function documentModel(request: APIRequestContext): Promise<ApiModel> {
  const served = (await (await request.get('/openapi.json')).json()) as OpenApiDocument;
  return importOpenApi(resolveLocalRefs(served), test.info().project.metadata['file'] as string).model;
}

/** A GET the sandbox answers with no id and no query: a collection's list, else a documented example. */
function plainGet(model: ApiModel): Endpoint {
  const plain = (e: Endpoint) =>
    e.method === 'GET' && !e.path.includes('{') && (!e.query || e.query.safeParse({}).success) && e.successStatus === 200;
  return (
    model.endpoints.find((e) => plain(e) && e.action.type === 'list') ??
    model.endpoints.find((e) => plain(e) && e.action.type === 'example')!
  );
}

function authHeaders(model: ApiModel, key: string): Record<string, string> {
  const scheme = model.auth.schemes[0]!;
  return scheme.type === 'bearer' ? { Authorization: `Bearer ${key}` } : { [scheme.name]: key };
}

/** Creates a key in the key manager as a reader would, and returns the secret from the reveal dialog. */
async function keyFromKeyManager(page: Page): Promise<string> {
  await page.goto('/key-manager/');
  const widget = page.locator('.kp-key-manager');
  await expect(page.locator('.not-content', { has: widget }).locator('.kp-gate')).toHaveAttribute('aria-busy', 'false', {
    timeout: 15_000,
  });
  const show = widget.getByRole('button', { name: 'Show my sandbox keys' });
  if (await show.isVisible()) await show.click();
  await widget.getByLabel('Key name', { exact: true }).fill('Portal check');
  const fullAccess = widget.getByRole('radio', { name: /^Full access/ });
  if ((await fullAccess.count()) > 0) await fullAccess.check();
  await widget.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy your new key now' });
  const secret = await dialog.getByRole('textbox').inputValue();
  // "Done" waits until the key is copied: it is shown only once.
  await dialog.getByRole('button', { name: 'Copy key' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  return secret;
}

/** Sends `count` requests from the page (through its sandbox) and returns each status, with the last response's headers. */
function send(page: Page, url: string, headers: Record<string, string>, count = 1) {
  return page.evaluate(
    async ({ url, headers, count }) => {
      const statuses: number[] = [];
      let last: Record<string, string> = {};
      for (let i = 0; i < count; i++) {
        const response = await fetch(url, { headers });
        statuses.push(response.status);
        last = Object.fromEntries(response.headers);
        if (response.status === 429) break;
      }
      return { statuses, headers: last };
    },
    { url, headers, count },
  );
}

test('every operation has its section in the reference', async ({ request }) => {
  const model = await documentModel(request);
  for (const page of referencePages(model)) {
    const html = await (await request.get(`/reference/${page.slug}/`)).text();
    for (const endpoint of page.endpoints) {
      const anchor = endpoint.id.replace('.', '-').toLowerCase();
      expect(html, `${endpoint.method} ${endpoint.path} on /reference/${page.slug}/`).toContain(`id="${anchor}"`);
    }
  }
});

test('the sandbox answers 401 without a key, 200 with a key made in the key manager, and 429 after a burst', async ({ page }) => {
  const model = await documentModel(page.request);
  const secret = await keyFromKeyManager(page);
  const base = model.environments.find((env) => env.id === 'test')!.baseUrl;
  const url = `${base}${plainGet(model).path}`;

  expect((await send(page, url, {})).statuses).toEqual([401]);
  expect((await send(page, url, authHeaders(model, secret))).statuses).toEqual([200]);

  const tier = model.rateLimits.tiers.find((t) => t.id === model.rateLimits.sandboxTier) ?? model.rateLimits.tiers[0]!;
  const burst = await send(page, url, authHeaders(model, secret), tier.limit + 1);
  expect(burst.statuses.at(-1)).toBe(429);
  expect(Number(burst.headers['retry-after'])).toBeGreaterThan(0);
});
