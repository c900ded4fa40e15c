/**
 * Portals built from public OpenAPI documents nobody wrote for Keyport (one Playwright project per
 * document, see playwright.config.ts): every operation has its reference section, and the sandbox
 * in the browser, carried by the build, refuses a request without a key, answers one with a key
 * the reader made in the key manager, and limits a burst with 429 and its headers; search finds an
 * operation's reference page first.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { OpenApiDocument } from '../../src/api/import/document.ts';
import { importOpenApi } from '../../src/api/import/import-document.ts';
import { resolveLocalRefs } from '../../src/api/import/local-refs.ts';
import type { ApiModel } from '../../src/api/model.ts';
import { withKey } from '../../src/api/runtime/auth-schemes.ts';
import type { Endpoint } from '../../src/api/schema/endpoints.ts';
import { referencePages } from '../../src/components/reference/reference-pages.ts';
import { callableAsIs } from '../fixtures/openapi/callable.ts';

/** The portal's model, read back from the `/openapi.json` it serves (its `x-keyport` keeps every fact). */
async function documentModel(request: APIRequestContext): Promise<ApiModel> {
  const served = (await (await request.get('/openapi.json')).json()) as OpenApiDocument;
  return importOpenApi(resolveLocalRefs(served), test.info().project.metadata['file'] as string).model;
}

/** A request the sandbox answers with no id and no query to fill in: a collection's list, else an operation answered from the document. */
function plainCall(model: ApiModel): { endpoint: Endpoint; body?: Record<string, unknown> } {
  const plain = (e: Endpoint) => callableAsIs(e) && e.successStatus === 200;
  const endpoint =
    model.endpoints.find((e) => plain(e) && e.method === 'GET' && e.action.type === 'list') ??
    model.endpoints.find((e) => plain(e) && e.method === 'GET' && e.action.type === 'example') ??
    model.endpoints.find((e) => plain(e) && e.method === 'POST' && e.action.type === 'example' && e.requestExample)!;
  return endpoint.requestExample ? { endpoint, body: endpoint.requestExample } : { endpoint };
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

/**
 * Sends `count` requests from the page (through its sandbox), the key placed as the API's first
 * scheme says (a header, or the query string), and returns each status and the last headers.
 */
function send(page: Page, model: ApiModel, call: ReturnType<typeof plainCall>, key: string | null, count = 1) {
  const base = model.environments.find((env) => env.id === 'test')!.baseUrl;
  const plain = `${base}${call.endpoint.path}`;
  const { url, headers } = key === null ? { url: plain, headers: {} } : withKey(model.auth.schemes[0]!, key, plain);
  const init = {
    method: call.endpoint.method,
    headers: { ...headers, ...(call.body ? { 'Content-Type': 'application/json' } : {}) },
    ...(call.body ? { body: JSON.stringify(call.body) } : {}),
  };
  return page.evaluate(
    async ({ url, init, count }) => {
      const statuses: number[] = [];
      let last: Record<string, string> = {};
      for (let i = 0; i < count; i++) {
        const response = await fetch(url, init);
        statuses.push(response.status);
        last = Object.fromEntries(response.headers);
        if (response.status === 429) break;
      }
      return { statuses, headers: last };
    },
    { url, init, count },
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
  const call = plainCall(model);

  expect((await send(page, model, call, null)).statuses).toEqual([401]);
  expect((await send(page, model, call, secret)).statuses).toEqual([200]);

  const tier = model.rateLimits.tiers.find((t) => t.id === model.rateLimits.sandboxTier) ?? model.rateLimits.tiers[0]!;
  const burst = await send(page, model, call, secret, tier.limit + 1);
  expect(burst.statuses.at(-1)).toBe(429);
  expect(Number(burst.headers['retry-after'])).toBeGreaterThan(0);
});

/** Words of a text as search splits them: letters and digits. */
const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * An operation a reader could name uniquely: its summary has a word no other operation's summary
 * or path has, and its path a segment no other path has ("Create shard key" beside "Create shard
 * snapshot" names both, so neither could come first for sure).
 */
function distinctive(model: ApiModel): Endpoint {
  const own = model.endpoints.filter((e) => e.action.type !== 'keys' && e.action.type !== 'whoami');
  const others = (e: Endpoint) => own.filter((o) => o !== e).flatMap((o) => [...words(o.summary), ...words(o.path)]);
  return own.find((e) => {
    const taken = new Set(others(e));
    return words(e.summary).some((w) => w.length > 3 && !taken.has(w)) && words(e.path).some((w) => w.length > 3 && !taken.has(w));
  })!;
}

test('search finds an operation by its summary and by its path: its reference page first', async ({ page }) => {
  const model = await documentModel(page.request);
  const endpoint = distinctive(model);
  const expected = referencePages(model).find((p) => p.endpoints.includes(endpoint))!;
  for (const query of [endpoint.summary, endpoint.path]) {
    await page.goto('/overview/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).fill(query);
    const results = dialog.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a');
    await expect(results.first()).toBeVisible();
    const found = await results.evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href') ?? ''));
    expect(found[0], `first results for "${query}": ${found.join(' | ')}`).toMatch(new RegExp(`/reference/${expected.slug}/`));
  }
});
