/**
 * Public OpenAPI documents nobody wrote for Keyport (`tests/fixtures/openapi/<name>/SOURCE.md`
 * says where each comes from and under which licence): each imports without an error, every
 * operation becomes an endpoint or a warning that says why not, and its sandbox refuses a request
 * without a key, answers one with a key created in the key manager, refuses a key without the
 * scope an operation needs, and limits a burst.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { requestExample } from '../../../../src/api/examples.ts';
import { importOpenApiFile, type ImportResult } from '../../../../src/api/import/index.ts';
import type { ApiModel } from '../../../../src/api/model.ts';
import type { Endpoint } from '../../../../src/api/schema/endpoints.ts';
import { needsNoQuery } from '../../../fixtures/openapi/callable.ts';
import { documentFixtures } from '../../../fixtures/openapi/documents.ts';
import { defaultTier, keyLackingScope, startHarness } from '../../mocks/harness.ts';

/**
 * `records`: where the list response holds its records as the document declares it (`null`: a bare
 * array), and `shows`: what else it answers for the one record the sandbox starts with.
 */
const DOCUMENTS = [
  {
    name: 'resend',
    file: 'resend/openapi.yaml',
    version: '3.1',
    schemes: ['bearer'],
    list: '/domains',
    records: 'data',
    shows: { object: 'list', has_more: false },
    scoped: false,
    typedPath: true,
  },
  {
    name: 'typesense',
    file: 'typesense/openapi.yaml',
    version: '3.0',
    schemes: ['header'],
    list: '/collections',
    records: null,
    shows: {},
    scoped: false,
    typedPath: false,
  },
  {
    // Its lists hold the records one level down (`{result: {collections: […]}}`): Keyport's own paging.
    name: 'qdrant',
    file: 'qdrant/openapi.json',
    version: '3.0',
    schemes: ['header', 'bearer'],
    list: '/collections',
    records: 'data',
    shows: { has_more: false, next_cursor: null },
    scoped: false,
    typedPath: true,
  },
  {
    name: 'svix',
    file: 'svix/openapi.json',
    version: '3.0',
    schemes: ['bearer'],
    list: '/api/v1/app',
    records: 'data',
    shows: { done: true, iterator: null },
    scoped: false,
    typedPath: false,
  },
  {
    name: 'digitalocean',
    file: 'digitalocean/openapi.yaml',
    version: '3.0',
    schemes: ['bearer'],
    list: '/v2/tags',
    records: 'tags',
    shows: { meta: { total: 1 } },
    scoped: true,
    typedPath: true,
  },
] as const;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The document's own text, parsed without Keyport: a file that is JSON is also YAML. */
const raw = (file: string) => load(readFileSync(file, 'utf8')) as { openapi: string; paths: Record<string, Record<string, unknown>> };

/** Operations counted in the document as written: every HTTP method of every path (a path item may sit in another file). */
function operationCount(file: string): number {
  return Object.values(raw(file).paths).reduce((sum, item) => {
    const target = typeof item['$ref'] === 'string' ? (load(readFileSync(join(dirname(file), item['$ref']), 'utf8')) as object) : item;
    return sum + Object.keys(target).filter((key) => HTTP_METHODS.includes(key.toLowerCase())).length;
  }, 0);
}

/** A warning about a whole operation (`#/paths/<path>/<method>`), which says it was skipped. */
const skippedOperation = (pointer: string, message: string) =>
  new RegExp(`^#/paths/[^/]+/(${HTTP_METHODS.join('|')})$`, 'i').test(pointer) && /skipped/i.test(message);

const own = (model: ApiModel) => model.endpoints.filter((e) => e.action.type !== 'keys' && e.action.type !== 'whoami');

/** The endpoint's path with a value for every parameter that its documented schema accepts, or `bad` where it refuses that. */
function pathOf(endpoint: Endpoint, bad?: { name: string; value: string }): string {
  return endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (bad?.name === name) return encodeURIComponent(bad.value);
    const schema = endpoint.params!.shape[name]!;
    return encodeURIComponent(
      ['1', '3f1b7a9e-2c4d-4e8f-9a0b-1c2d3e4f5a6b', 'example'].find((v) => schema.safeParse(v).success) ?? 'example',
    );
  });
}

/** A path parameter of an operation answered from the document whose schema refuses plain text (e.g. an integer id). */
function typedParameter(model: ApiModel): { endpoint: Endpoint; name: string } | undefined {
  for (const endpoint of own(model)) {
    if (endpoint.action.type !== 'example' || endpoint.method !== 'GET' || !endpoint.params) continue;
    const name = Object.keys(endpoint.params.shape).find((n) => !endpoint.params!.shape[n]!.safeParse('not-a-number').success);
    if (name && needsNoQuery(endpoint)) return { endpoint, name };
  }
  return undefined;
}

