import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  env,
  examples,
  gotoHydrated,
  listing,
  model,
  openWithCode,
  output,
  requestLog,
  run,
  runButton,
  sdk,
  watchForeignRequests,
} from './playground-helpers.ts';

const list = model.endpoints.find((e) => e.action.type === 'list')!;

/** The code the playground saved for a reload (`code-store.ts`), as stored. */
const savedCode = (page: Page) => page.evaluate((id) => localStorage.getItem(`keyport:playground:${id}`), model.product.id);

test.describe('before the reader asks for the editor', () => {
  test('the page shows the code as a listing and loads no editor, and the editor takes its place without moving anything', async ({
    page,
  }) => {
    const editorRequests: string[] = [];
    page.on('request', (request) => {
      if (/code-editor|editor\.api|ts\.worker|editor\.worker|tsMode|run-session/.test(request.url())) editorRequests.push(request.url());
    });
    await gotoHydrated(page, '/playground/');
    await page.waitForLoadState('networkidle');
    await expect(listing(page)).toContainText(`import { createClient } from '${sdk}'`);
    expect(editorRequests).toEqual([]);

    // Where things sit on the page (not in the viewport: focusing the editor may scroll).
    const place = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const box = el.getBoundingClientRect();
          return { top: box.top + scrollY, left: box.left, width: box.width, height: box.height };
        });
    const before = await place('.kp-playground__code');
    const outputBefore = await place('.kp-playground__output');
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('textbox', { name: /TypeScript code/ })).toBeFocused({ timeout: 20_000 });
    expect(editorRequests.length).toBeGreaterThan(0);
    expect(await place('.kp-playground__code')).toEqual(before);
    expect(await place('.kp-playground__output')).toEqual(outputBefore);
    // Every request of the editor came from this site.
    expect(editorRequests.every((url) => new URL(url).origin === new URL(page.url()).origin)).toBe(true);
  });
});

test('the editor knows the SDK: completions for resources, and type errors for a bad option and a wrong narrowing', async ({ page }) => {
  await openWithCode(
    page,
    `import { createClient, isPermissionError } from '${sdk}';

const client = createClient({ apiKey: process.env.${env}, retries: 3 });
try {
  await client.whoami.get();
} catch (error) {
  if (isPermissionError(error)) console.log(error.retryAfter);
}
`,
  );
  await page.getByRole('button', { name: 'Edit' }).click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText(`'retries' does not exist in type 'ClientOptions'`, { timeout: 20_000 });
  await expect(problems).toContainText(`Property 'retryAfter' does not exist on type 'PermissionError'`);
  // The same errors are Monaco markers: squiggles in the editor.
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(2);

  // Hovering a function shows its JSDoc from the SDK.
  await page.locator('.view-line', { hasText: 'const client = createClient' }).getByText('createClient', { exact: true }).hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Creates a client for the API' })).toBeVisible({ timeout: 10_000 });

  // Completions list the client's resources, from the SDK's built declarations.
  const editor = page.getByRole('textbox', { name: /TypeScript code/ });
  await editor.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('client.');
  const suggestions = page.locator('.suggest-widget');
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText(list.id.split('.')[0]!);
  await expect(suggestions).toContainText('whoami');
});

test.describe('every example runs and prints what it says', () => {
  for (const example of examples) {
    test(`${example.title}`, async ({ page, context, baseURL }) => {
      const leaks = await watchForeignRequests(context, page, new URL(baseURL!).origin);
      await gotoHydrated(page, '/playground/');
      await page.getByRole('button', { name: example.title }).click();
      await expect(listing(page)).toContainText(example.code.split('\n')[0]!);
      const printed = await run(page);
      expect(printed).toContain('Finished in');
      let from = 0;
      for (const text of example.expect) {
        const at = printed.indexOf(text, from);
        expect(at, `"${text}" after position ${from} in:\n${printed}`).toBeGreaterThanOrEqual(from);
        from = at + text.length;
      }
      expect(printed).not.toMatch(/Uncaught|type errors?/);
      expect(leaks).toEqual([]);
    });
  }
});

test('an uncaught error shows its stack at the line of the reader’s code, and the editor marks that line', async ({ page }) => {
  await openWithCode(
    page,
    `// A comment, and a type that compiles away, keep the line numbers honest.
interface Order {
  id: string;
}

function check(order: Order) {
  throw new Error(\`order \${order.id} is not valid\`);
}
check({ id: 'o_1' });
`,
  );
  const printed = await run(page);
  expect(printed).toContain('Uncaught Error: order o_1 is not valid');
  expect(printed).toMatch(/at check \(playground\.ts:7:9\)/);
  expect(printed).toMatch(/at playground\.ts:9:1/);
  expect(printed).toContain('Ended by an uncaught error');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
});

