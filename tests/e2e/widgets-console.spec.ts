/**
 * The try-it console and its code snippets, in real Chromium against the built site: requests go
 * through the SDK to the sandbox's service worker, errors are explained from the model's
 * catalogue, and keys stay out of links, history and code unless the reader asks.
 */
import { expect, test, type Page } from '@playwright/test';
import { LOCAL_SANDBOX_ORIGIN, localSandboxFile } from '../../src/api/code-targets.ts';
import { errorDefinition } from '../../src/api/runtime/index.ts';
import { referencePages } from '../../src/components/reference/reference-pages.ts';
import { LANGUAGE_STORAGE_KEY } from '../../src/components/snippets/languages.ts';
import { chooseEndpoint, chooseWalletKey, createKey, model, openConsole, openKeyManager, send } from './widgets-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Records every request the page makes to another origin, and whether the sandbox's worker answered it. */
function watchOrigins(page: Page, origin: string): string[] {
  const escaped: string[] = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (url.origin === origin || ['data:', 'blob:'].includes(url.protocol)) return;
    const response = await request.response();
    if (!response?.fromServiceWorker()) escaped.push(request.url());
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin !== origin) escaped.push(`${request.url()} (failed)`);
  });
  return escaped;
}

test('the sandbox starts on the first send, not on page load, and answers from this origin', async ({ page, baseURL }) => {
  const escaped = watchOrigins(page, new URL(baseURL!).origin);
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  const console = await openConsole(page, '/quickstart/');
  await page.waitForLoadState('networkidle');
  expect(loaded.filter((path) => path.includes('mockServiceWorker'))).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  await expect(console.getByLabel('Endpoint', { exact: true })).toHaveValue('whoami.get');
  const response = await send(console, '200 OK');
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/mockServiceWorker\.js$/);
  await expect(response).toContainText(/in \d+ ms/);
  await expect(response.getByRole('region', { name: 'Body' })).toContainText('"name": "Sandbox owner"');
  // Rate-limit headers in words, with a live countdown to the window's reset.
  await expect(response).toContainText(/This key may send \d+ requests every \d+ seconds; \d+ are left/);
  await expect(response.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
  await response.getByText(/^Headers \(/).click();
  await expect(response.getByRole('rowheader', { name: 'x-request-id' })).toBeVisible();
  expect(escaped).toEqual([]);
});

test('each reference page preselects its first endpoint', async ({ page }) => {
  for (const reference of referencePages(model).slice(0, 3)) {
    const console = await openConsole(page, `/reference/${reference.slug}/`);
    await expect(console.getByLabel('Endpoint', { exact: true })).toHaveValue(reference.endpoints[0]!.id);
  }
});

test('a read-only key is refused with 403, and the console names the scope it lacks', async ({ page }) => {
  const template = model.keyTemplates[0]!;
  const forbidden = model.endpoints.find(
    (e) => e.scopes.length > 0 && e.scopes.some((s) => !template.scopes.includes(s)) && e.method === 'POST',
  )!;
  const missing = forbidden.scopes.find((s) => !template.scopes.includes(s))!;
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Dashboard', template: template.name });

  const console = await openConsole(page, '/quickstart/');
  await chooseEndpoint(console, forbidden.id);
  await chooseWalletKey(console, secret);
  const response = await send(console, '403 Forbidden');
  await expect(response.getByRole('heading', { name: new RegExp(errorDefinition(model, 'insufficient_scope').title) })).toBeVisible();
  await expect(response).toContainText(`The key lacks the scope ${missing}.`);
  await expect(response.getByRole('link', { name: /on the errors page/ })).toHaveAttribute('href', '/errors/#insufficient-scope');
});

test('with no key, the API answers 401 and the console explains the missing key', async ({ page }) => {
  const console = await openConsole(page, '/quickstart/');
  const missing = errorDefinition(model, 'missing_api_key');
  await console.getByLabel('API key', { exact: true }).selectOption('none');
  let response = await send(console, '401 Unauthorized');
  await expect(response.getByRole('heading', { name: new RegExp(missing.title) })).toBeVisible();
  await expect(response).toContainText(missing.cause);

  await console.getByLabel('Send the key in').selectOption('none');
  await expect(console.getByLabel('API key', { exact: true })).toBeDisabled();
  response = await send(console, '401 Unauthorized');
  await expect(response.getByRole('heading', { name: new RegExp(missing.title) })).toBeVisible();
});

test('a pasted key with a typo is caught before sending, and can still be sent to see the 401', async ({ page }) => {
  const console = await openConsole(page, '/quickstart/');
  await send(console, '200 OK'); // starts the sandbox and puts the owner key in the wallet
  const owner = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key)!).keys[0].secret as string,
    `keyport:wallet:${model.product.id}`,
  );
  const typo = owner.slice(0, 12) + (owner[12] === 'a' ? 'b' : 'a') + owner.slice(13);

  await console.getByLabel('API key', { exact: true }).selectOption('pasted');
  await console.getByLabel('Your key').fill(typo);
  await console.getByRole('button', { name: 'Send request' }).click();
  const problem = console.getByRole('alert');
  await expect(problem).toContainText('This key looks wrong: the checksum does not match');
  await expect(problem).toContainText('Nothing was sent.');
  await expect(console.getByRole('region', { name: 'Response' })).toBeHidden();

  await problem.getByRole('button', { name: /Send anyway/ }).click();
  const response = console.getByRole('region', { name: 'Response' });
  await expect(response.locator('.kp-http')).toHaveText('401 Unauthorized');
  await expect(response.getByRole('heading', { name: new RegExp(errorDefinition(model, 'malformed_api_key').title) })).toBeVisible();

  await console.getByLabel('Your key').fill(owner);
  await send(console, '200 OK');
});

