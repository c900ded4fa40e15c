/**
 * The playground's examples, written from the API model at build time so they fit every preset:
 * resource names, scopes, the create body, the rate limit and the webhook scheme all come from
 * the model. Each example states what it prints (`expect`), which the page shows and the e2e
 * tests check. Server-side only (reads the model).
 */
import { errorBody } from '../../api/error-body.ts';
import { pagedList, requestExample } from '../../api/examples.ts';
import type { ApiModel } from '../../api/model.ts';
import { fullAccessScope, RATE_LIMIT_HEADERS } from '../../api/runtime/index.ts';
import type { Endpoint } from '../../api/schema/endpoints.ts';

export interface Example {
  id: string;
  title: string;
  /** One sentence: what it shows. */
  summary: string;
  code: string;
  /** Text every run prints (each string appears in the output), in order. */
  expect: string[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A value as a TypeScript literal: unquoted keys, single quotes, on one line. */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${IDENTIFIER.test(k) ? k : tsLiteral(k)}: ${tsLiteral(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(value);
}

/** `contacts.list` → `client.contacts.list` */
const call = (client: string, endpoint: Endpoint) => `${client}.${endpoint.id}`;

function collectionEndpoints(model: ApiModel) {
  const list = pagedList(model);
  const collection = 'collection' in list.action ? list.action.collection : '';
  const same = (type: string) =>
    model.endpoints.find((e) => e.action.type === type && 'collection' in e.action && e.action.collection === collection);
  return { list, create: same('create'), remove: same('delete'), plural: list.tag.toLowerCase() };
}

/** The rate limit a new sandbox key gets: the role's tier for account-role APIs, else the sandbox tier. */
function sandboxLimit(model: ApiModel) {
  const access = model.access;
  const tierId = access.mode === 'account-role' ? access.roles.find((r) => r.id === access.sandboxRole)?.rateLimitTier : undefined;
  return model.rateLimits.tiers.find((t) => t.id === (tierId ?? model.rateLimits.sandboxTier))!;
}

function header(lines: string[]): string {
  return lines.map((line) => `// ${line}`).join('\n');
}

function firstRequest(model: ApiModel): Example {
  const { list, plural } = collectionEndpoints(model);
  const env = model.product.envVar;
  const code = `${header(['Your first request: whose key is this, and what can it read?'])}
import { createClient } from '${model.product.sdkPackage}';

// The playground puts the key you chose in process.env; it is never part of the code.
const client = createClient({ apiKey: process.env.${env} });

const me = await client.whoami.get();
console.log(\`Authenticated as "\${me.name}" (\${me.key_id}), \${me.environment} environment\`);
console.log('Scopes:', me.scopes);

const page = await ${call('client', list)}({ limit: 3 });
console.log(\`First \${page.data.length} ${plural}:\`, page.data.map((record) => record.id));
console.log('More pages:', page.has_more);
`;
  return {
    id: 'first-request',
    title: 'First request',
    summary: `Checks the key with “who am I”, then reads the first page of ${plural}.`,
    code,
    expect: ['Authenticated as "', 'Scopes: [', `${plural}: [`, 'More pages: '],
  };
}

function typedErrors(model: ApiModel): Example {
  const { list } = collectionEndpoints(model);
  const env = model.product.envVar;
  const perKey = model.access.mode === 'per-key';
  const limit = sandboxLimit(model);
  // 403: per-key APIs get a key with one unrelated scope; account-role APIs call an endpoint
  // the sandbox account's role does not allow.
  let forbidden = '';
  if (model.access.mode === 'per-key') {
    const group = (id: string) => id.split(':')[0];
    const candidates = model.scopes.filter((s) => !s.grantsAll && !list.scopes.includes(s.id) && !model.management.scopes.includes(s.id));
    const scope = candidates.find((s) => !list.scopes.some((needed) => group(needed) === group(s.id))) ?? candidates[0];
    if (scope)
      forbidden = `  // 403: a key with only ${scope.id} reads ${list.tag.toLowerCase()}, which needs ${list.scopes.join(' and ')}.
  const narrow = await demoKey('Playground: ${scope.id} only', ['${scope.id}']);
  try {
    await ${call(`createClient({ apiKey: narrow.secret, retry: false })`, list)}();
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    console.log(\`403 \${error.name}: missing \${error.missingScopes.join(', ')}\`);
  }`;
  } else {
    const access = model.access;
    const role = access.roles.find((r) => r.id === access.sandboxRole)!;
    const grantsAll = fullAccessScope(model).id;
    const endpoint = model.endpoints.find(
      (e) =>
        !e.path.includes('{id}') &&
        e.method === 'GET' &&
        e.scopes.length > 0 &&
        !role.scopes.includes(grantsAll) &&
        e.scopes.some((s) => !role.scopes.includes(s)),
    );
    if (endpoint)
      forbidden = `  // 403: keys act with the account's role (${role.name}), which lacks ${endpoint.scopes.join(', ')}.
  try {
    await ${call('admin', endpoint)}();
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    console.log(\`403 \${error.name}: missing \${error.missingScopes.join(', ')}\`);
  }`;
  }
  const code = `${header(['Every refusal is a typed error: check it with a guard, then read what the API said.'])}
import { createClient, isAuthenticationError, isPermissionError, isRateLimitError } from '${model.product.sdkPackage}';

// This example makes short-lived keys, so it needs a key that may manage keys
// (the sandbox owner key may). Retries are off so that each refusal shows as it is.
const admin = createClient({ apiKey: process.env.${env}, retry: false });
const made: string[] = [];
async function demoKey(name: string${perKey ? ', scopes?: string[]' : ''}) {
  const key = await admin.keys.create(${perKey ? 'scopes ? { name, scopes } : { name }' : '{ name }'});
  made.push(key.id);
  return key;
}

try {
  // 401: a key that was revoked.
  const revoked = await demoKey('Playground: revoked');
  await admin.keys.revoke(revoked.id);
  try {
    await createClient({ apiKey: revoked.secret, retry: false }).whoami.get();
  } catch (error) {
    if (!isAuthenticationError(error)) throw error;
    console.log(\`401 \${error.name}: reason "\${error.reason}" (\${error.code})\`);
  }

${forbidden ? `${forbidden}\n\n` : ''}  // 429: use up a fresh key's requests for this window (the sandbox allows ${limit.limit} every ${limit.windowSeconds} s).
  const busy = createClient({ apiKey: (await demoKey('Playground: busy')).secret, retry: false });
  for (let sent = 1; sent <= 1000; sent++) {
    try {
      await busy.whoami.get();
    } catch (error) {
      if (!isRateLimitError(error)) throw error;
      console.log(\`429 \${error.name} on request \${sent}: limit \${error.limit}, retry after \${error.retryAfter} s\`);
      break;
    }
  }
} finally {
  // Revoked keys no longer count towards the account's key limit.
  for (const id of made) await admin.keys.revoke(id);
  console.log(\`Revoked the \${made.length} demo keys.\`);
}
`;
  return {
    id: 'typed-errors',
    title: '401, 403 and 429',
    summary: `Provokes ${forbidden ? 'each refusal' : 'a 401 and a 429'} for real and reads it through the typed errors: reason, ${forbidden ? 'missing scopes, ' : ''}Retry-After.`,
    code,
    expect: [
      '401 AuthenticationError: reason "revoked"',
      ...(forbidden ? ['403 PermissionError: missing '] : []),
      '429 RateLimitError on request ',
      'Revoked the ',
    ],
  };
}

function retryAfter(model: ApiModel): Example {
  const { list, plural } = collectionEndpoints(model);
  const env = model.product.envVar;
  const limit = sandboxLimit(model);
  const body = errorBody(model, 'rate_limited', { retryAfter: 1 });
  const headers = {
    'Content-Type': 'application/json',
    [RATE_LIMIT_HEADERS.retryAfter]: '1',
    [RATE_LIMIT_HEADERS.limit]: String(limit.limit),
    [RATE_LIMIT_HEADERS.remaining]: '0',
  };
  const code = `${header([
    'The SDK retries a 429 after the Retry-After the API sends (GET, PUT and DELETE by default;',
    'POST and PATCH only when you opt in), waiting at most maxRetryDelay.',
  ])}
import { createClient, type FetchFunction } from '${model.product.sdkPackage}';

// A busy moment, staged so you need not wait for a real window to end: the first attempt is
// answered the way the API answers a key over its limit; later attempts reach the sandbox.
let staged = 1;
const busyFetch: FetchFunction = async (input, init) => {
  if (staged-- > 0) {
    const body = ${tsLiteral(body)};
    return new Response(JSON.stringify(body), { status: 429, headers: ${tsLiteral(headers)} });
  }
  return fetch(input, init);
};

const client = createClient({
  apiKey: process.env.${env},
  fetch: busyFetch,
  retry: { limit: 2, maxRetryDelay: 5_000 },
  onRetry: ({ attempt, delayMs, error }) => console.log(\`Retry \${attempt} in \${delayMs} ms after "\${error.message}"\`),
});

const started = Date.now();
const page = await ${call('client', list)}({ limit: 1 });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(\`Got \${page.data.length} of the ${plural} after \${seconds} s, with no error to handle\`);
`;
  return {
    id: 'retry-after',
    title: 'Retry with Retry-After',
    summary: 'A 429 with Retry-After: 1 is retried after one second, and the call succeeds.',
    code,
    expect: ['Retry 1 in 1000 ms after "429 rate_limited', 'after 1.', 'with no error to handle'],
  };
}

function rotation(model: ApiModel): Example {
  const env = model.product.envVar;
  const grace = model.keyPolicy.rollGraceSeconds.filter((s) => s > 0).sort((a, b) => a - b)[0] ?? 0;
  const code = `${header(['Rotating a key with no downtime: give your servers both keys, the new one first.'])}
import { createClient, isAuthenticationError } from '${model.product.sdkPackage}';

// Managing keys needs a key that may do so (the sandbox owner key may).
const admin = createClient({ apiKey: process.env.${env} });

// The key your servers use today, then a roll: a new key, while the old one keeps working
// for the grace period.
const current = await admin.keys.create({ name: 'Playground: rotation' });
const { key: next, previous } = await admin.keys.roll(current.id, { grace_seconds: ${grace} });
console.log(\`Rolled \${previous.id} to \${next.id}; the old key works until \${previous.expires_at}\`);

// e.g. ${env}=<new key> and ${env}_OLD=<old key>, read as apiKeys: [new, old].
const client = createClient({
  apiKeys: [next.secret, current.secret],
  onKeyFallback: ({ from, to, error }) =>
    console.log(\`Key #\${from + 1} refused (\${isAuthenticationError(error) ? error.reason : error.name}), using key #\${to + 1}\`),
});
const servedBy = async () => ((await client.whoami.get()).key_id === next.id ? 'the new key' : 'the old key');
console.log('Served by', await servedBy());

// Should the new key have to go (say it was pasted into a ticket), no request fails:
await admin.keys.revoke(next.id);
console.log('Served by', await servedBy());

await admin.keys.revoke(current.id);
console.log('Both demo keys revoked.');
`;
  return {
    id: 'rotation',
    title: 'Rotation with two keys',
    summary: 'Rolls a key, serves requests with apiKeys: [new, old], and falls back to the old key when the new one is revoked.',
    code,
    expect: ['Served by the new key', 'Key #1 refused (revoked), using key #2', 'Served by the old key', 'Both demo keys revoked.'],
  };
}

function paginateAndCreate(model: ApiModel): Example {
  const { list, create, remove, plural } = collectionEndpoints(model);
  const env = model.product.envVar;
  const body = create ? requestExample(model, create) : undefined;
  const label = body && Object.entries(body).find(([, v]) => typeof v === 'string')?.[0];
  const createPart =
    create && body
      ? `const created = await ${call('client', create)}(${tsLiteral(body)});
console.log('Created', created.id${label ? `, created.${label}` : ''});
`
      : '';
  const found = createPart ? `  if (record.id === created.id) console.log(\`Found \${created.id} as record #\${count}\`);\n` : '';
  const cleanup =
    createPart && remove
      ? `
// Leave the sandbox as it was.
await ${call('client', remove)}(created.id);
console.log('Deleted', created.id);
`
      : '';
  const code = `${header([`Create a record, then read every ${plural.replace(/s$/, '')} back, two per request.`])}
import { createClient } from '${model.product.sdkPackage}';

const client = createClient({ apiKey: process.env.${env} });

${createPart}
// iterate() follows next_cursor, fetching the next page only when the loop needs it.
let count = 0;
for await (const record of ${call('client', list).replace(/\.list$/, '.iterate')}({ limit: 2 })) {
  count++;
${found}}
console.log(\`Read \${count} ${plural} in \${Math.ceil(count / 2)} pages\`);
${cleanup}`;
  return {
    id: 'paginate-and-create',
    title: 'Paginate and create',
    summary: `${create ? 'Creates a record with create(), then reads' : 'Reads'} every ${plural.replace(/s$/, '')} with iterate(), two per page.`,
    code,
    expect: [...(createPart ? ['Created ', 'Found '] : []), `Read `, ' pages', ...(cleanup ? ['Deleted '] : [])],
  };
}

function webhooks(model: ApiModel): Example {
  const { webhooks } = model;
  const event = webhooks.events[0]!;
  // A made-up secret in the preset's format (base64 after the prefix, as Standard Webhooks wants).
  const secret = `${webhooks.secretPrefix}MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`;
  const code = `${header(['Check a webhook before acting on it: signature and timestamp, on the raw body.'])}
import { inspectWebhook, isWebhookVerificationError, signWebhook, verifyWebhook } from '${model.product.sdkPackage}';

// Your endpoint's signing secret (made up here; in production read it from the environment).
const secret = '${secret}';
const payload = JSON.stringify({ type: '${event}', id: 'evt_1' });

// What the API sends: the raw body and the signature header(s) (${webhooks.scheme} scheme).
const { headers } = await signWebhook({ payload, secret });
console.log('Headers sent:', headers);

const event = await verifyWebhook<{ type: string }>({ payload, headers, secret });
console.log('Verified:', event.type);

// A body changed on the way is refused, and inspectWebhook shows why.
const tampered = payload.replace('evt_1', 'evt_2');
try {
  await verifyWebhook({ payload: tampered, headers, secret });
} catch (error) {
  if (!isWebhookVerificationError(error)) throw error;
  console.log('Refused:', error.reason);
}
const report = await inspectWebhook({ payload: tampered, headers, secret });
console.log({ valid: report.valid, reason: report.reason, received: report.received, expected: report.expected });
`;
  return {
    id: 'webhooks',
    title: 'Verify a webhook',
    summary: 'Signs a payload as the API would, verifies it, and shows why a tampered body is refused.',
    code,
    expect: ['Headers sent:', `Verified: ${event}`, 'Refused: signature_mismatch', 'valid: false'],
  };
}

/** Every example, the first request first. */
export function gallery(model: ApiModel): Example[] {
  return [firstRequest(model), typedErrors(model), retryAfter(model), rotation(model), paginateAndCreate(model), webhooks(model)];
}
