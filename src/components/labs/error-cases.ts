/**
 * The error lab's cases, built from the model at build time (server-side only: it imports the
 * model, zod included): for each error of the model, how the lab makes the sandbox answer with
 * it, or why it cannot. Built on the shared widget data (`widgets/widget-data.ts`); the island
 * imports only the types.
 */
import { requestExample } from '../../api/examples.ts';
import type { ApiModel } from '../../api/model.ts';
import {
  environment,
  formatBytes,
  formatDuration,
  fullAccessScope,
  keyPlacement,
  MAX_BODY_BYTES,
  MAX_HEADER_BYTES,
  MAX_URL_BYTES,
  missingScopes,
  type KeyPlacement,
} from '../../api/runtime/index.ts';
import type { Endpoint } from '../../api/schema/endpoints.ts';
import { endpointRef, errorInfos, labApi, whoamiEndpoint, type EndpointRef, type ErrorInfo, type LabApi } from '../widgets/widget-data.ts';
import { counted } from '../widgets/format.ts';

/** Where a scheme puts the key, in words: "the X-API-Key header" or "the api_key query parameter". */
const carrier = (placement: KeyPlacement) =>
  placement.in === 'header' ? `the ${placement.header} header` : `the ${placement.param} query parameter`;

/** How the error lab makes the sandbox answer with one error. */
export type Provocation =
  | { kind: 'no-key' }
  | { kind: 'truncated-key' }
  | { kind: 'mistyped-key' }
  | { kind: 'unknown-key' }
  | { kind: 'two-keys'; schemes: [KeyPlacement, KeyPlacement] }
  | { kind: 'revoked' }
  | { kind: 'expired'; via: 'roll'; graceSeconds: number }
  | { kind: 'expired'; via: 'expiry'; days: number }
  | { kind: 'disabled' }
  | { kind: 'not-yet-active'; delaySeconds: number }
  | { kind: 'wrong-environment'; liveBaseUrl: string; testBaseUrl: string }
  | { kind: 'ip-not-allowed' }
  | { kind: 'missing-scope'; keyScopes: string[] | null; role: string | null }
  | { kind: 'rate-limited'; limit: number; windowSeconds: number }
  | { kind: 'invalid-json'; brokenBody: string }
  | { kind: 'invalid-field' }
  | { kind: 'not-found' }
  | { kind: 'wrong-method'; method: string }
  | { kind: 'oversized-body'; bytes: number }
  | { kind: 'wrong-content-type'; contentType: string }
  | { kind: 'auth-failures'; limit: number; windowSeconds: number; address: string };

export interface ErrorCase extends ErrorInfo {
  /** Unique per case: the error id, with a suffix when one error has two cases. */
  caseId: string;
  /** What the reader presses, e.g. "Use a revoked key". */
  label: string;
  /** What the lab sets up, in one sentence. */
  setup: string;
  provoke: Provocation;
  /** The request that meets the error. */
  endpoint: EndpointRef;
  /** The `{id}` path parameter, when the endpoint has one. */
  recordId: string;
  /** The JSON body sent, when the endpoint takes one. */
  body: unknown;
}

export interface UnreachableError extends ErrorInfo {
  /** Why the lab cannot make this API answer with it. */
  why: string;
}

export interface ErrorLabData {
  api: LabApi;
  cases: ErrorCase[];
  unreachable: UnreachableError[];
  keyRandomLength: number;
}

type Recipe = Omit<ErrorCase, keyof ErrorInfo | 'caseId' | 'recordId' | 'body'> & { recordId?: string; body?: unknown; suffix?: string };

const isCollectionAction = (endpoint: Endpoint) => 'collection' in endpoint.action;

function collectionIdPrefix(model: ApiModel, endpoint: Endpoint): string {
  const action = endpoint.action;
  const collection = 'collection' in action ? model.collections.find((c) => c.id === action.collection) : undefined;
  return collection?.idPrefix ?? 'rec_';
}

/**
 * One way (sometimes two) to provoke each error id the lab knows; a string says why it cannot
 * happen with this preset. The set of cases is the model's errors: an id missing here is listed
 * as one the lab cannot show.
 */
