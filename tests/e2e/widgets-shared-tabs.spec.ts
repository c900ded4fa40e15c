/**
 * Two tabs of the site share one sandbox: when both create keys at the same moment, every key
 * reaches the saved sandbox (each tab saves under a Web Lock and merges, mocks/merge-state.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { withKey } from '../../src/api/runtime/index.ts';
import { createKey, model, openKeyManager } from './widgets-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const testBase = model.environments.find((e) => e.id === 'test')!.baseUrl;
const PER_TAB = 20;

/** Creates `count` keys from the page, through its sandbox, all at once; returns their ids. */
function createKeys(page: Page, { url, headers }: { url: string; headers: Record<string, string> }, prefix: string): Promise<string[]> {
  return page.evaluate(
    async ({ url, headers, prefix, count }) => {
      const created = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: `${prefix} ${i}` }),
          });
          if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
          return ((await response.json()) as { id: string }).id;
        }),
      );
      return created;
    },
    { url, headers, prefix, count: PER_TAB },
  );
}

test('two tabs creating 20 keys each at the same moment keep all 40', async ({ page }) => {
  const first = await openKeyManager(page);
  const secret = await createKey(page, first, { name: 'Used by both tabs' });
  const create = withKey(model.auth.schemes[0]!, secret, `${testBase}${model.management.keysPath}`);

  const other = await page.context().newPage();
  await openKeyManager(other);

  const [a, b] = await Promise.all([createKeys(page, create, 'Tab A'), createKeys(other, create, 'Tab B')]);
  expect(new Set([...a, ...b]).size).toBe(2 * PER_TAB);

  // A third tab reads only what was saved.
  const third = await page.context().newPage();
  const manager = await openKeyManager(third);
  await expect(manager.getByRole('table')).toBeVisible();
  const listed = await third.evaluate(
    async ({ url, headers }) => {
      const response = await fetch(url, { headers });
      return ((await response.json()) as { data: { id: string }[] }).data.map((key) => key.id);
    },
    withKey(model.auth.schemes[0]!, secret, `${testBase}${model.management.keysPath}?limit=100`),
  );
  expect(listed).toEqual(expect.arrayContaining([...a, ...b]));
});
