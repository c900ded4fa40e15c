import { expect, test } from '@playwright/test';
import { env, gotoHydrated, model, openWithCode, requestLog, run, watchForeignRequests } from './playground-helpers.ts';

const MARKER = 'portal-secret-7f3a';
const testBase = model.environments.find((e) => e.id === 'test')!.baseUrl;

test('the code cannot read the portal’s storage, cookies or wallet, and reaches nothing but the sandbox', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const leaks = await watchForeignRequests(context, page, origin);
  await gotoHydrated(page, '/playground/');
  // Something to steal: a marker in every store the portal has.
  await page.evaluate(async (marker) => {
    localStorage.setItem('playground-test-marker', marker);
    sessionStorage.setItem('playground-test-marker', marker);
    document.cookie = `playground_test=${marker}; path=/`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('playground-test-marker');
      open.onupgradeneeded = () => open.result.createObjectStore('s').put(marker, 'marker');
      open.onsuccess = () => resolve(open.result.close());
      open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    });
  }, MARKER);

  await openWithCode(
    page,
    `const tries: Record<string, string> = {};
async function attempt(name: string, read: () => unknown) {
  try {
    tries[name] = String(await read());
  } catch (error) {
    tries[name] = \`refused: \${(error as Error).name}: \${(error as Error).message}\`;
  }
}
const scope = globalThis as Record<string, any>;
await attempt('localStorage', () => scope.localStorage?.getItem('playground-test-marker') ?? 'no localStorage');
await attempt('sessionStorage', () => scope.sessionStorage?.getItem('playground-test-marker') ?? 'no sessionStorage');
await attempt('cookies', () => scope.document?.cookie ?? 'no document');
await attempt('parent', () => scope.parent?.localStorage?.getItem('playground-test-marker') ?? 'no parent');
await attempt('indexedDB', () => new Promise((resolve, reject) => {
  const open = indexedDB.open('playground-test-marker');
  open.onsuccess = () => resolve('opened ' + open.result.objectStoreNames.length + ' stores');
  open.onerror = () => reject(open.error);
}));
await attempt('origin', () => scope.origin);
await attempt('env', () => Object.keys(process.env).join(','));
await attempt('the portal, through fetch', () => fetch('${origin}/playground/').then((r) => r.status));
// XMLHttpRequest does not go through the playground's fetch: the sandbox's CSP stops it.
await attempt('the network, past the playground', () => new Promise((resolve, reject) => {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', 'https://example.com/');
  xhr.onload = () => resolve(xhr.status);
  xhr.onerror = () => reject(new TypeError('XMLHttpRequest failed'));
  xhr.send();
}));
await attempt('another site, through fetch', () => fetch('https://example.com/').then((r) => r.status));
await attempt('the sandbox', () => fetch('${testBase}/me').then((r) => r.status));
for (const [name, result] of Object.entries(tries)) console.log(\`\${name} → \${result}\`);
`,
  );
  const printed = await run(page);
  expect(printed).not.toContain(MARKER);
  expect(printed).toContain('localStorage → no localStorage');
  expect(printed).toContain('sessionStorage → no sessionStorage');
  expect(printed).toContain('cookies → no document');
  expect(printed).toContain('parent → no parent');
  expect(printed).toMatch(/indexedDB → refused: SecurityError/);
  expect(printed).toContain('origin → null');
  expect(printed).toContain(`env → ${env}`);
  expect(printed).toMatch(/the portal, through fetch → refused: TypeError: Refused GET .*reaches only the sandbox/);
  expect(printed).toMatch(/the network, past the playground → refused: TypeError/);
  expect(printed).toMatch(/another site, through fetch → refused: TypeError: Refused GET https:\/\/example\.com\//);
  expect(printed).toContain('the sandbox → 401');
  await expect(requestLog(page).getByRole('row', { name: /example\.com.*refused/ })).toBeVisible();
  expect(leaks).toEqual([]);
});

test('the key is injected as process.env, never written into the code', async ({ page }) => {
  await openWithCode(
    page,
    `const key = process.env.${env} ?? '';\nconsole.log(key.length > 20 ? 'a key is set' : 'no key', key.slice(0, ${model.environments[1]!.keyPrefix.length}));\n`,
  );
  const printed = await run(page);
  expect(printed).toContain(`a key is set ${model.environments.find((e) => e.id === 'test')!.keyPrefix}`);
  const code = await page.getByRole('region', { name: /^Code/ }).or(page.locator('.monaco-editor')).first().innerText();
  expect(code).not.toMatch(new RegExp(`${model.environments[1]!.keyPrefix}[0-9A-Za-z]{20}`));

  await page.getByLabel(`Key in process.env.${env}`).selectOption({ label: 'No key' });
  expect(await run(page)).toContain('no key');
});