test('console output is formatted like Node’s', async ({ page }) => {
  await openWithCode(
    page,
    `console.log('text', 42, null, undefined, [1, 'a'], { a: 1, nested: { deep: { deeper: true } } });
console.log(new Map([['k', 1]]), new Set([1]), 10n);
console.log('%s has %d items', 'cart', 3);
console.warn('careful');
console.error(new TypeError('bad'));
`,
  );
  const printed = await run(page);
  expect(printed).toContain(`text 42 null undefined [ 1, 'a' ] { a: 1, nested: { deep: { deeper: true } } }`);
  expect(printed).toContain(`Map(1) { 'k' => 1 } Set(1) { 1 } 10n`);
  expect(printed).toContain('cart has 3 items');
  await expect(output(page).locator('.kp-playground__line--warn', { hasText: 'careful' })).toBeVisible();
  await expect(output(page).locator('.kp-playground__line--error', { hasText: 'TypeError: bad' })).toContainText('playground.ts:5:15');
});

test.describe('runaway code', () => {
  test('an endless loop can be stopped, and the page keeps answering while it runs', async ({ page }) => {
    await openWithCode(page, `console.log('looping');\nwhile (true) {}\n`);
    await runButton(page).click();
    await expect(output(page)).toContainText('looping', { timeout: 20_000 });
    await expect(runButton(page)).toBeDisabled();

    // The loop runs in the sandbox's worker: the page's own buttons still react at once.
    const example = page.getByRole('button', { name: examples[5]!.title });
    const started = Date.now();
    await example.click();
    await expect(example).toHaveAttribute('aria-pressed', 'true', { timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(output(page)).toContainText(/Stopped after \d+\.\d+ s\./, { timeout: 1000 });
    await expect(runButton(page)).toBeEnabled();
  });

  test('a run that does not end is stopped at the time limit', async ({ page }) => {
    test.setTimeout(45_000);
    await openWithCode(page, `setInterval(() => {}, 1000);\nconsole.log('waiting for ever');\n`);
    const printed = await run(page, 20_000);
    expect(printed).toContain('waiting for ever');
    expect(printed).toMatch(/Stopped: the run reached the 10 s time limit/);
  });

  test('an endless stream of output is cut off instead of flooding the page', async ({ page }) => {
    await openWithCode(page, `for (let i = 0; ; i++) console.log('line', i);\n`);
    await runButton(page).click();
    await expect(output(page)).toContainText('more output was dropped', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(output(page)).toContainText('Stopped after');
    expect(await output(page).locator('pre').count()).toBeLessThan(2100);
  });
});

test.describe('sharing and saving', () => {
  test('a share link carries the code but no key, and opening it restores the code without running it', async ({ page, context }) => {
    await gotoHydrated(page, '/playground/');
    const rotation = examples.find((e) => e.id === 'rotation')!;
    await page.getByRole('button', { name: rotation.title }).click();
    // A run first, so the wallet holds a key that a careless link could carry.
    await run(page);
    const secrets = await page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.startsWith('keyport:wallet:'))
        .flatMap(([, value]) => (JSON.parse(value) as { keys: Array<{ secret: string }> }).keys.map((k) => k.secret)),
    );
    expect(secrets.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByLabel('Link to this code').inputValue();
    expect(link).toMatch(/\/playground\/#code=[\w-]+$/);
    for (const secret of secrets) expect(link).not.toContain(secret);
    for (const env of model.environments) expect(link).not.toContain(env.keyPrefix);

    const reader = await context.newPage();
    const requests: string[] = [];
    reader.on('request', (r) => requests.push(r.url()));
    await reader.goto(link);
    await expect(listing(reader)).toContainText(rotation.code.split('\n')[1]!);
    await expect(reader.getByRole('status').filter({ hasText: 'came from a shared link' })).toBeVisible();
    await expect(output(reader)).toContainText('Press Run');
    await expect(requestLog(reader)).toContainText('Requests the code sends');
    // The code now lives in the page; the address no longer carries it (nor any key).
    await expect.poll(() => new URL(reader.url()).hash).toBe('');
    // Once the page has settled, nothing has loaded the runner, the editor or the sandbox.
    await reader.waitForLoadState('networkidle');
    expect(requests.filter((url) => /run-session|code-editor|mockServiceWorker/.test(url))).toEqual([]);
  });

  test('Share refuses code that contains a key', async ({ page }) => {
    await gotoHydrated(page, '/playground/');
    await page.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('textbox', { name: /TypeScript code/ });
    await expect(editor).toBeFocused({ timeout: 20_000 });
    await editor.press('ControlOrMeta+A');
    await page.keyboard.insertText(`const key = '${model.environments[1]!.keyPrefix}${'a1B2c3D4'.repeat(4)}abcdef';\n`);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'contains an API key' })).toBeVisible();
    await expect(page.getByLabel('Link to this code')).toHaveCount(0);
    // Nor is the key saved with the code (saved a moment after the last edit).
    await expect.poll(() => savedCode(page)).toContain('KEY_REMOVED_USE_PROCESS_ENV');
    expect(await savedCode(page)).not.toContain('a1B2c3D4');
  });

  test('the last code survives a reload', async ({ page }) => {
    await gotoHydrated(page, '/playground/');
    const webhook = examples.find((e) => e.id === 'webhooks')!;
    await page.getByRole('button', { name: webhook.title }).click();
    // The code is saved a moment after it changes; reload once it is.
    await expect
      .poll(async () => (JSON.parse((await savedCode(page)) ?? 'null') as { exampleId?: string } | null)?.exampleId)
      .toBe(webhook.id);
    await page.reload();
    await expect(listing(page)).toContainText(webhook.code.split('\n')[1]!);
    await expect(page.getByRole('button', { name: webhook.title })).toHaveAttribute('aria-pressed', 'true');
    await expect(output(page)).toContainText('Press Run');
  });

  test('“Open in the playground” under an SDK sample opens that sample, not run', async ({ page }) => {
    await gotoHydrated(page, '/sdk/');
    const links = page.getByRole('link', { name: 'Open in the playground' });
    expect(await links.count()).toBeGreaterThanOrEqual(5);
    await links.first().click();
    await expect(page).toHaveURL(/\/playground\/$/);
    await expect(listing(page)).toContainText(`const client = createClient();`);
    await expect(listing(page)).toContainText(`client.${list.id}({ limit: 10 })`);
    await expect(output(page)).toContainText('Press Run');
    const printed = await run(page);
    expect(printed).toContain('Finished in');
  });
});