function recipes(model: ApiModel): Record<string, () => Recipe[] | string> {
  const whoami = endpointRef(whoamiEndpoint(model));
  const full = fullAccessScope(model).id;
  const role =
    model.access.mode === 'account-role'
      ? model.access.roles.find((r) => r.id === (model.access as { sandboxRole: string }).sandboxRole)!
      : null;
  // What the sandbox owner key may do: everything, or its role's scopes.
  const ownerScopes = role ? role.scopes : [full];
  const allowed = (endpoint: Endpoint) => missingScopes(endpoint, ownerScopes, fullAccessScope(model).id).length === 0;
  const collectionEndpoint = (type: string) => model.endpoints.find((e) => e.action.type === type && isCollectionAction(e) && allowed(e));
  // A collection's create that takes a body: an imported document's may take none (Qdrant's snapshots).
  const createWithBody = () => model.endpoints.find((e) => e.action.type === 'create' && e.body && isCollectionAction(e) && allowed(e));
  const test = environment(model, 'test');
  const live = environment(model, 'live');
  const schemes = model.auth.schemes.map(keyPlacement);

  return {
    missing_api_key: () => [
      {
        label: 'Send no key',
        setup: `Sends the request without ${schemes.length === 1 ? carrier(schemes[0]!) : 'any key'}, as an unset environment variable would.`,
        provoke: { kind: 'no-key' },
        endpoint: whoami,
      },
    ],
    malformed_api_key: () => [
      {
        label: 'Send a cut-off key',
        setup:
          'Sends a key whose last character was lost in copying (the SDK’s own offline check is turned off, so the request really goes out).',
        provoke: { kind: 'truncated-key' },
        endpoint: whoami,
      },
      {
        suffix: 'checksum',
        label: 'Send a mistyped key',
        setup: 'Sends a key with one character changed: its checksum no longer matches, so the API refuses it before looking anything up.',
        provoke: { kind: 'mistyped-key' },
        endpoint: whoami,
      },
    ],
    invalid_api_key: () => [
      {
        label: 'Send an unknown key',
        setup: 'Sends a well-formed key with a valid checksum that was never created, as a key of another account would be.',
        provoke: { kind: 'unknown-key' },
        endpoint: whoami,
      },
    ],
    conflicting_api_keys: () =>
      schemes.length < 2
        ? `This API accepts the key in one ${schemes[0]!.in === 'header' ? 'header' : 'query parameter'} only, so a request cannot carry two different keys.`
        : [
            {
              label: 'Send two different keys',
              setup: `Sends one key in ${carrier(schemes[0]!)} and another in ${carrier(schemes[1]!)}.`,
              provoke: { kind: 'two-keys', schemes: [schemes[0]!, schemes[1]!] },
              endpoint: whoami,
            },
          ],
    revoked_api_key: () => [
      {
        label: 'Use a revoked key',
        setup: 'Creates a throwaway key with the sandbox owner key, revokes it, then sends a request with it.',
        provoke: { kind: 'revoked' },
        endpoint: whoami,
      },
    ],
    expired_api_key: () => {
      const grace = model.keyPolicy.rollGraceSeconds.filter((s) => s > 0).sort((a, b) => a - b)[0];
      const days = model.keyPolicy.expiryDays.filter((d): d is number => d !== null).sort((a, b) => a - b)[0];
      if (grace !== undefined) {
        return [
          {
            label: 'Use an expired key',
            setup: `Creates a throwaway key, rolls it with a ${formatDuration(grace)} grace period, moves the sandbox’s clock past the end of it, then sends a request with the old key.`,
            provoke: { kind: 'expired', via: 'roll', graceSeconds: grace },
            endpoint: whoami,
          },
        ];
      }
      if (days !== undefined) {
        return [
          {
            label: 'Use an expired key',
            setup: `Creates a throwaway key that expires in ${formatDuration(days * 86_400)}, moves the sandbox’s clock past that, then sends a request with it.`,
            provoke: { kind: 'expired', via: 'expiry', days },
            endpoint: whoami,
          },
        ];
      }
      return 'Keys of this API never expire and rolling ends the old key at once, so no key can be in the expired state.';
    },
    inactive_api_key: () =>
      model.keyPolicy.canDisable
        ? [
            {
              label: 'Use a disabled key',
              setup: 'Creates a throwaway key, disables it with the key-management API, then sends a request with it.',
              provoke: { kind: 'disabled' },
              endpoint: whoami,
            },
          ]
        : 'Keys of this API cannot be disabled.',
    key_not_yet_active: () => {
      const delaySeconds = model.keyPolicy.propagationSeconds || 10;
      return [
        {
          label: 'Use a key before it is active',
          setup: `Turns on the sandbox’s propagation delay (${formatDuration(delaySeconds)}) for a moment, creates a throwaway key, and sends a request with it at once.`,
          provoke: { kind: 'not-yet-active', delaySeconds },
          endpoint: whoami,
        },
      ];
    },
    wrong_environment: () => [
      {
        label: 'Use a live key in the sandbox',
        setup: `Creates a throwaway live key (${live.keyPrefix}…) and sends it to the test environment’s base URL.`,
        provoke: { kind: 'wrong-environment', liveBaseUrl: live.baseUrl, testBaseUrl: test.baseUrl },
        endpoint: whoami,
      },
    ],
    ip_not_allowed: () =>
      model.keyPolicy.ipAllowlist
        ? [
            {
              label: 'Call from an address outside the allowlist',
              setup:
                'Creates a throwaway key allowed only from an address other than the sandbox’s client address, then sends a request with it.',
              provoke: { kind: 'ip-not-allowed' },
              endpoint: whoami,
            },
          ]
        : 'Keys of this API cannot be limited to IP addresses.',
    insufficient_scope: () => {
      if (role) {
        const target = model.endpoints.find(
          (e) => e.action.type !== 'keys' && missingScopes(e, role.scopes, fullAccessScope(model).id).length > 0,
        );
        if (!target) return `The sandbox account’s role (${role.name}) may call every endpoint.`;
        return [
          {
            label: 'Call an endpoint the role does not allow',
            setup: `Sends ${target.method} ${target.path}, which needs ${target.scopes.join(', ')}, with a key of the sandbox account, whose role (${role.name}) lacks it.`,
            provoke: { kind: 'missing-scope', keyScopes: null, role: role.id },
            endpoint: endpointRef(target),
            recordId: '',
          },
        ];
      }
      // A read endpoint, and a narrow scope of another group that does not grant it.
      const candidates = model.endpoints.filter((e) => e.action.type !== 'keys' && e.scopes.length > 0 && !e.scopes.includes(full));
      const target = candidates.find((e) => e.method === 'GET' && !e.path.includes('{id}')) ?? candidates[0];
      if (!target) return 'No endpoint of this API requires a scope.';
      const group = (id: string) => model.scopes.find((s) => s.id === id)?.group;
      const others = model.scopes.filter((s) => !s.grantsAll && !target.scopes.includes(s.id));
      const given = others.find((s) => !target.scopes.some((t) => group(t) === s.group)) ?? others[0];
      if (!given) return 'Every scope of this API grants every endpoint.';
      return [
        {
          label: 'Call an endpoint the key has no scope for',
          setup: `Creates a throwaway key with only ${given.id}, then sends ${target.method} ${target.path}, which needs ${target.scopes.join(', ')}.`,
          provoke: { kind: 'missing-scope', keyScopes: [given.id], role: null },
          endpoint: endpointRef(target),
        },
      ];
    },
    rate_limited: () => {
      const { limit, windowSeconds } = model.rateLimits.demo;
      return [
        {
          label: 'Exceed the rate limit',
          setup: `Creates a throwaway key, switches the sandbox to its demo limits (${limit} requests every ${counted(windowSeconds, 'second')}) for a moment, and sends requests until one is refused.`,
          provoke: { kind: 'rate-limited', limit, windowSeconds },
          endpoint: whoami,
        },
      ];
    },
    invalid_request: () => {
      const create = createWithBody();
      if (!create) return 'No endpoint that creates records and takes a body is open to the sandbox account’s keys.';
      const example = JSON.stringify(requestExample(model, create));
      return [
        {
          label: 'Send a body that is not JSON',
          setup: `Sends ${create.method} ${create.path} with the sandbox owner key and a stray comma in the body. (The SDK always sends valid JSON, so the lab breaks the body on its way out, as a hand-written client might.)`,
          provoke: { kind: 'invalid-json', brokenBody: example.replace(/\}$/, ',}') },
          endpoint: endpointRef(create),
          body: {},
        },
      ];
    },
    validation_failed: () => {
      const create = createWithBody();
      if (!create) return 'No endpoint that creates records and takes a body is open to the sandbox account’s keys.';
      return [
        {
          label: 'Send a body with a missing field',
          setup: `Sends ${create.method} ${create.path} with the sandbox owner key and an empty JSON object, without the fields it requires.`,
          provoke: { kind: 'invalid-field' },
          endpoint: endpointRef(create),
          body: {},
        },
      ];
    },
    not_found: () => {
      const get = collectionEndpoint('get');
      if (!get) return 'The sandbox account’s keys may not read any record by id.';
      const recordId = `${collectionIdPrefix(model, get)}does_not_exist`;
      return [
        {
          label: 'Ask for a record that does not exist',
          setup: `Sends ${get.method} ${get.path.replace('{id}', recordId)} with the sandbox owner key.`,
          provoke: { kind: 'not-found' },
          endpoint: endpointRef(get),
          recordId,
        },
      ];
    },
    method_not_allowed: () => {
      const used = new Set(model.endpoints.filter((e) => e.path === whoami.path).map((e): string => e.method));
      const method = ['DELETE', 'PUT', 'PATCH', 'POST'].find((m) => !used.has(m));
      if (!method) return `Every method is allowed on ${whoami.path}.`;
      return [
        {
          label: 'Use a method the path does not allow',
          setup: `Sends ${method} ${whoami.path}, a path that only answers ${[...used].join(', ')}. (The SDK only makes calls that exist, so the lab changes the method on its way out.)`,
          provoke: { kind: 'wrong-method', method },
          endpoint: whoami,
        },
      ];
    },
    body_too_large: () => {
      const create = createWithBody();
      if (!create) return 'No endpoint that creates records and takes a body is open to the sandbox account’s keys.';
      return [
        {
          label: 'Send a body over the size limit',
          setup: `Sends ${create.method} ${create.path} with the sandbox owner key and a body just over the ${formatBytes(MAX_BODY_BYTES)} the API reads.`,
          provoke: { kind: 'oversized-body', bytes: MAX_BODY_BYTES + 1 },
          endpoint: endpointRef(create),
          body: {},
        },
      ];
    },
    unsupported_media_type: () => {
      const create = createWithBody();
      if (!create) return 'No endpoint that creates records and takes a body is open to the sandbox account’s keys.';
      return [
        {
          label: 'Send JSON labelled as plain text',
          setup: `Sends ${create.method} ${create.path} with the sandbox owner key and its example body, but with Content-Type: text/plain.`,
          provoke: { kind: 'wrong-content-type', contentType: 'text/plain' },
          endpoint: endpointRef(create),
          body: requestExample(model, create),
        },
      ];
    },
    too_many_auth_failures: () => {
      const { limit, windowSeconds } = model.rateLimits.authFailures;
      const address = '198.51.100.99';
      return [
        {
          label: 'Fail authentication too often',
          setup: `Makes the sandbox see requests from ${address} for a moment and sends unknown keys from there until the address is locked out (${limit} failures every ${formatDuration(windowSeconds)}); your own address is not affected.`,
          provoke: { kind: 'auth-failures', limit, windowSeconds, address },
          endpoint: whoami,
        },
      ];
    },
    malformed_request: () =>
      'The browser builds every request itself and never sends one the API cannot parse; the local sandbox server, which reads raw HTTP, answers this to a broken request.',
    url_too_long: () =>
      `The browser’s sandbox never sees a request line; the local sandbox server answers 414 to a URL over ${formatBytes(MAX_URL_BYTES)}.`,
    headers_too_large: () =>
      `The browser’s sandbox never sees raw headers; the local sandbox server answers 431 when they pass ${formatBytes(MAX_HEADER_BYTES)}.`,
  };
}

export function errorLabData(model: ApiModel): ErrorLabData {
  const byId = recipes(model);
  const cases: ErrorCase[] = [];
  const unreachable: UnreachableError[] = [];
  for (const info of errorInfos(model)) {
    const recipe = byId[info.id];
    const made = recipe ? recipe() : 'The lab has no way to make the sandbox answer with this error.';
    if (typeof made === 'string') {
      unreachable.push({ ...info, why: made });
      continue;
    }
    for (const { suffix, recordId, body, ...rest } of made) {
      cases.push({
        ...info,
        ...rest,
        caseId: suffix ? `${info.id}:${suffix}` : info.id,
        recordId: recordId ?? '',
        body: rest.endpoint.hasBody ? (body ?? {}) : undefined,
      });
    }
  }
  return { api: labApi(model), cases, unreachable, keyRandomLength: model.keyFormat.randomLength };
}
