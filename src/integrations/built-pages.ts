/**
 * The pages of a built site: its HTML files and the address each one answers. Read by the link
 * check at build time and by the size scripts after it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML page of a build, outside its asset and search-index folders. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The site path a built file answers, e.g. dist/errors/index.html → /errors/. */
export function pagePath(dist: string, file: string): string {
  return (
    '/' +
    relative(dist, file)
      .replace(/\\/g, '/')
      .replace(/index\.html$/, '')
  );
}