test.describe('when the sandbox cannot start', () => {
  test.use({ serviceWorkers: 'block' });

  test('the run says so, requests fail with the reason, and code that needs no API still runs', async ({ page }) => {
    await openWithCode(
      page,
      `const response = await fetch('${model.environments.find((e) => e.id === 'test')!.baseUrl}/me');\nconsole.log(response.status);\n`,
    );
    const printed = await run(page);
    expect(printed).toMatch(/sandbox could not start/i);
    expect(printed).toContain('Requests to the API will fail');
    expect(printed).toMatch(/Uncaught TypeError: GET .* failed: The sandbox could not start/);
    await expect(requestLog(page)).toContainText('failed');

    await page.getByRole('button', { name: examples.find((e) => e.id === 'webhooks')!.title }).click();
    const webhook = await run(page);
    expect(webhook).toContain('Refused: signature_mismatch');
  });
});

test.describe('looks and access', () => {
  test('the editor follows the site’s theme, and axe finds nothing in either theme once it has run', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await gotoHydrated(page, '/playground/');
    await run(page);
    const background = () =>
      page
        .locator('.monaco-editor-background')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const luminance = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((sum, n) => sum + Number(n), 0);
    expect(luminance(await background())).toBeLessThan(200);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${String(v.nodes[0]?.target)}`)).toEqual([]);

    await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption('light');
    await expect.poll(async () => luminance(await background())).toBeGreaterThan(600);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${String(v.nodes[0]?.target)}`)).toEqual([]);
  });

  test('at phone width nothing overflows, and the whole run works from the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await gotoHydrated(page, '/playground/');
    await page.getByRole('button', { name: examples[5]!.title }).focus();
    await page.keyboard.press('Enter');
    await runButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(output(page)).toContainText('Finished in', { timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('code that attacks the page', () => {
  /** The longest main-thread task (ms) since `watchLongTasks`, from the browser's own Long Tasks API. */
  const watchLongTasks = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
  const longestTask = (page: Page) => page.evaluate(() => (window as unknown as { longest: number }).longest);

  test('forged console messages are clipped and counted by the page, which stays responsive', async ({ page }) => {
    await openWithCode(
      page,
      `// Replaces the worker's own postMessage to send what its limits would not.
const send = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, transfer?: Transferable[]) {
  MessagePort.prototype.postMessage = send;
  for (let i = 0; i < 5; i++) send.call(this, { type: 'console', entries: [{ level: 'log', text: 'x'.repeat(20_000_000) }] });
  for (let i = 0; i < 3000; i++) send.call(this, { type: 'console', entries: [{ level: 'log', text: 'forged ' + i }] });
  return send.call(this, message, transfer ?? []);
} as typeof send;
console.log('hello');
`,
    );
    await watchLongTasks(page);
    const text = await run(page);
    expect(text).toContain('more characters');
    expect(text).toContain('more output was dropped');
    expect(text).not.toContain('x'.repeat(20_001));
    const longest = await longestTask(page);
    console.log(`forged flood: longest main-thread task ${Math.round(longest)} ms`);
    expect(longest).toBeLessThan(2000);
    await expect(runButton(page)).toBeEnabled();
  });

  test('a program that allocates without bound is ended with a message, and the tab survives', async ({ page }) => {
    test.setTimeout(60_000);
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await openWithCode(page, `const hoard: number[][] = [];\nfor (;;) hoard.push(new Array(1e6).fill(Math.random()));\n`);
    await watchLongTasks(page);
    const text = await run(page, 40_000);
    expect(text).toContain('without pausing (an endless loop, or memory allocated without bound)');
    expect(crashed).toBe(false);
    console.log(`memory bomb: longest main-thread task ${Math.round(await longestTask(page))} ms`);
    await expect(runButton(page)).toBeEnabled();
  });
});
