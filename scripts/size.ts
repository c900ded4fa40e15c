/**
 * `npm run size`: the JavaScript each built page loads, gzip-compressed, following imports,
 * checked against the performance budgets below. Reads dist/ and sdk-dist/; run `npm run build` first.
 *
 * - "at load": module scripts in the page and everything they import statically, plus the
 *   code of every island (counted as if all hydrate at once: an upper bound).
 * - "lazy": what dynamic `import()`s can still fetch later (search UI, sandbox, editors).
 * Budgets: a page without islands ≤ 35 KB in all; a page with islands ≤ 150 KB at load;
 * the SDK bundle (with ky) ≤ 12 KB.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The build to measure: `dist/`, or another build's folder (as `npm run bench:build` passes it).
const DIST = process.env['KEYPORT_OUT_DIR'] || 'dist';
const SDK_BUNDLE = 'sdk-dist/keyport-sdk.min.js';
const KB = 1024;
const BUDGET = { plainPage: 35 * KB, islandPage: 150 * KB, sdk: 12 * KB };

if (!existsSync(DIST)) {
  console.error('No dist/ folder: run `npm run build` first.');
  process.exit(1);
}

const gzipCache = new Map<string, number>();
const gz = (text: string | Buffer) => gzipSync(text).length;

function fileGzip(url: string): number {
  if (!gzipCache.has(url)) {
    const path = join(DIST, url);
    gzipCache.set(url, existsSync(path) ? gz(readFileSync(path)) : 0);
  }
  return gzipCache.get(url)!;
}

interface Imports {
  static: string[];
  dynamic: string[];
}

/** Import specifiers of a module, resolved to site paths; template-literal imports are skipped. */
function importsOf(url: string, source?: string): Imports {
  const code = source ?? (existsSync(join(DIST, url)) ? readFileSync(join(DIST, url), 'utf8') : '');
  const resolve = (spec: string) => (spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec));
  const staticSpecs = [...code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g)].map((m) => m[1]!);
  const dynamicSpecs = [...code.matchAll(/import\(\s*["'`]([^"'`$]+\.m?js)["'`]\s*\)/g)].map((m) => m[1]!);
  return { static: staticSpecs.map(resolve), dynamic: dynamicSpecs.map(resolve) };
}

/** Every module reachable from the roots through static imports. */
function staticClosure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    queue.push(...importsOf(url).static);
  }
  return seen;
}

function lazyClosure(loaded: Set<string>): Set<string> {
  const lazy = new Set<string>();
  const queue = [...loaded].flatMap((url) => importsOf(url).dynamic);
  while (queue.length) {
    const url = queue.pop()!;
    if (loaded.has(url) || lazy.has(url)) continue;
    lazy.add(url);
    const { static: s, dynamic: d } = importsOf(url);
    queue.push(...s, ...d);
  }
  return lazy;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

interface Row {
  page: string;
  islands: number;
  atLoad: number;
  lazy: number;
  budget: number;
  measured: number;
}

const rows: Row[] = htmlFiles(DIST).map((file) => {
  const html = readFileSync(file, 'utf8');
  const page =
    '/' +
    relative(DIST, file)
      .replace(/index\.html$/, '')
      .replace(/\\/g, '/');
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  // Only scripts the browser runs: a `type="text/plain"` script is data (deferred code samples).
  const inline = [
    ...html.matchAll(/<script(?![^>]*src=)(?![^>]*type="(?!module"|text\/javascript")[^"]*")[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]!);
  const islandTags = html.match(/<astro-island[^>]*>/g) ?? [];
  const islandUrls = islandTags.flatMap((tag) => [...tag.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]!));
  const islands = (html.match(/<astro-island/g) ?? []).length;
  const inlineImports = inline.flatMap((code) => importsOf('/index.js', code).static);
  const loaded = staticClosure([...srcs, ...inlineImports, ...islandUrls]);
  // Inline scripts travel inside the HTML, compressed together with it: gzip them as one.
  const inlineBytes = inline.length ? gz(inline.join('\n')) : 0;
  const atLoad = inlineBytes + [...loaded].reduce((sum, url) => sum + fileGzip(url), 0);
  const lazy = [...lazyClosure(loaded)].reduce((sum, url) => sum + fileGzip(url), 0);
  const budget = islands > 0 ? BUDGET.islandPage : BUDGET.plainPage;
  const measured = islands > 0 ? atLoad : atLoad + lazy;
  return { page, islands, atLoad, lazy, budget, measured };
});

rows.sort((a, b) => a.page.localeCompare(b.page));
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const table = rows.map((row) => ({
  page: row.page,
  islands: row.islands,
  'at load': kb(row.atLoad),
  lazy: kb(row.lazy),
  checked: `${kb(row.measured)} / ${kb(row.budget)}`,
  ok: row.measured <= row.budget ? '✓' : '✗ over',
}));
console.table(table);

let failed = rows.filter((row) => row.measured > row.budget).length;
if (existsSync(SDK_BUNDLE)) {
  const sdk = gz(readFileSync(SDK_BUNDLE));
  const ok = sdk <= BUDGET.sdk;
  console.log(`SDK + ky (${SDK_BUNDLE}, minified): ${kb(sdk)} gzip / budget ${kb(BUDGET.sdk)} ${ok ? '✓' : '✗ over'}`);
  if (!ok) failed += 1;
} else {
  console.log(`SDK bundle not found at ${SDK_BUNDLE}: run \`npm run build:sdk\`.`);
  failed += 1;
}
if (failed > 0) {
  console.error(`${failed} budget(s) exceeded.`);
  process.exit(1);
}
console.log('All pages within budget.');
