/**
 * `npm run lighthouse`: Lighthouse (mobile settings) on the built site, in the same Chromium the
 * tests use. Prints performance and accessibility scores, LCP and TBT per page. A measurement,
 * not a test: it never fails the build. Run `npm run build` first. Pages to measure can be given
 * as arguments (`npm run lighthouse -- /reference/api-keys/`); otherwise the usual five.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumExecutable } from '../tests/chromium.ts';

const DEFAULT_PAGES = ['/', '/quickstart/', '/errors/', '/reference/', '/playground/'];
const PAGES = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_PAGES;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The preview server did not answer at ${url}.`);
}

const port = await freePort();
const preview = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const base = `http://127.0.0.1:${port}`;
const chrome = await chromeLauncher.launch({
  chromePath: chromiumExecutable(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

try {
  await waitFor(base + '/');
  const rows = [];
  for (const path of PAGES) {
    const result = await lighthouse(base + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
    });
    const lhr = result!.lhr;
    rows.push({
      page: path,
      performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories['accessibility']?.score ?? 0) * 100),
      LCP: lhr.audits['largest-contentful-paint']?.displayValue,
      TBT: lhr.audits['total-blocking-time']?.displayValue,
    });
  }
  console.table(rows);
} finally {
  chrome.kill();
  preview.kill();
}