/** An operation answered from the document under a path with several parameters, needing no query or body. */
const nestedExample = (model: ApiModel) =>
  own(model).find((e) => e.action.type === 'example' && e.method === 'GET' && (e.path.match(/\{/g) ?? []).length > 1 && needsNoQuery(e));

describe.each(DOCUMENTS)('$name', ({ file, version, schemes, list, records, shows, scoped, typedPath }) => {
  const path = `tests/fixtures/openapi/${file}`;
  let imported: Promise<ImportResult> | undefined;
  const result = () => (imported ??= importOpenApiFile(path));

  test('imports without an error, with its OpenAPI version and key schemes', async () => {
    const { model } = await result();
    expect(raw(path).openapi.startsWith(`${version}.`)).toBe(true);
    expect(model.auth.schemes.map((s) => s.type)).toEqual(schemes);
  });

  test('every operation becomes an endpoint or a warning that says why it was skipped', async () => {
    const { model, warnings } = await result();
    const skipped = warnings.filter((w) => skippedOperation(w.pointer, w.message));
    expect(own(model).length + skipped.length).toBe(operationCount(path));
  });

  test('its sandbox answers 401 without a key and 2xx with a key created in the key manager', async () => {
    const { model } = await result();
    const h = await startHarness(model);
    try {
      expect((await h.call('GET', list, { key: null })).status).toBe(401);
      const key = await h.createKey({ name: 'Reader' });
      const listed = await h.call('GET', list, { key: key.secret });
      expect(listed.status, JSON.stringify(listed.body)).toBe(200);
      const nested = nestedExample(model)!;
      const answered = await h.call('GET', pathOf(nested), { key: key.secret });
      expect(answered.status, `${nested.id}: ${JSON.stringify(answered.body)}`).toBe(nested.successStatus);
    } finally {
      h.close();
    }
  });

  test('its sandbox lists records in the shape and with the paging the document declares', async () => {
    const { model } = await result();
    const h = await startHarness(model);
    try {
      const first = await h.call('GET', list);
      const items = records === null ? first.body : first.body[records];
      expect(items).toHaveLength(1);
      expect(first.body).toMatchObject(shows);
      // The next page, asked for in the document's own terms, is empty.
      const action = own(model).find((e) => e.method === 'GET' && e.path === list)!.action;
      const paging = action.type === 'list' ? action.paging : undefined;
      const next =
        paging?.style === 'page'
          ? `${paging.limit}=1&${paging.position}=2`
          : paging?.style === 'offset'
            ? `${paging.position}=1`
            : `${paging?.position ?? 'starting_after'}=${encodeURIComponent(items[0].id)}`;
      // A list without paging parameters answers every record at once.
      if (paging?.style === 'all') return;
      const second = await h.call('GET', `${list}?${next}`);
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(records === null ? second.body : second.body[records]).toEqual([]);
    } finally {
      h.close();
    }
  });

  // Documents whose path parameters are all free text have nothing to refuse.
  if (typedPath)
    test('its sandbox checks the documented path parameters of an operation answered from the document', async () => {
      const { model } = await result();
      const typed = typedParameter(model)!;
      const h = await startHarness(model);
      try {
        const refused = await h.call('GET', pathOf(typed.endpoint, { name: typed.name, value: 'not-a-number' }));
        expect(refused.status).toBe(422);
        expect(JSON.stringify(refused.body)).toContain(typed.name);
        expect((await h.call('GET', pathOf(typed.endpoint))).status).toBe(typed.endpoint.successStatus);
      } finally {
        h.close();
      }
    });

  // Only documents whose operations require scopes have a key that lacks one.
  if (scoped)
    test('its sandbox answers 403 to a key without the scope an operation requires', async () => {
      const { model } = await result();
      const h = await startHarness(model);
      try {
        const { key, endpoint, missing } = await keyLackingScope(h);
        const refused = await h.call('GET', endpoint.path, { key });
        expect(refused.status).toBe(403);
        expect(JSON.stringify(refused.body)).toContain(missing[0]);
      } finally {
        h.close();
      }
    });

  test('its sandbox answers 429 once a key has used its rate limit', async () => {
    const { model } = await result();
    const h = await startHarness(model);
    try {
      const { limit } = defaultTier(h);
      for (let i = 0; i < limit; i++) expect((await h.call('GET', list)).status).toBe(200);
      const limited = await h.call('GET', list);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    } finally {
      h.close();
    }
  });
});

test('every vendored document is in this file', () => {
  expect(documentFixtures().map((d) => d.file)).toEqual([...DOCUMENTS.map((d) => `tests/fixtures/openapi/${d.file}`), GOOGLE_MAPS].sort());
});

/** Google Maps takes its key only in the query string (`?key=`), and has no REST collection. */
const GOOGLE_MAPS = 'tests/fixtures/openapi/googlemaps/openapi.yml';

describe('googlemaps', () => {
  let imported: Promise<ImportResult> | undefined;
  const result = () => (imported ??= importOpenApiFile(GOOGLE_MAPS));
  /** Its one operation that needs nothing but its documented body. */
  const geolocate = (model: ApiModel) => model.endpoints.find((e) => e.path === '/geolocation/v1/geolocate')!;

  test('imports without an error, its key in the query string, every operation an endpoint or a warning', async () => {
    const { model, warnings } = await result();
    expect(raw(GOOGLE_MAPS).openapi.startsWith('3.0.')).toBe(true);
    expect(model.auth.schemes).toEqual([{ type: 'query', name: 'key' }]);
    const skipped = warnings.filter((w) => skippedOperation(w.pointer, w.message));
    expect(own(model).length + skipped.length).toBe(operationCount(GOOGLE_MAPS));
  });

  test('its sandbox answers 401 without a key, 200 with a key in ?key=, and 429 once the key has used its limit', async () => {
    const { model } = await result();
    const endpoint = geolocate(model);
    const h = await startHarness(model);
    try {
      const body = endpoint.requestExample!;
      expect((await h.call('POST', endpoint.path, { key: null, body })).status).toBe(401);
      const key = await h.createKey({ name: 'Reader' });
      const answered = await h.call('POST', endpoint.path, { key: key.secret, body });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      const { limit } = defaultTier(h);
      for (let i = 1; i < limit; i++) await h.call('POST', endpoint.path, { key: key.secret, body });
      const limited = await h.call('POST', endpoint.path, { key: key.secret, body });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    } finally {
      h.close();
    }
  });
});

test('a collection whose document gives UUID ids serves UUIDs, seeded and created, and finds records by them', async () => {
  const { model } = await importOpenApiFile('tests/fixtures/openapi/resend/openapi.yaml');
  const webhooks = model.collections.find((c) => c.id === 'webhooks')!;
  expect(webhooks.idFormat).toBe('uuid');
  // Collections whose records have free-text ids keep Keyport's prefixed ids.
  expect(model.collections.find((c) => c.id === 'domains')!.idFormat).toBe('prefixed');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const h = await startHarness(model);
  try {
    const listed = await h.call('GET', '/webhooks');
    expect(listed.body.data[0].id).toMatch(uuid);
    const created = await h.call('POST', '/webhooks', { body: { endpoint: 'https://example.com/hook', events: ['email.sent'] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.id).toMatch(uuid);
    expect((await h.call('GET', `/webhooks/${created.body.id}`)).status).toBe(200);
  } finally {
    h.close();
  }
});

test('a collection whose document gives created_at in Unix seconds serves whole seconds, and its delete answers as documented', async () => {
  const { model } = await importOpenApiFile('tests/fixtures/openapi/typesense/openapi.yaml');
  expect(model.collections.find((c) => c.id === 'collections')!.timeFormat).toBe('unix');
  const h = await startHarness(model);
  try {
    // The harness checks every answer against its documented schema, which wants an integer here.
    const [seeded] = (await h.call('GET', '/collections')).body as Array<{ id: string; created_at: unknown }>;
    expect(seeded!.created_at).toBe(Math.floor(h.clock.now() / 1000));
    expect((await h.call('GET', `/collections/${seeded!.id}`)).body.created_at).toBe(seeded!.created_at);
    // Its delete is documented to answer the collection it removed, not Keyport's `{ id, deleted }`.
    expect((await h.call('DELETE', `/collections/${seeded!.id}`)).body).toEqual(seeded);
  } finally {
    h.close();
  }
});

test('a single value sent where the record keeps a list is stored as a list of one, as the API shows it', async () => {
  const { model } = await importOpenApiFile('tests/fixtures/openapi/resend/openapi.yaml');
  const send = model.endpoints.find((e) => e.method === 'POST' && e.path === '/emails')!;
  const h = await startHarness(model);
  try {
    // The harness checks each answer against its documented schema: a record of `to` as text fails it.
    const created = await h.call('POST', '/emails', { body: { ...requestExample(model, send), to: 'reader@example.com' } });
    expect(created.status, JSON.stringify(created.body)).toBe(send.successStatus);
    const listed = await h.call('GET', '/emails');
    expect(listed.body.data.at(-1).to).toEqual(['reader@example.com']);
  } finally {
    h.close();
  }
});
