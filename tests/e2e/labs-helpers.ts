/**
 * The labs specs' one page helper: open a docs page at its lab, wait until the island has
 * hydrated, and check the whole page with axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export async function openLab(page: Page, path: string, name: string): Promise<Locator> {
  await page.goto(path);
  const lab = page.getByRole('region', { name, exact: true });
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('.not-content', { has: lab }).locator('.kp-gate')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
  return lab;
}

/** Every axe violation on the page, as `rule (count) first target`. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}: ${v.help}`);
}
