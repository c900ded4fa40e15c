/**
 * Starlight route middleware, for what a page's frontmatter cannot say because it comes from the
 * model: the landing page's title (also its search-result name) and tagline, and the error
 * catalogue's headings, which come from a component that Starlight's table of contents cannot see,
 * and, for an API whose keys are full-access only, the summaries and outline that would speak of
 * choosing scopes.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { fullAccessOnly, model } from './api/index.ts';
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

/** Summaries for a full-access-only API's pages whose frontmatter speaks of scopes to choose. */
const FULL_ACCESS_ONLY_DESCRIPTIONS: Record<string, string> = {
  scopes: `Keys of ${model.product.name} are full-access only: what that means, and how to limit what a leaked key can do.`,
  errors:
    'Every error the API returns — 401 missing, invalid, revoked or expired key, 429 rate limited and more — with its body, cause and fix.',
  'best-practices': 'A checklist for handling API keys safely, from storage to rotation and monitoring.',
};

function describe(route: StarlightRouteData, description: string): void {
  route.entry.data.description = description;
  for (const tag of route.head) {
    if (tag.tag === 'meta' && (tag.attrs?.name === 'description' || tag.attrs?.property === 'og:description'))
      tag.attrs.content = description;
  }
}

/** The scopes page of a full-access-only API leaves its sections on choosing scopes out, so its outline does too. */
function outlineFullAccessOnly(route: StarlightRouteData): void {
  if (route.toc) route.toc.items = route.toc.items.filter((item) => item.slug === '_top');
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.id === '') nameLandingPage(route);
  if (route.id === 'errors') listErrorHeadings(route);
  if (fullAccessOnly(model)) {
    const description = FULL_ACCESS_ONLY_DESCRIPTIONS[route.id];
    if (description) describe(route, description);
    if (route.id === 'scopes') outlineFullAccessOnly(route);
  }
});
