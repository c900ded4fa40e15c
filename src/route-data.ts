/**
 * Starlight route middleware. The error catalogue's headings come from a component, which
 * Starlight's table of contents cannot see; this lists them from the model instead.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { model } from './api/index.ts';
import { errorHeadings } from './components/docs/error-order.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.id !== 'errors' || !route.toc) return;
  type TocItem = (typeof route.toc.items)[number];
  const items: TocItem[] = [];
  for (const heading of errorHeadings(model)) {
    if (heading.depth === 2) items.push({ ...heading, children: [] });
    else items.at(-1)?.children.push({ ...heading, children: [] });
  }
  route.toc.items = [...route.toc.items, ...items];
});
