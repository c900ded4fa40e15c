// @ts-check
import react from '@astrojs/react';
import starlight from '@astrojs/starlight';
import starlightLlmsTxt from 'starlight-llms-txt';
import linkCheck from './src/integrations/link-check.ts';
import localSandbox from './src/integrations/local-sandbox.ts';
import { defineConfig } from 'astro/config';
import { keyLine, model, presetName } from './src/api/index.ts';
import { referencePages } from './src/components/reference/reference-pages.ts';

const preset = presetName();

/** One sidebar entry per docs page; the order is the order a newcomer reads in. */
const sidebar = [
  { label: 'Start here', items: ['overview', 'quickstart', 'authentication'] },
  {
    label: 'API keys',
    items: ['api-keys', 'key-manager', 'key-types', 'scopes', 'rotation', 'revocation', 'storing-keys', 'usage-and-audit'],
  },
  { label: 'Handling responses', items: ['errors', 'rate-limits', 'troubleshooting'] },
  { label: 'Webhooks', items: ['webhooks'] },
  { label: 'SDK', items: ['sdk', { label: 'Playground', link: '/playground/' }] },
  {
    label: 'API reference',
    items: [
      { label: 'Overview', link: '/reference/' },
      ...referencePages(model).map((page) => ({ label: page.tag, link: `/reference/${page.slug}/` })),
      { label: 'OpenAPI document', link: '/openapi.json', attrs: { target: '_self' } },
    ],
  },
  { label: 'Checklist', items: ['best-practices'] },
];

export default defineConfig({
  site: model.product.docsUrl,
  // Tests build a second preset beside the default one (see scripts/test-all.ts).
  outDir: process.env.KEYPORT_OUT_DIR || './dist',
  // The preset is fixed at build time; the browser sandbox reads it from here.
  vite: {
    define: { 'import.meta.env.KEYPORT_PRESET': JSON.stringify(preset) },
    build: {
      rolldownOptions: {
        // TODO: remove once withastro/astro#18087 is fixed: every MDX page triggers a
        // MODULE_LEVEL_DIRECTIVE warning for Astro's own "use astro:head-inject" directive.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: model.product.docsTitle,
      description: model.product.tagline,
      favicon: '/favicon.svg',
      sidebar,
      customCss: ['./src/styles/keyport.css'],
      routeMiddleware: './src/route-data.ts',
      // Code wraps instead of scrolling sideways: readable on phones, and no scroll region
      // that keyboard users cannot reach.
      expressiveCode: { defaultProps: { wrap: true, preserveIndent: true } },
      plugins: [
        starlightLlmsTxt({
          projectName: model.product.docsTitle,
          description: model.product.tagline,
          details: `Every request authenticates with an API key in ${model.auth.schemes
            .map((s) => keyLine(s, '<key>'))
            .join(' or ')}. The full API is described by the OpenAPI document at /openapi.json.`,
          optionalLinks: [
            {
              label: 'OpenAPI document',
              url: `${model.product.docsUrl}/openapi.json`,
              description: 'Every endpoint, its scopes and responses.',
            },
            { label: 'API reference', url: `${model.product.docsUrl}/reference/`, description: 'The same, as web pages.' },
          ],
        }),
      ],
      lastUpdated: false,
      pagination: true,
      // The 404 page is a docs entry (src/content/docs/404.mdx) with links onward.
      disable404Route: true,
    }),
    react(),
    // The downloadable local sandbox; before the link check, which then finds the file the docs link to.
    localSandbox({ preset, model }),
    linkCheck(),
  ],
});
