import { expect, test } from '@playwright/test';
import { createKey, model, openKeyManager } from './widgets-helpers.ts';

const walletKey = `keyport:wallet:${model.product.id}`;

/** Ways a stored wallet goes bad: cut off, from another version, not an object, half readable. */
const DAMAGED: Array<[what: string, text: string, message: RegExp]> = [
  ['cut off', '{"version":1,"keys":[{"id":"key_', /could not be read \(it is not valid JSON\)/],
  ['from another version', '{"version":99,"keys":[]}', /another version, or edited by hand/],
  ['not an object', '"sk_test_"', /another version, or edited by hand/],
  ['with one bad entry', '{"version":1,"keys":[{"id":3}]}', /The wallet’s one saved entry could not be read/],
];

for (const [what, text, message] of DAMAGED) {
  test(`a wallet ${what} is reported after a reload and kept aside; a reset and a new key work`, async ({ page }) => {
    await openKeyManager(page);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [walletKey, text]);
    await page.reload();
    const manager = page.locator('.kp-key-manager');
    await manager.scrollIntoViewIfNeeded();
    await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible({ timeout: 20_000 });

    // The owner key's plaintext lived only in the wallet: the manager says so, and a reset makes a new one.
    await expect(manager.getByRole('alert')).toContainText('Reset the sandbox', { timeout: 20_000 });
    await manager.getByRole('alert').getByRole('button', { name: 'Reset the sandbox…' }).click();
    await page.getByRole('alertdialog', { name: 'Reset the sandbox?' }).getByRole('button', { name: 'Reset the sandbox' }).click();
    await expect(manager.locator('.kp-wallet')).toContainText('Sandbox owner');
    await expect(page.getByRole('status').filter({ hasText: message })).toBeHidden();

    await createKey(page, manager, { name: `After a damaged wallet (${what})` });
    const [saved, aside] = await page.evaluate(
      ([key]) => [localStorage.getItem(key!), localStorage.getItem(`${key!}:unreadable`)],
      [walletKey],
    );
    expect(aside).toBe(text);
    expect(saved).toContain(`After a damaged wallet (${what})`);
  });
}
