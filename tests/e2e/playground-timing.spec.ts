/**
 * Measures what a reader waits for on the built site, and prints it: Edit → a ready editor, and
 * Run → the first line the code prints (cold: first run of the page; warm: the next one).
 * The bounds are loose on purpose (two shared cores); the printed numbers are the measurement.
 */
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated, output, runButton } from './playground-helpers.ts';

const between = (page: Page, start: string, end: string) =>
  page.evaluate(
    ([a, b]) => {
      const last = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime;
      const from = last(a!);
      const to = last(b!);
      return from === undefined || to === undefined ? null : Math.round(to - from);
    },
    [start, end],
  );

async function runOnce(page: Page): Promise<number> {
  await runButton(page).click();
  await expect(output(page)).toContainText('Finished in', { timeout: 30_000 });
  const ms = await between(page, 'playground:run', 'playground:first-output');
  expect(ms).not.toBeNull();
  return ms!;
}

test('timings: Edit to a ready editor, Run to the first output', async ({ page, browser, baseURL }, info) => {
  await gotoHydrated(page, '/playground/');
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: /TypeScript code/ })).toBeFocused({ timeout: 30_000 });
  const edit = await between(page, 'playground:edit', 'playground:editor-ready');
  const firstRun = await runOnce(page);
  const secondRun = await runOnce(page);

  // A new visitor (empty cache) who presses Run without Edit waits for the compiler too.
  const context = await browser.newContext({ baseURL: baseURL! });
  const fresh = await context.newPage();
  await gotoHydrated(fresh, '/playground/');
  const coldRun = await runOnce(fresh);
  await context.close();

  const lines = [
    `Edit → editor ready: ${edit} ms`,
    `Run → first output, first run (runner, sandbox start, compile): ${firstRun} ms`,
    `Run → first output, next run: ${secondRun} ms`,
    `Run → first output for a new visitor who did not press Edit (loads editor and compiler too): ${coldRun} ms`,
  ];
  for (const line of lines) info.annotations.push({ type: 'timing', description: line });
  console.log(`\nPlayground timings (built site, Chromium, this machine):\n  ${lines.join('\n  ')}`);
  expect(edit).toBeLessThan(15_000);
  expect(secondRun).toBeLessThan(5_000);
});
