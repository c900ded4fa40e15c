/**
 * The plain data the interactive widgets need from the API model, computed at build time in the
 * Astro wrappers and handed to the islands as props: the console, the key manager and every lab
 * (the error lab's cases are in `labs/error-cases.ts`, the webhook workbench's sample in
 * `labs/webhook-sample.ts`, both built on what is here). Islands never import the model itself:
 * it brings zod and every preset, which would more than double the JavaScript a page loads before
 * the reader does anything, and they import only the types from here. Each island receives
 * exactly what it shows or needs to provoke, so a preset change reaches it through here and
 * nowhere else. Server-side only (imports the model's zod schemas).
 */
import type { z } from 'zod';
import { LOCAL_SANDBOX_ORIGIN, localSandboxFile, targetBaseUrl } from '../../api/code-targets.ts';
import { buildRequest, sampleId } from '../../api/example-request.ts';
import { requestExample } from '../../api/examples.ts';
import { fullAccessOnlyNote, type FullAccessOnlyNote } from '../../api/full-access-keys.ts';
import type { ApiModel } from '../../api/model.ts';
import {
  defaultScheme,
  errorDocsPath,
  fullAccessScope,
  keyPlacement,
  keyHeaderNames,
  type KeyPlacement,
  missingScopes,
  RATE_LIMIT_HEADERS,
  schemeLabel,
} from '../../api/runtime/index.ts';
import type { Endpoint } from '../../api/schema/endpoints.ts';
import type { EnvironmentId } from '../../api/schema/environments.ts';
import { renderOptions, renderSnippet, snippetSettings, type SnippetSettings } from '../snippets/render.ts';
import { KEY_PLACEHOLDER } from './key-placeholder.ts';

export interface ProductInfo {
  id: string;
  name: string;
  envVar: string;
  sdkPackage: string;
}

export interface EnvironmentInfo {
  id: 'live' | 'test';
  name: string;
  baseUrl: string;
  keyPrefix: string;
}

/** An accepted auth scheme: where the key goes (a header, or a query parameter), and how a form names it. */
export type SchemeInfo = KeyPlacement & {
  /** `bearer`, the header's name, or `?` and the query parameter's name (the SDK's `authScheme`). */
  id: string;
  /** e.g. "X-API-Key header", "Authorization: Bearer" or "api_key query parameter". */
  label: string;
};

export interface QueryField {
  name: string;
  description: string;
  required: boolean;
  /** What the console starts with for a required parameter: the documented or generated example; else empty. */
  example: string;
}

/** An endpoint as the widgets call it through the SDK (`client.<resource>.<method>()`). */
export interface EndpointRef {
  id: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  scopes: string[];
  hasId: boolean;
  /** The path's parameters before `{id}`, in order, e.g. `['domain_name']`; the SDK method takes them first. */
  parents: string[];
  hasBody: boolean;
  /** Whether the SDK method takes a query object (list endpoints). */
  hasQuery: boolean;
}

/** An endpoint as a form offers it: with its query fields, an example body and a sample id. */
export interface EndpointInfo extends EndpointRef {
  query: QueryField[];
  /** The documented example body, pretty-printed; empty when the endpoint takes none. */
  exampleBody: string;
  /** An id the sandbox knows, for endpoints with `{id}`; empty otherwise. */
  sampleId: string;
  /** A value for each of `parents` that the sandbox accepts. */
  sampleParents: Record<string, string>;
}

export interface ErrorInfo {
  id: string;
  status: number;
  title: string;
  cause: string;
  fix: string;
  /** Its anchor on the errors page, e.g. `/errors/#revoked-api-key`. */
  docsPath: string;
}

export interface ScopeInfo {
  id: string;
  description: string;
  group: string;
  grantsAll: boolean;
}

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  scopes: string[];
}

