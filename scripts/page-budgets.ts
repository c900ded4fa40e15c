/**
 * The JavaScript each built page loads, gzip-compressed, following imports, and the budgets it is
 * held to. `npm run size` prints it for dist/; `npm run bench:build` for a generated document's build.
 *
 * - "at load": module scripts in the page and everything they import statically, plus the
 *   code of every island (counted as if all hydrate at once: an upper bound).
 * - "lazy": what dynamic `import()`s can still fetch later (search UI, sandbox, editors).
 * Budgets: a page without islands ≤ 35 KB in all; a page with islands ≤ 150 KB at load;
 * the SDK bundle (with ky) ≤ 12 KB.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFiles, pagePath } from '../src/integrations/built-pages.ts';

export const KB = 1024;
export const BUDGET = { plainPage: 35 * KB, islandPage: 150 * KB, sdk: 12 * KB };

export const gzipBytes = (text: string | Buffer) => gzipSync(text).length;

export interface PageWeight {
  page: string;
  islands: number;
  atLoad: number;
  lazy: number;
  budget: number;
  /** What the budget holds: the JS at load for a page with islands, all of it for one without. */
  measured: number;
}

interface Imports {
  static: string[];
  dynamic: string[];
}

/** Weighs every page of the build in `dist`, sorted by address. */
export function pageWeights(dist: string): PageWeight[] {
  const gzipCache = new Map<string, number>();
  const fileGzip = (url: string): number => {
    if (!gzipCache.has(url)) {
      const path = join(dist, url);
      gzipCache.set(url, existsSync(path) ? gzipBytes(readFileSync(path)) : 0);
    }
    return gzipCache.get(url)!;
  };

  /** Import specifiers of a module, resolved to site paths; template-literal imports are skipped. */
  const importsOf = (url: string, source?: string): Imports => {
    const code = source ?? (existsSync(join(dist, url)) ? readFileSync(join(dist, url), 'utf8') : '');
    const resolve = (spec: string) => (spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec));
    const staticSpecs = [...code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g)].map((m) => m[1]!);
    const dynamicSpecs = [...code.matchAll(/import\(\s*["'`]([^"'`$]+\.m?js)["'`]\s*\)/g)].map((m) => m[1]!);
    return { static: staticSpecs.map(resolve), dynamic: dynamicSpecs.map(resolve) };
  };

  /** Every module reachable from the roots through static imports. */
  const staticClosure = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const url = queue.pop()!;
      if (seen.has(url)) continue;
      seen.add(url);
      queue.push(...importsOf(url).static);
    }
    return seen;
  };

  const lazyClosure = (loaded: Set<string>): Set<string> => {
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
  };

  const weights = htmlFiles(dist).map((file): PageWeight => {
    const html = readFileSync(file, 'utf8');
    const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    // Only scripts the browser runs: a `type="text/plain"` script is data (deferred code samples).
    const inline = [
      ...html.matchAll(/<script(?![^>]*src=)(?![^>]*type="(?!module"|text\/javascript")[^"]*")[^>]*>([\s\S]*?)<\/script>/g),
    ].map((m) => m[1]!);
    const islandTags = html.match(/<astro-island[^>]*>/g) ?? [];
    const islandUrls = islandTags.flatMap((tag) => [...tag.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]!));
    const islands = islandTags.length;
    const inlineImports = inline.flatMap((code) => importsOf('/index.js', code).static);
    const loaded = staticClosure([...srcs, ...inlineImports, ...islandUrls]);
    // Inline scripts travel inside the HTML, compressed together with it: gzip them as one.
    const inlineBytes = inline.length ? gzipBytes(inline.join('\n')) : 0;
    const atLoad = inlineBytes + [...loaded].reduce((sum, url) => sum + fileGzip(url), 0);
    const lazy = [...lazyClosure(loaded)].reduce((sum, url) => sum + fileGzip(url), 0);
    const budget = islands > 0 ? BUDGET.islandPage : BUDGET.plainPage;
    const measured = islands > 0 ? atLoad : atLoad + lazy;
    return { page: pagePath(dist, file), islands, atLoad, lazy, budget, measured };
  });
  return weights.sort((a, b) => a.page.localeCompare(b.page));
}