test('a shared link carries the request but never the key, and opening it fills the console without sending', async ({ page, context }) => {
  const manager = await openKeyManager(page);
  const secret = await createKey(page, manager, { name: 'Link test' });
  const console = await openConsole(page, '/quickstart/');
  await chooseEndpoint(console, 'keys.get');
  await chooseWalletKey(console, secret);
  await console.getByLabel('id (path parameter)').fill('key_shared_1');
  await console.getByRole('button', { name: 'Copy link to this request' }).click();
  const link = await console.getByLabel('Link to this request').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).not.toContain(secret);
  expect(decodeURIComponent(link)).not.toContain(secret.slice(-12));
  expect(decodeURIComponent(link)).toContain('key_shared_1');

  const other = await context.newPage();
  const sent: string[] = [];
  other.on('request', (request) => {
    if (!request.url().startsWith(new URL(link).origin)) sent.push(request.url());
  });
  await other.goto(link);
  const opened = other.locator('.kp-try-it');
  await expect(opened.getByText('Filled in from a shared link. Nothing has been sent')).toBeVisible();
  await expect(opened.getByLabel('Endpoint', { exact: true })).toHaveValue('keys.get');
  await expect(opened.getByLabel('id (path parameter)')).toHaveValue('key_shared_1');
  await expect(opened.getByRole('region', { name: 'Response' })).toBeHidden();
  expect(sent).toEqual([]);
});

test('the history keeps the session’s requests without keys and runs them again', async ({ page }) => {
  const console = await openConsole(page, '/quickstart/');
  await send(console, '200 OK');
  await chooseEndpoint(console, model.endpoints.find((e) => e.action.type === 'list')!.id);
  await send(console, '200 OK');
  await console.getByText('History of this session (2)').click();
  const history = console.getByRole('list', { name: /^History of this session/ });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await history.getByRole('button', { name: /^Run again\W+Who am I/ }).click();
  await expect(console.getByLabel('Endpoint', { exact: true })).toHaveValue('whoami.get');
  await expect(console.getByRole('region', { name: 'Response' }).locator('.kp-http')).toHaveText('200 OK');
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(console.getByText('History of this session (3)')).toBeVisible();

  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  const wallet = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key)!).keys as Array<{ secret: string }>,
    `keyport:wallet:${model.product.id}`,
  );
  for (const key of wallet) expect(stored).not.toContain(key.secret);
});

test('invalid JSON in the body is pointed out by line and column, and nothing is sent', async ({ page }) => {
  const console = await openConsole(page, '/quickstart/');
  await chooseEndpoint(console, 'keys.create');
  const body = console.getByLabel('Body (JSON)');
  await body.fill('{\n  "name": "CI",\n  "environment": "test",\n}');
  await expect(
    console.getByText('The body is not valid JSON: line 4, column 1: a comma right before } is not allowed in JSON; remove it.'),
  ).toBeVisible();
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await console.getByRole('button', { name: 'Send request' }).click();
  await expect(body).toBeFocused();
  await expect(console.getByRole('region', { name: 'Response' })).toBeHidden();
});

