/**
 * Fails the build when a page links to a page or an anchor that does not exist. It reads the
 * built HTML, so links in MDX, in components and in generated pages (reference, errors) are all
 * checked, anchors included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles, pagePath } from './built-pages.ts';

export function brokenLinks(dist: string): string[] {
  const files = htmlFiles(dist);
  const ids = new Map<string, Set<string>>();
  const html = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    html.set(pagePath(dist, file), text);
    ids.set(pagePath(dist, file), new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  }
  const problems: string[] = [];
  for (const [page, text] of html) {
    for (const [, href] of text.matchAll(/<a\s[^>]*href="([^"]+)"/g)) {
      if (!href || /^(https?:|mailto:|tel:|data:)/.test(href) || href.startsWith('//')) continue;
      const url = new URL(href.replace(/&amp;/g, '&'), `http://site${page}`);
      const target = decodeURIComponent(url.pathname);
      const anchor = decodeURIComponent(url.hash.slice(1));
      const targetIds = ids.get(target) ?? ids.get(target.endsWith('/') ? target : `${target}/`);
      if (!targetIds) {
        if (!existsSync(join(dist, target))) problems.push(`${page} links to ${href}: no such page`);
        continue;
      }
      // A fragment like `#code=…` carries state for the page's script (the playground's shared
      // code), not an anchor; heading ids never contain "=".
      if (anchor && anchor !== '_top' && !anchor.includes('=') && !targetIds.has(anchor))
        problems.push(`${page} links to ${href}: no #${anchor} on ${target}`);
    }
  }
  return [...new Set(problems)];
}

export default function linkCheck(): AstroIntegration {
  return {
    name: 'keyport-link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const problems = brokenLinks(fileURLToPath(dir));
        if (problems.length > 0) {
          throw new Error(`Broken links (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        }
        logger.info('All internal links and anchors resolve.');
      },
    },
  };
}