/** What every widget knows about the API. */
export interface ApiInfo {
  product: ProductInfo;
  environments: EnvironmentInfo[];
  schemes: SchemeInfo[];
  fullAccessScope: string;
  /** Scopes a key needs to manage keys (empty where any key may). */
  managementScopes: string[];
}

export interface TargetInfo {
  productName: string;
  /** The local sandbox's origin and file, e.g. `http://127.0.0.1:8787` and `/sandbox/huechat-sandbox.mjs`. */
  localOrigin: string;
  localFile: string;
  localFileUrl: string;
  /** Where the docs explain running the local sandbox. */
  guideUrl: string;
}

export interface ConsoleData extends ApiInfo {
  endpoints: EndpointInfo[];
  errors: ErrorInfo[];
  codeTargets: TargetInfo;
  /** What the code panel's snippets need of the model. */
  snippets: SnippetSettings;
}

/**
 * The access a new key gets unless the reader chooses otherwise: the least the model allows.
 * `label` says it in words, e.g. "Read-only analytics".
 */
export type DefaultAccess = { label: string } & (
  { kind: 'template'; id: string } | { kind: 'scopes'; scopes: string[] } | { kind: 'role' }
);

/** A first request with a new key: the who-am-I call, which any valid key may make. */
export interface FirstRequestInfo {
  endpoint: EndpointRef;
  /**
   * curl for it against the local sandbox, per environment, with `KEY_PLACEHOLDER` where the key
   * goes: the key exists only in the reader's browser, so the page puts it in when copying.
   */
  curl: Record<EnvironmentId, string>;
  /** Where the docs explain running the local sandbox with this browser's keys. */
  localGuide: string;
}

export interface KeyManagerData extends ApiInfo {
  scopes: ScopeInfo[];
  /** Narrowest first: the form offers them in this order, the first preselected. */
  templates: TemplateInfo[];
  /** What a key gets when the reader picks nothing: the narrowest template, else the narrowest scope. */
  defaultAccess: DefaultAccess;
  firstRequest: FirstRequestInfo;
  /** For a full-access-only API: what its keys may do and how to limit a leaked one's reach. */
  fullAccessNote: FullAccessOnlyNote | null;
  /** For account-role APIs: the role the sandbox's account has, and what it grants. */
  role: { name: string; scopes: string[] } | null;
  keyPolicy: {
    expiryDays: Array<number | null>;
    rollGraceSeconds: number[];
    ipAllowlist: boolean;
    nameMaxLength: number;
    /** Keys can be disabled and enabled again (`status: 'inactive'`). */
    canDisable: boolean;
  };
  /** Endpoint id → "GET /me", for usage tables. */
  endpointLabels: Record<string, string>;
  /** When the usage view warns about authentication failures. */
  monitoring: { authFailureWindowMinutes: number; authFailureThreshold: number; minimumRequests: number };
}

export const endpointRef = (endpoint: Endpoint): EndpointRef => ({
  id: endpoint.id,
  method: endpoint.method,
  path: endpoint.path,
  summary: endpoint.summary,
  tag: endpoint.tag,
  scopes: endpoint.scopes,
  hasId: endpoint.path.includes('{id}'),
  parents: [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name!).filter((name) => name !== 'id'),
  hasBody: Boolean(endpoint.body),
  hasQuery: Boolean(endpoint.query),
});

function apiInfo(model: ApiModel): ApiInfo {
  return {
    product: {
      id: model.product.id,
      name: model.product.name,
      envVar: model.product.envVar,
      sdkPackage: model.product.sdkPackage,
    },
    environments: model.environments.map(({ id, name, baseUrl, keyPrefix }) => ({ id, name, baseUrl, keyPrefix })),
    // The default scheme first: forms preselect it, and it sends the key in a header when the API takes one.
    schemes: [defaultScheme(model.auth.schemes), ...model.auth.schemes.filter((s) => s !== defaultScheme(model.auth.schemes))].map(
      (scheme) => {
        const placement = keyPlacement(scheme);
        return { ...placement, id: placement.scheme, label: schemeLabel(scheme) };
      },
    ),
    fullAccessScope: fullAccessScope(model).id,
    managementScopes: model.management.scopes,
  };
}

