/**
 * Layout at a phone's width (390 px) and a laptop's (1280 px), measured in real Chromium: no
 * select cuts its text short, the playground puts the code beside its output when there is room
 * and keeps the editor usable when there is not, and the rate-limit chart draws inside its axes.
 * Each test saves screenshots (attached to the report) of what it measured.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { axeViolations, openLab } from './labs-helpers.ts';
import { gotoHydrated, listing, output, run } from './playground-helpers.ts';
import { openConsole, send } from './widgets-helpers.ts';

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;
const THEMES = ['light', 'dark'] as const;

/** Saves a screenshot of the page as it is now, and attaches it to the report. */
async function shoot(page: Page, info: TestInfo, name: string, target?: Locator): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await (target ?? page).screenshot({ path, ...(target ? {} : { fullPage: true }) });
  await info.attach(name, { path, contentType: 'image/png' });
}

/**
 * The options of `select` whose text is wider than the room the select gives it, measured with the
 * select's own font. Chromium keeps about 1.5em at the end for the arrow.
 */
function cutOffOptions(select: Locator): Promise<string[]> {
  return select.evaluate((element: HTMLSelectElement) => {
    const style = getComputedStyle(element);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const arrow = 1.5 * parseFloat(style.fontSize);
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
    return [...element.options]
      .filter((option) => context.measureText(option.text).width > room)
      .map((option) => `${option.text} (${Math.round(context.measureText(option.text).width)} px in ${Math.round(room)} px)`);
  });
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the console’s key selects show every option whole, on rows of their own', async ({ page }, info) => {
      const console = await openConsole(page, '/quickstart/');
      const scheme = console.getByLabel('Send the key in', { exact: true });
      const key = console.getByLabel('API key', { exact: true });
      await expect(key.locator('option', { hasText: 'Sandbox owner key (made on first request)' })).toHaveCount(1);
      // After a request the owner key is in the wallet, listed under its name and masked secret.
      await send(console, '200 OK');
      const owner = key.locator('option', { hasText: /^Sandbox owner · / });
      await expect(owner).toHaveCount(1);
      await key.selectOption(await owner.getAttribute('value'));
      await shoot(page, info, `console-${size.width}`, console);

      const form = await console.locator('form').boundingBox();
      for (const select of [scheme, key]) {
        expect(await cutOffOptions(select)).toEqual([]);
        // A full row: as wide as the form, not half of it.
        const box = (await select.boundingBox())!;
        expect(box.width).toBeGreaterThan(form!.width - 2);
      }
      const [schemeBox, keyBox] = [(await scheme.boundingBox())!, (await key.boundingBox())!];
      expect(keyBox.y).toBeGreaterThanOrEqual(schemeBox.y + schemeBox.height);
    });

    for (const theme of THEMES) {
      test(`playground (${theme}): the code and the output ${size.width >= 960 ? 'side by side' : 'stacked'}, Edit after Run, one Finished line`, async ({
        page,
      }, info) => {
        await page.emulateMedia({ colorScheme: theme });
        await gotoHydrated(page, '/playground/');
        const code = page.locator('.kp-playground__code');
        const log = output(page);
        const [codeBox, logBox] = [(await code.boundingBox())!, (await log.boundingBox())!];
        // Usable on a phone: tall enough to read a program, most of the screen's width.
        expect(codeBox.height).toBeGreaterThanOrEqual(320);
        if (size.width >= 960) {
          // Beside each other, on a page wider than the docs' column.
          expect(logBox.x).toBeGreaterThanOrEqual(codeBox.x + codeBox.width);
          expect(logBox.y).toBeLessThan(codeBox.y + codeBox.height / 2);
          expect(codeBox.width + logBox.width).toBeGreaterThan(900);
        } else {
          expect(codeBox.width).toBeGreaterThanOrEqual(size.width * 0.82);
          expect(logBox.y).toBeGreaterThanOrEqual(codeBox.y + codeBox.height);
        }
        await expect(listing(page)).toBeVisible();
        await shoot(page, info, `playground-${size.width}-${theme}-before`);

        const printed = await run(page);
        expect(printed).toContain('Finished in');
        // Said once on the page: in the output, not again in the status line.
        await expect(page.getByText(/Finished in \d/)).toHaveCount(1);
        await expect(page.getByRole('status').filter({ hasText: /Finished/ })).toHaveCount(0);

        // The run loaded the editor; Edit is still there and takes the focus back to the code.
        const edit = page.getByRole('button', { name: 'Edit', exact: true });
        await expect(edit).toBeEnabled();
        await edit.click();
        await expect(page.getByRole('textbox', { name: /^TypeScript code/ })).toBeFocused();
        expect((await code.boundingBox())!.height).toBeGreaterThanOrEqual(320);
        await shoot(page, info, `playground-${size.width}-${theme}-after-run`);
      });
    }

    test('the rate-limit chart’s waiting bands stay inside its axes', async ({ page }, info) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      const lab = await openLab(page, '/rate-limits/', 'Rate-limit lab');
      await lab.getByRole('radio', { name: /Fast-forward the sandbox’s clock/ }).check();
      await lab.getByRole('button', { name: 'Send it through the SDK with retries' }).click();
      const chart = lab.getByRole('region', { name: 'Through the SDK, with retries' }).getByRole('img');
      await expect(chart).toHaveAccessibleName(/the SDK waited out Retry-After/, { timeout: 30_000 });

      const [xAxis, yAxis] = [
        (await chart.locator('line.kp-chart__axis').nth(0).boundingBox())!,
        (await chart.locator('line.kp-chart__axis').nth(1).boundingBox())!,
      ];
      const bands = chart.locator('rect.kp-lab-chart__wait');
      expect(await bands.count()).toBeGreaterThan(0);
      for (const band of await bands.all()) {
        const box = (await band.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(xAxis.x - 1);
        expect(box.x + box.width).toBeLessThanOrEqual(xAxis.x + xAxis.width + 1);
        expect(box.y).toBeGreaterThanOrEqual(yAxis.y - 1);
        expect(box.y + box.height).toBeLessThanOrEqual(yAxis.y + yAxis.height + 1);
      }
      await shoot(page, info, `rate-limit-chart-${size.width}`, chart);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
