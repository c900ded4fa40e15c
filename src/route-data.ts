/**
 * Starlight route middleware, for what a page's frontmatter cannot say because it comes from the
 * model: the landing page's title (also its search-result name) and tagline, and the error
 * catalogue's headings, which come from a component that Starlight's table of contents cannot see.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { model } from './api/index.ts';
import { errorHeadings } from './components/docs/error-order.ts';

/** The landing page names the product: "HueChat API developer portal", not a generic title. */
function nameLandingPage(route: StarlightRouteData): void {
  const title = `${model.product.name} API developer portal`;
  route.entry.data.title = title;
  route.entry.data.hero = { ...route.entry.data.hero, actions: route.entry.data.hero?.actions ?? [], tagline: model.product.tagline };
  for (const tag of route.head) {
    // The site's title would only repeat the product's name after it.
    if (tag.tag === 'title') tag.content = title;
    if (tag.tag === 'meta' && (tag.attrs?.property === 'og:title' || tag.attrs?.name === 'twitter:title')) tag.attrs.content = title;
  }
}

function listErrorHeadings(route: StarlightRouteData): void {
  if (!route.toc) return;
  type TocItem = (typeof route.toc.items)[number];
  const items: TocItem[] = [];
  for (const heading of errorHeadings(model)) {
    if (heading.depth === 2) items.push({ ...heading, children: [] });
    else items.at(-1)?.children.push({ ...heading, children: [] });
  }
  route.toc.items = [...route.toc.items, ...items];
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.id === '') nameLandingPage(route);
  if (route.id === 'errors') listErrorHeadings(route);
});