function queryFields(endpoint: Endpoint): QueryField[] {
  if (!endpoint.query) return [];
  return Object.entries(endpoint.query.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    description: field.description ?? '',
    required: !field.safeParse(undefined).success,
    example: [endpoint.queryExample?.[name] ?? ''].flat()[0] ?? '',
  }));
}

export function endpointInfo(model: ApiModel, endpoint: Endpoint): EndpointInfo {
  const ref = endpointRef(endpoint);
  const body = endpoint.body ? requestExample(model, endpoint) : undefined;
  return {
    ...ref,
    query: queryFields(endpoint),
    exampleBody: body === undefined ? '' : JSON.stringify(body, null, 2),
    sampleId: ref.hasId ? sampleId(model, endpoint) : '',
    sampleParents: Object.fromEntries(ref.parents.map((name) => [name, endpoint.pathExample?.[name] ?? ''])),
  };
}

export const errorInfos = (model: ApiModel): ErrorInfo[] =>
  model.errors.map(({ id, status, title, cause, fix }) => ({ id, status, title, cause, fix, docsPath: errorDocsPath(id) }));

const scopeInfos = (model: ApiModel): ScopeInfo[] =>
  model.scopes.map(({ id, description, group, grantsAll }) => ({ id, description, group, grantsAll }));

/**
 * The console's data; `only` limits its endpoints to those ids (a reference page offers its own,
 * so a page of an API with hundreds of operations does not carry them all).
 */
export function consoleData(model: ApiModel, only?: readonly string[]): ConsoleData {
  return {
    ...apiInfo(model),
    codeTargets: {
      productName: model.product.name,
      localOrigin: LOCAL_SANDBOX_ORIGIN,
      localFile: localSandboxFile(model),
      localFileUrl: `/sandbox/${localSandboxFile(model)}`,
      guideUrl: '/quickstart/#your-sandbox-keys-outside-the-browser',
    },
    snippets: snippetSettings(model),
    endpoints: model.endpoints.filter((endpoint) => !only || only.includes(endpoint.id)).map((endpoint) => endpointInfo(model, endpoint)),
    errors: errorInfos(model),
  };
}

/**
 * How much a set of scopes lets a key do, for ordering choices narrowest first: the endpoints
 * that change data it may call, then all endpoints it may call, then its number of scopes.
 */
function reach(model: ApiModel, scopes: readonly string[]): [number, number, number] {
  const full = fullAccessScope(model).id;
  const allowed = model.endpoints.filter((endpoint) => missingScopes(endpoint, scopes, full).length === 0);
  return [allowed.filter((endpoint) => endpoint.method !== 'GET').length, allowed.length, scopes.length];
}

const narrower = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The model's key templates, narrowest first (the sort is stable: equals keep the model's order). */
export function templatesNarrowestFirst(model: ApiModel): TemplateInfo[] {
  return model.keyTemplates
    .map(({ id, name, description, scopes }) => ({ template: { id, name, description, scopes }, reach: reach(model, scopes) }))
    .sort((a, b) => narrower(a.reach, b.reach))
    .map(({ template }) => template);
}

/** The least access a new key can have here: see `DefaultAccess`. */
export function defaultAccess(model: ApiModel): DefaultAccess {
  const access = model.access;
  if (access.mode === 'account-role') {
    return { kind: 'role', label: `the ${access.roles.find((r) => r.id === access.sandboxRole)!.name} role` };
  }
  const template = templatesNarrowestFirst(model)[0];
  if (template) return { kind: 'template', id: template.id, label: template.name };
  const scope = model.scopes
    .filter((s) => !s.grantsAll)
    .map((s) => ({ id: s.id, reach: reach(model, [s.id]) }))
    .sort((a, b) => narrower(a.reach, b.reach))[0]?.id;
  if (!scope) return { kind: 'scopes', scopes: [fullAccessScope(model).id], label: 'full access, the only access its keys have' };
  return { kind: 'scopes', scopes: [scope], label: scope };
}

