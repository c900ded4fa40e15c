/**
 * The plain data the interactive widgets need from the API model, computed at build time in the
 * Astro wrappers and handed to the islands as props. Islands never import the model itself: it
 * brings zod and every preset, which would more than double the JavaScript a page loads before
 * the reader does anything. Server-side only (imports the model's zod schemas).
 */
import type { z } from 'zod';
import { LOCAL_SANDBOX_ORIGIN, localSandboxFile } from '../../api/code-targets.ts';
import { sampleId } from '../../api/example-request.ts';
import { requestExample } from '../../api/examples.ts';
import type { ApiModel } from '../../api/model.ts';
import { errorDocsPath, fullAccessScope, keyHeader, schemeLabel } from '../../api/runtime/index.ts';
import type { Endpoint } from '../../api/schema/endpoints.ts';
import { snippetSettings, type SnippetSettings } from '../snippets/render.ts';

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

/** An accepted way to send the key; `id` is what the SDK's `authScheme` option takes. */
/** An accepted auth scheme: where the key goes, and how a form names it. */
export interface SchemeInfo {
  /** `bearer`, or the header's name (the SDK's `authScheme`). */
  id: string;
  /** e.g. "X-API-Key header" or "Authorization: Bearer". */
  label: string;
  header: string;
  /** Text before the key in the header's value, e.g. `Bearer `. */
  prefix: string;
}

export interface QueryField {
  name: string;
  description: string;
  required: boolean;
}

export interface EndpointInfo {
  id: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  scopes: string[];
  hasId: boolean;
  hasBody: boolean;
  query: QueryField[];
  /** The documented example body, pretty-printed; empty when the endpoint takes none. */
  exampleBody: string;
  /** An id the sandbox knows, for endpoints with `{id}`; empty otherwise. */
  sampleId: string;
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

export interface KeyManagerData extends ApiInfo {
  scopes: ScopeInfo[];
  templates: TemplateInfo[];
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

function apiInfo(model: ApiModel): ApiInfo {
  return {
    product: {
      id: model.product.id,
      name: model.product.name,
      envVar: model.product.envVar,
      sdkPackage: model.product.sdkPackage,
    },
    environments: model.environments.map(({ id, name, baseUrl, keyPrefix }) => ({ id, name, baseUrl, keyPrefix })),
    schemes: model.auth.schemes.map((scheme) => {
      const { scheme: id, header, prefix } = keyHeader(scheme);
      return { id, label: schemeLabel(scheme), header, prefix };
    }),
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
  }));
}

export function consoleData(model: ApiModel): ConsoleData {
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
    endpoints: model.endpoints.map((endpoint) => {
      const hasId = endpoint.path.includes('{id}');
      const body = endpoint.body ? requestExample(model, endpoint) : undefined;
      return {
        id: endpoint.id,
        method: endpoint.method,
        path: endpoint.path,
        summary: endpoint.summary,
        tag: endpoint.tag,
        scopes: endpoint.scopes,
        hasId,
        hasBody: Boolean(endpoint.body),
        query: queryFields(endpoint),
        exampleBody: body === undefined ? '' : JSON.stringify(body, null, 2),
        sampleId: hasId ? sampleId(model, endpoint) : '',
      };
    }),
    errors: model.errors.map(({ id, status, title, cause, fix }) => ({ id, status, title, cause, fix, docsPath: errorDocsPath(id) })),
  };
}

export function keyManagerData(model: ApiModel): KeyManagerData {
  const access = model.access;
  const role = access.mode === 'account-role' ? access.roles.find((r) => r.id === access.sandboxRole)! : null;
  return {
    ...apiInfo(model),
    scopes: model.scopes.map(({ id, description, group, grantsAll }) => ({ id, description, group, grantsAll })),
    templates: model.keyTemplates.map(({ id, name, description, scopes }) => ({ id, name, description, scopes })),
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
