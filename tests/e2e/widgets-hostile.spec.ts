/**
 * Hostile input in every field of the widgets: very long text, unicode, markup, control and
 * direction characters. Each gets a clear message or is shown as plain text; no script runs
 * (any `alert` would open a dialog) and the page keeps working.
 */
import { expect, test, type Page } from '@playwright/test';
import { errorDefinition } from '../../src/api/runtime/index.ts';
import { chooseEndpoint, createKey, forbidDialogs, model, openConsole, openKeyManager, send } from './widgets-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const UNICODE = 'Ключ 🔑 مفتاح 鍵';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the key manager refuses or safely shows hostile text in every field', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  const errors = watchErrors(page);
  const max = model.keyPolicy.nameMaxLength;
  const manager = await openKeyManager(page);
  const name = manager.getByLabel('Key name', { exact: true });
  const create = manager.getByRole('button', { name: 'Create key' });

  await name.fill('x'.repeat(5000));
  await create.click();
  await expect(manager.getByText(`Names are at most ${max} characters; this one has 5000. Shorten it.`)).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();

  await name.fill('bad\u0007name\u0000');
  await create.click();
  await expect(manager.getByText(/Names cannot contain control characters/)).toBeVisible();

  await name.fill('invoice\u202Egpj.exe');
  await create.click();
  await expect(manager.getByText(/invisible text-direction characters/)).toBeVisible();

  // Spaces alone are no name: the key gets the default one, never "   ".
  await name.fill('   ');
  await create.click();
  const reveal = page.getByRole('dialog', { name: 'Copy your new key now' });
  await expect(reveal.getByRole('textbox', { name: /^New key for “\S/ })).toBeVisible();
  await reveal.getByRole('button', { name: 'Close' }).click();
  await reveal.getByRole('button', { name: 'Close without copying' }).click();

  // Markup and unicode are fine names: they are stored and shown as the text they are.
  for (const text of [SCRIPT, IMG, UNICODE]) {
    await createKey(page, manager, { name: text });
    await expect(manager.getByRole('button', { name: text, exact: true })).toBeVisible();
  }
  await expect(page.locator('body img[src="x"]')).toHaveCount(0);

  if (model.keyPolicy.ipAllowlist) {
    const allowlist = manager.getByLabel('IP allowlist (optional)');
    await name.fill('Locked down');
    await allowlist.fill(SCRIPT);
    await create.click();
    await expect(manager.getByText(/is not an IP address or range/)).toBeVisible();
    await expect(allowlist).toHaveAttribute('aria-invalid', 'true');
    // Well shaped but impossible: the sandbox refuses it and says why, next to the field.
    await allowlist.fill('999.1.1.1');
    await create.click();
    await expect(manager.getByText(/999\.1\.1\.1.*is not/)).toBeVisible();
    await allowlist.fill('x'.repeat(3000));
    await create.click();
    await expect(manager.getByText(/is not an IP address or range/)).toBeVisible();
  }

  await manager.getByRole('button', { name: SCRIPT, exact: true }).click();
  const rename = manager.getByLabel('Rename');
  await rename.fill('y'.repeat(max + 1));
  await manager.getByRole('button', { name: 'Save name' }).click();
  await expect(manager.getByText(`Names are at most ${max} characters; this one has ${max + 1}. Shorten it.`)).toBeVisible();
  await rename.fill(`${UNICODE} ${IMG}`);
  await manager.getByRole('button', { name: 'Save name' }).click();
  await expect(manager.getByRole('button', { name: `${UNICODE} ${IMG}`, exact: true })).toBeVisible();

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('the console answers hostile text in every field with a clear message', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  const errors = watchErrors(page);
  const console = await openConsole(page, '/quickstart/');
  const getter = model.endpoints.find((e) => e.action.type === 'get' && e.path.includes('{id}'))!;
  const lister = model.endpoints.find((e) => e.action.type === 'list')!;
  const creator = model.endpoints.find((e) => e.action.type === 'create' && 'collection' in e.action)!;
  const notFound = errorDefinition(model, 'not_found').title;
  const invalid = errorDefinition(model, 'validation_failed').title;

  // Path id: markup, unicode with control characters, and very long text all reach the API safely encoded.
  await chooseEndpoint(console, getter.id);
  const id = console.getByLabel('id (path parameter)');
  for (const value of [SCRIPT, `${UNICODE}\u0000\u202E`, 'z'.repeat(5000)]) {
    await id.fill(value);
    const response = await send(console, '404 Not Found');
    await expect(response.getByRole('heading', { name: new RegExp(notFound) })).toBeVisible();
  }
  await id.fill('');
  await console.getByRole('button', { name: 'Send request' }).click();
  await expect(console.getByText(/Enter the record’s id/)).toBeVisible();

  // Query parameters.
  await chooseEndpoint(console, lister.id);
  const limit = console.getByLabel(/^limit \(query parameter/);
  for (const value of [SCRIPT, 'x'.repeat(5000), UNICODE]) {
    await limit.fill(value);
    const response = await send(console, /^422/);
    await expect(response.getByRole('heading', { name: new RegExp(invalid) })).toBeVisible();
  }
  await limit.fill('');

  // Bodies: not JSON, a control character inside a string, very long values, unicode.
  await chooseEndpoint(console, creator.id);
  const body = console.getByLabel('Body (JSON)');
  await body.fill(SCRIPT);
  await expect(
    console.getByText(
      'The body is not valid JSON: line 1, column 1: unexpected “<”: expected a value (an object, array, string, number, true, false or null).',
    ),
  ).toBeVisible();
  await body.fill('{"name": "a\u0001b"}');
  await expect(console.getByText(/line 1, column 12: a control character \(U\+0001\) cannot appear inside a string/)).toBeVisible();
  await body.fill('['.repeat(5000));
  await expect(console.getByText(/nested more than 256 levels deep/)).toBeVisible();
  await body.fill(JSON.stringify({ name: 'n'.repeat(50_000) }));
  let response = await send(console, '422 Unprocessable Content');
  await expect(response.getByRole('heading', { name: new RegExp(invalid) })).toBeVisible();
  await body.fill(JSON.stringify({ name: `${UNICODE} ${SCRIPT}` }));
  response = await send(console, /^201/);
  await expect(response.getByRole('region', { name: 'Body' })).toContainText(`${UNICODE} ${SCRIPT}`);

  // Pasted keys: markup and long text are caught offline; characters no header can carry are never sent.
  await chooseEndpoint(console, 'whoami.get');
  await console.getByLabel('API key', { exact: true }).selectOption('pasted');
  const key = console.getByLabel('Your key');
  for (const value of [SCRIPT, 'k'.repeat(10_000)]) {
    await key.fill(value);
    await console.getByRole('button', { name: 'Send request' }).click();
    await expect(console.getByRole('alert')).toContainText('This key looks wrong:');
  }
  await console.getByRole('button', { name: /Send anyway/ }).click();
  await expect(console.getByRole('region', { name: 'Response' }).locator('.kp-http')).toHaveText('401 Unauthorized');
  for (const value of [`sk_test_\u0007${'a'.repeat(37)}`, `sk_test_${UNICODE}`]) {
    await key.fill(value);
    await console.getByRole('button', { name: 'Send request' }).click();
    await expect(console.getByRole('alert')).toContainText('cannot travel in an HTTP header');
    await expect(console.getByRole('button', { name: /Send anyway/ })).toBeHidden();
  }

  // The code panel and a shared link show hostile text as text.
  await chooseEndpoint(console, creator.id);
  await body.fill(JSON.stringify({ name: `${SCRIPT}${IMG}` }));
  await console.getByRole('button', { name: 'Show code' }).click();
  await expect(console.getByRole('region', { name: 'curl code' })).toContainText(SCRIPT);
  await console.getByRole('button', { name: 'Copy link to this request' }).click();
  const link = await console.getByLabel('Link to this request').inputValue();
  await page.goto('about:blank');
  const opened = await openConsole(page, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(opened.getByLabel('Body (JSON)')).toHaveValue(JSON.stringify({ name: `${SCRIPT}${IMG}` }));

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await expect(page.locator('body img[src="x"]')).toHaveCount(0);
});

test('a damaged or hostile shared link is reported, not obeyed', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await openConsole(page, '/quickstart/#try-it=%7Bnot-json');
  await expect(page.getByText('The request in this link could not be read')).toBeVisible();
  const hostile = encodeURIComponent(JSON.stringify({ endpoint: IMG, id: SCRIPT, body: SCRIPT, scheme: SCRIPT }));
  await page.goto('about:blank');
  await openConsole(page, `/quickstart/#try-it=${hostile}`);
  await expect(page.getByText(/The link names an endpoint this API does not have/)).toBeVisible();
  await expect(page.locator('.kp-try-it').getByLabel('Endpoint', { exact: true })).toHaveValue('whoami.get');
  expect(dialogs).toEqual([]);
});