export function firstRequestInfo(model: ApiModel): FirstRequestInfo {
  const endpoint = whoamiEndpoint(model);
  const curl = (env: EnvironmentId) =>
    renderSnippet(
      'curl',
      buildRequest(model, endpoint, { baseUrl: targetBaseUrl(model, 'local', env) }),
      renderOptions(model, 'local', env, KEY_PLACEHOLDER),
    );
  return {
    endpoint: endpointRef(endpoint),
    curl: { test: curl('test'), live: curl('live') },
    localGuide: '/quickstart/#your-sandbox-keys-outside-the-browser',
  };
}

/** What the landing page's "Get a sandbox key" needs: who to ask, what to create, what to call. */
export interface FirstKeyData extends ApiInfo {
  defaultAccess: DefaultAccess;
  firstRequest: FirstRequestInfo;
}

export function firstKeyData(model: ApiModel): FirstKeyData {
  return { ...apiInfo(model), defaultAccess: defaultAccess(model), firstRequest: firstRequestInfo(model) };
}

export function keyManagerData(model: ApiModel): KeyManagerData {
  const access = model.access;
  const role = access.mode === 'account-role' ? access.roles.find((r) => r.id === access.sandboxRole)! : null;
  return {
    ...apiInfo(model),
    scopes: scopeInfos(model),
    templates: templatesNarrowestFirst(model),
    defaultAccess: defaultAccess(model),
    firstRequest: firstRequestInfo(model),
    fullAccessNote: fullAccessOnlyNote(model),
    role: role ? { name: role.name, scopes: role.scopes } : null,
    keyPolicy: {
      expiryDays: model.keyPolicy.expiryDays,
      rollGraceSeconds: model.keyPolicy.rollGraceSeconds,
      ipAllowlist: model.keyPolicy.ipAllowlist,
      nameMaxLength: model.keyPolicy.nameMaxLength,
      canDisable: model.keyPolicy.canDisable,
    },
    endpointLabels: Object.fromEntries(model.endpoints.map((e) => [e.id, `${e.method} ${e.path}`])),
    monitoring: {
      authFailureWindowMinutes: model.monitoring.authFailureWindowMinutes,
      authFailureThreshold: model.monitoring.authFailureThreshold,
      minimumRequests: model.monitoring.minimumRequests,
    },
  };
}

// ── Labs ─────────────────────────────────────────────────────────────────────────────────────

/** What every sandbox-backed lab needs: the widgets' shared API info plus how to make a narrow key. */
export interface LabApi extends ApiInfo {
  /**
   * Scopes for the labs' throwaway keys: one narrow scope where keys carry their own scopes,
   * `null` where keys act with the account's role (scopes cannot be chosen).
   */
  keyScopes: string[] | null;
  /** `who am I`: any valid key may call it, so it is the labs' default request. */
  whoami: EndpointRef;
}

export const whoamiEndpoint = (model: ApiModel): Endpoint => model.endpoints.find((e) => e.action.type === 'whoami')!;

export function labApi(model: ApiModel): LabApi {
  const api = apiInfo(model);
  const narrow = model.scopes.find((scope) => !scope.grantsAll);
  return {
    ...api,
    keyScopes: model.access.mode === 'account-role' ? null : [narrow?.id ?? api.fullAccessScope],
    whoami: endpointRef(whoamiEndpoint(model)),
  };
}

// ── Rate-limit lab ───────────────────────────────────────────────────────────────────────────

export interface RateLimitLabData {
  api: LabApi;
  demo: { limit: number; windowSeconds: number };
  headers: typeof RATE_LIMIT_HEADERS;
  /** The 429's anchor on the errors page. */
  rateLimitedDocs: string;
}