test('code snippets load on demand, follow the docs’ language tabs, and show the key only when asked', async ({ page }) => {
  const console = await openConsole(page, '/quickstart/');
  const snippetChunks = () =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /snippet-code/.test(e.name)).length);
  expect(await snippetChunks()).toBe(0);
  await send(console, '200 OK');
  const secret = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key)!).keys[0].secret as string,
    `keyport:wallet:${model.product.id}`,
  );

  await console.getByRole('button', { name: 'Show code' }).click();
  const code = console.getByRole('region', { name: 'curl code' });
  await expect(code).toContainText(`\${${model.product.envVar}:?`);
  expect(await snippetChunks()).toBe(1);
  expect(await code.textContent()).not.toContain(secret);

  // The code goes to the local sandbox by default, and says how to run it; the choice sticks.
  const testBase = model.environments.find((env) => env.id === 'test')!.baseUrl;
  await expect(console.getByLabel('Send to')).toHaveValue('local');
  await expect(code).toContainText(`${LOCAL_SANDBOX_ORIGIN}${new URL(testBase).pathname}`);
  await expect(console.getByRole('link', { name: localSandboxFile(model) })).toHaveAttribute('href', `/sandbox/${localSandboxFile(model)}`);
  await console.getByLabel('Send to').selectOption({ label: 'Real API' });
  await expect(code).toContainText(testBase);
  await expect(code).not.toContainText(LOCAL_SANDBOX_ORIGIN);
  await expect(console.getByText('sandbox keys do not work on the real')).toBeVisible();

  await console.getByLabel('Language').selectOption({ label: 'Python (requests)' });
  await expect(console.getByRole('region', { name: 'Python (requests) code' })).toContainText('os.environ');
  expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_STORAGE_KEY)).toBe('Python');
  // The docs' own tabs on the page switch along.
  await expect(page.getByRole('tab', { name: 'Python', exact: true }).first()).toHaveAttribute('aria-selected', 'true');

  await console.getByRole('checkbox', { name: 'Show my real key in the code' }).check();
  await expect(console.getByRole('region', { name: 'Python (requests) code' })).toContainText(secret);
  await console.getByRole('button', { name: 'Copy code' }).click();
  await expect(console.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(secret);

  // Choosing a tab in the docs changes the console's language too, here and after a reload.
  await page.getByRole('tab', { name: 'Node.js', exact: true }).first().click();
  await expect(console.getByLabel('Language')).toHaveValue('node');
  await page.reload();
  const again = await openConsole(page, '/quickstart/');
  await again.getByRole('button', { name: 'Show code' }).click();
  await expect(again.getByLabel('Language')).toHaveValue('node');
  await expect(again.getByLabel('Send to')).toHaveValue('api');
  await expect(again.getByRole('region', { name: 'Node.js (fetch) code' })).toContainText(`process.env.${model.product.envVar}`);
});

test.describe('when the browser does not let the sandbox’s service worker run', () => {
  test.use({ serviceWorkers: 'block' });

  test('the console and the key manager say so plainly instead of failing silently', async ({ page }) => {
    const console = await openConsole(page, '/quickstart/');
    await console.getByRole('button', { name: 'Send request' }).click();
    await expect(console.getByRole('alert')).toContainText('The sandbox could not start');
    await expect(console.getByRole('alert')).toContainText('Service workers are off in some private windows');

    await page.goto('/key-manager/');
    const manager = page.locator('.kp-key-manager');
    await manager.scrollIntoViewIfNeeded();
    await expect(page.locator('.not-content astro-island')).not.toHaveAttribute('ssr');
    await manager.getByRole('button', { name: 'Show my sandbox keys' }).click();
    await expect(manager.getByRole('alert')).toContainText('The sandbox could not start');
    // The reader can try again (e.g. after switching to a normal window).
    await expect(manager.getByRole('button', { name: 'Show my sandbox keys' })).toBeVisible();
  });
});
