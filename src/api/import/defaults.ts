/**
 * The settings OpenAPI has no words for, derived from the document when `x-keyport` does not give
 * them: the product from `info`, environments from `servers`, key prefixes from the product name,
 * and Keyport's usual key policy, rate limits, webhook signing and monitoring.
 */
import type { z } from 'zod';
import { standardErrors } from '../presets/standard-errors.ts';
import { fullAccessOnly } from '../runtime/scopes.ts';
import type { environmentSchema } from '../schema/environments.ts';
import type { PresetInput } from '../schema/index.ts';
import type { OpenApiDocument } from './document.ts';
import { pointer, type ImportWarning } from './problems.ts';

type EnvironmentInput = z.input<typeof environmentSchema>;

const words = (text: string) => text.match(/[A-Za-z0-9]+/g) ?? [];

/** "Swagger Petstore API" → "Swagger Petstore". */
const productName = (title: string) => title.replace(/\s+API$/i, '').trim() || title;

function firstSentence(text: string | undefined): string | undefined {
  const line = text
    ?.split('\n')
    .map((l) => l.replace(/[#*_`>]/g, '').trim())
    .find(Boolean);
  return line?.match(/^.*?[.!?](?:\s|$)/)?.[0]?.trim() ?? line;
}

export function defaultProduct(document: OpenApiDocument): PresetInput['product'] {
  const name = productName(document.info.title);
  const slug = words(name).join('-').toLowerCase() || 'api';
  const id = /^[a-z]/.test(slug) ? slug : `api-${slug}`;
  const docsUrl = document.externalDocs?.url?.replace(/\/+$/, '');
  return {
    id,
    name,
    docsTitle: document.info.title,
    tagline: document.info.summary ?? firstSentence(document.info.description) ?? `The ${name} API.`,
    envVar: `${id.replace(/-/g, '_').toUpperCase()}_API_KEY`,
    sdkPackage: `@${id}/sdk`,
    docsUrl: docsUrl && /^https?:\/\//.test(docsUrl) ? docsUrl : `https://docs.${id}.example.com`,
    dashboardUrl: `https://${id}.example.com/settings/api-keys`,
  };
}

/** Server URL with its variables at their defaults, absolute, without a trailing slash. */
function serverUrl(server: NonNullable<OpenApiDocument['servers']>[number]): string {
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? name);
  return new URL(url, 'https://api.example.com').href.replace(/\/+$/, '');
}

const TEST_WORDS = /sandbox|test|staging|stage|dev|mock/i;

/**
 * Two environments, as the model has: the server that looks like a test one (by its URL or
 * description) becomes `test`, the other `live`. With one server, the test environment gets a
 * `sandbox.` host of its own, so keys sent to the wrong one can be told apart.
 */
export function defaultEnvironments(document: OpenApiDocument, productId: string, warnings: ImportWarning[]): EnvironmentInput[] {
  const servers = (document.servers ?? []).map((server) => ({ url: serverUrl(server), description: server.description }));
  // "pet-shelter" → "petshelter_live_"; a long name keeps its first word: "swagger-petstore" → "swagger_live_".
  const joined = productId.replace(/[^a-z0-9]/g, '');
  const prefix = (joined.length > 10 ? productId.split('-')[0]!.slice(0, 10) : joined) || 'key';
  const testIndex = servers.findIndex((s) => TEST_WORDS.test(`${s.url} ${s.description ?? ''}`));
  const live = servers.find((_, i) => i !== testIndex) ?? servers[0];
  let test = testIndex >= 0 && servers[testIndex] !== live ? servers[testIndex] : undefined;
  const liveUrl = live?.url ?? 'https://api.example.com';
  if (!live)
    warnings.push({ pointer: pointer('servers'), message: 'No server is given; the portal shows https://api.example.com. Add `servers`.' });
  if (!test) {
    const url = new URL(liveUrl);
    url.hostname = `sandbox.${url.hostname}`;
    test = { url: url.href.replace(/\/+$/, ''), description: undefined };
    warnings.push({
      pointer: pointer('servers'),
      message: `No test server is given; the test environment is shown at ${test.url}. Add a second server, or set \`x-keyport.environments\`.`,
    });
  }
  return [
    {
      id: 'live',
      name: 'Production',
      baseUrl: liveUrl,
      keyPrefix: `${prefix}_live_`,
      realEffects: true,
      description: live?.description ?? 'Requests have real effects.',
    },
    {
      id: 'test',
      name: 'Test',
      baseUrl: test.url,
      keyPrefix: `${prefix}_test_`,
      realEffects: false,
      description: test.description ?? 'For building and testing integrations; nothing real happens.',
    },
  ];
}

/** Everything else a preset states, at Keyport's usual values. */
/** Event names of an OpenAPI 3.1 document's `webhooks` that read as Keyport event types (`pet.adopted`). */
function documentedEvents(document: OpenApiDocument): string[] {
  return Object.keys(document.webhooks ?? {}).filter((name) => /^[a-z_]+\.[a-z_.]+$/.test(name));
}

export function defaultSettings(
  document: OpenApiDocument,
  productName: string,
  scopes: Pick<PresetInput, 'scopes'>,
): Omit<PresetInput, 'product' | 'environments' | 'auth' | 'scopes' | 'collections' | 'endpoints' | 'errorFormat' | 'management'> {
  return {
    keyFormat: { randomLength: 32, checksumLength: 6, storedHash: 'sha256' },
    keyPolicy: {
      expiryDays: [null, 30, 90, 365],
      rollGraceSeconds: [0, 3600, 86_400, 604_800],
      ipAllowlist: false,
      canDisable: true,
      nameMaxLength: 100,
      maxKeysPerAccount: 100,
      rotateEveryDays: 90,
      propagationSeconds: 0,
    },
    access: { mode: 'per-key' },
    keyTemplates: [],
    errors: standardErrors(
      {
        missingKey: 'API key is required',
        invalidKey: 'Invalid API key',
        forbidden: 'API key does not have permission for this action',
        unauthorizedKind: 'Unauthorized',
        forbiddenKind: 'Forbidden',
      },
      // A key of a full-access-only API can never lack a scope.
      { omit: fullAccessOnly(scopes) ? ['ip_not_allowed', 'insufficient_scope'] : ['ip_not_allowed'] },
    ),
    rateLimits: { tiers: [{ id: 'standard', name: 'Standard', limit: 60, windowSeconds: 60 }], sandboxTier: 'standard' },
    webhooks: {
      scheme: 'standard',
      signatureHeader: 'webhook-signature',
      toleranceSeconds: 300,
      secretPrefix: 'whsec_',
      events: documentedEvents(document).length
        ? documentedEvents(document)
        : [`${words(productName).join('_').toLowerCase() || 'api'}.event`],
    },
    monitoring: { authFailureWindowMinutes: 15, authFailureThreshold: 0.25, minimumRequests: 5 },
  };
}

/** Key management and "who am I" at their usual paths, or below `/keyport` when the API uses those. */
export function defaultManagement(paths: string[]): PresetInput['management'] {
  const taken = (path: string) => paths.some((p) => p === path || p.startsWith(`${path}/`));
  const free = !taken('/api-keys') && !taken('/me');
  return { keysPath: free ? '/api-keys' : '/keyport/api-keys', whoamiPath: free ? '/me' : '/keyport/me', scopes: ['full_access'] };
}