export function rateLimitLabData(model: ApiModel): RateLimitLabData {
  return {
    api: labApi(model),
    demo: { ...model.rateLimits.demo },
    headers: RATE_LIMIT_HEADERS,
    rateLimitedDocs: errorDocsPath('rate_limited'),
  };
}

// ── Rotation walkthrough ─────────────────────────────────────────────────────────────────────

export interface RotationData {
  api: LabApi;
  /** Grace periods offered when rolling, in seconds, without 0. */
  graceOptions: number[];
  /** The fastest tier, simulated while the app runs so its steady traffic stays under the limit. */
  tier: { id: string; name: string; limit: number; windowSeconds: number };
  /** How often the simulated app sends a request. */
  intervalMs: number;
}

export function rotationData(model: ApiModel): RotationData {
  const tier = [...model.rateLimits.tiers].sort((a, b) => b.limit / b.windowSeconds - a.limit / a.windowSeconds)[0]!;
  const perSecond = tier.limit / tier.windowSeconds;
  // Stay at 80 % of the tier at most: one request every 200 ms where the tier allows it.
  const intervalMs = Math.max(200, Math.ceil(1000 / (perSecond * 0.8)));
  return {
    api: labApi(model),
    graceOptions: model.keyPolicy.rollGraceSeconds.filter((s) => s > 0).sort((a, b) => a - b),
    tier: { id: tier.id, name: tier.name, limit: tier.limit, windowSeconds: tier.windowSeconds },
    intervalMs,
  };
}

// ── Scope advisor ────────────────────────────────────────────────────────────────────────────

export interface ScopeAdvisorData {
  api: LabApi;
  endpoints: EndpointInfo[];
  scopes: ScopeInfo[];
  templates: Array<{ id: string; name: string; scopes: string[] }>;
  /** Account-role APIs: every role with its scopes, and the sandbox account's role. */
  roles: Array<{ id: string; name: string; scopes: string[] }> | null;
  sandboxRole: string | null;
  errors: ErrorInfo[];
  nameMaxLength: number;
}

export function scopeAdvisorData(model: ApiModel): ScopeAdvisorData {
  const access = model.access;
  return {
    api: labApi(model),
    endpoints: model.endpoints.map((endpoint) => endpointInfo(model, endpoint)),
    scopes: scopeInfos(model),
    templates: model.keyTemplates.map(({ id, name, scopes }) => ({ id, name, scopes })),
    roles: access.mode === 'account-role' ? access.roles.map(({ id, name, scopes }) => ({ id, name, scopes })) : null,
    sandboxRole: access.mode === 'account-role' ? access.sandboxRole : null,
    errors: errorInfos(model),
    nameMaxLength: model.keyPolicy.nameMaxLength,
  };
}

// ── Key inspector ────────────────────────────────────────────────────────────────────────────

export interface KeyInspectorData {
  productName: string;
  envVar: string;
  environments: Array<{ id: 'live' | 'test'; name: string; keyPrefix: string; baseUrl: string }>;
  /** Characters of a whole key, per environment prefix. */
  keyLength: number;
  randomLength: number;
  checksumLength: number;
  /** Header names that carry the key, e.g. `X-API-Key`, `Authorization`. */
  headerNames: string[];
}

export function keyInspectorData(model: ApiModel): KeyInspectorData {
  return {
    productName: model.product.name,
    envVar: model.product.envVar,
    environments: model.environments.map(({ id, name, keyPrefix, baseUrl }) => ({ id, name, keyPrefix, baseUrl })),
    keyLength: model.keyFormat.randomLength + model.keyFormat.checksumLength,
    randomLength: model.keyFormat.randomLength,
    checksumLength: model.keyFormat.checksumLength,
    headerNames: keyHeaderNames(model.auth.schemes),
  };
}
