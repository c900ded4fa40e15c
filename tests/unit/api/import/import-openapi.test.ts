/**
 * Importing documents nobody wrote for Keyport: what is read from them (auth, scopes, endpoints,
 * collections, error format, defaults), what `x-keyport` overrides, what is skipped with a
 * warning, and how a bad document is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { importOpenApiFile, importOpenApiObject, OpenApiImportError } from '../../../../src/api/import/index.ts';
import { startHarness } from '../../mocks/harness.ts';

const SHELTER = 'tests/fixtures/openapi/pet-shelter.yaml';

/** A small OpenAPI 3.1 document with one REST collection; `patch` changes it. */
function notesApi(patch: (document: Record<string, any>) => void = () => {}): Record<string, any> {
  const note = { type: 'object', properties: { id: { type: 'string' }, text: { type: 'string', minLength: 1 } }, required: ['id', 'text'] };
  const json = (schema: object) => ({ 'application/json': { schema } });
  const document: Record<string, any> = {
    openapi: '3.1.0',
    info: { title: 'Notes', version: '1' },
    servers: [{ url: 'https://api.notes.example' }, { url: 'https://staging.notes.example' }],
    components: { securitySchemes: { Bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ Bearer: ['notes:read'] }],
    paths: {
      '/notes': {
        get: { operationId: 'listNotes', responses: { '200': { description: 'ok', content: json({ type: 'array', items: note }) } } },
        post: {
          operationId: 'createNote',
          security: [{ Bearer: ['notes:write'] }],
          requestBody: { content: json({ type: 'object', properties: { text: { type: 'string', minLength: 1 } }, required: ['text'] }) },
          responses: { '201': { description: 'ok', content: json(note) } },
        },
      },
      '/notes/{noteId}': {
        get: {
          operationId: 'getNote',
          parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: json(note) } },
        },
      },
    },
  };
  patch(document);
  return document;
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OpenApiImportError);
  return (error as Error).message;
}

describe('a YAML document with $refs to another file (OpenAPI 3.0)', () => {
  test('becomes a model: the REST collection, its endpoints, the header and query keys, environments and the error format', async () => {
    const { model } = await importOpenApiFile(SHELTER);
    expect(model.product).toMatchObject({ name: 'Pet Shelter', docsTitle: 'Pet Shelter API', envVar: 'PET_SHELTER_API_KEY' });
    expect(model.environments.map((env) => [env.id, env.baseUrl, env.keyPrefix])).toEqual([
      ['live', 'https://api.petshelter.example/v1', 'petshelter_live_'],
      ['test', 'https://sandbox.petshelter.example/v1', 'petshelter_test_'],
    ]);
    expect(model.auth.schemes).toEqual([
      { type: 'header', name: 'X-Shelter-Key' },
      { type: 'query', name: 'api_key' },
    ]);
    expect(
      model.endpoints.filter((e) => e.action.type !== 'keys' && e.action.type !== 'whoami').map((e) => `${e.id} ${e.method} ${e.path}`),
    ).toEqual([
      'pets.list GET /pets',
      'pets.create POST /pets',
      'pets.get GET /pets/{id}',
      'pets.delete DELETE /pets/{id}',
      'pets.update PUT /pets/{id}',
      'petsPhoto.getPhoto GET /pets/{id}/photo',
    ]);
    expect(model.collections.map((c) => [c.id, c.name, c.idPrefix, c.seed])).toEqual([
      ['pets', 'Pet', 'pet_', [{ name: 'Miso', species: 'cat', age_years: 3 }]],
    ]);
    expect(model.errorFormat).toEqual({
      envelope: 'error',
      fields: { message: 'message', id: 'code', docs: 'docs_url', missingScopes: 'missing_scopes' },
    });
    // No scopes in the document: full-access keys only, nothing invented.
    expect(model.scopes.map((s) => s.id)).toEqual(['full_access']);
  });

  test('lists what Keyport skips, each at its JSON pointer', async () => {
    const { warnings } = await importOpenApiFile(SHELTER);
    expect(warnings.map((w) => w.pointer)).toEqual([
      '#/paths/~1pets/get/parameters/1',
      '#/paths/~1pets/post/callbacks',
      '#/paths/~1pets~1{petId}/put/requestBody',
      '#/paths/~1pets~1{petId}~1photo/get/responses/200',
    ]);
    expect(warnings[2]!.message).toMatch(/Only JSON bodies/);
  });

  test('gives a sandbox that refuses a missing key and a bad body in the API’s own error format, and keeps records', async () => {
    const { model } = await importOpenApiFile(SHELTER);
    const h = await startHarness(model);
    try {
      const anonymous = await h.call('GET', '/pets', { key: null });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error).toMatchObject({ code: 'missing_api_key' });
      const invalid = await h.call('POST', '/pets', { body: { name: 'Rex', species: 'dragon' } });
      expect([invalid.status, invalid.error]).toEqual([422, 'validation_failed']);
      // OpenAPI 3.0 writes `nullable: true` where 3.1 writes `type: [..., "null"]`.
      expect((await h.call('POST', '/pets', { body: { name: 'Tom', species: 'cat', age_years: null } })).status).toBe(201);
      expect((await h.call('POST', '/pets', { body: { name: 'Tom', species: 'cat', age_years: -1 } })).error).toBe('validation_failed');
      const created = await h.call('POST', '/pets', { body: { name: 'Rex', species: 'dog' } });
      expect(created.status).toBe(201);
      expect((await h.call('GET', `/pets/${created.body.id}`)).body).toMatchObject({ name: 'Rex', species: 'dog' });
    } finally {
      h.close();
    }
  });
});

describe('an OpenAPI 3.1 document with bearer keys and scopes', () => {
  test('takes scopes from the security requirements and their descriptions from OAuth flows', async () => {
    const { model, warnings } = await importOpenApiObject(
      notesApi((d) => {
        d['components'].securitySchemes.OAuth = {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: 'https://notes.example/token', scopes: { 'notes:read': 'Read your notes' } } },
        };
      }),
    );
    expect(model.auth.schemes).toEqual([{ type: 'bearer' }]);
    expect(model.scopes.map((s) => [s.id, s.description])).toEqual([
      ['full_access', 'Every endpoint'],
      ['notes:read', 'Read your notes'],
      ['notes:write', 'Write notes'],
    ]);
    expect(model.endpoints.slice(0, 3).map((e) => [e.id, e.scopes])).toEqual([
      ['notes.list', ['notes:read']],
      ['notes.create', ['notes:write']],
      ['notes.get', ['notes:read']],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^OAuth 2 is not an API key/)]);
    // Errors follow RFC 9457 when the document describes none.
    expect(model.errorFormat.fields).toMatchObject({ kind: 'title', message: 'detail', docs: 'type' });
  });

  test('lets x-keyport override what is derived: product wording, key prefixes, rate limits', async () => {
    const { model } = await importOpenApiObject(
      notesApi((d) => {
        d['x-keyport'] = {
          product: { envVar: 'NOTES_TOKEN' },
          rateLimits: { tiers: [{ id: 'free', name: 'Free', limit: 10, windowSeconds: 60 }], sandboxTier: 'free' },
        };
      }),
    );
    expect(model.product).toMatchObject({ name: 'Notes', envVar: 'NOTES_TOKEN' });
    expect(model.rateLimits.tiers).toEqual([{ id: 'free', name: 'Free', limit: 10, windowSeconds: 60 }]);
    expect(model.environments.map((e) => e.baseUrl)).toEqual(['https://api.notes.example', 'https://staging.notes.example']);
  });
});

describe('larger and newer documents', () => {
  test('a document of 500 operations in 100 REST collections imports whole, each collection with its read and write scopes', async () => {
    const json = (schema: object) => ({ 'application/json': { schema } });
    const record = {
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string', minLength: 1 } },
      required: ['id', 'name'],
    };
    const ids = Array.from(
      { length: 100 },
      (_, i) => `items_${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    const paths = Object.fromEntries(
      ids.flatMap((id) => {
        const path = `/${id.replace(/_/g, '-')}`;
        const body = json({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
        return [
          [
            path,
            {
              get: {
                security: [{ Key: [`${id}:read`] }],
                responses: { '200': { description: 'ok', content: json({ type: 'array', items: record }) } },
              },
              post: {
                security: [{ Key: [`${id}:write`] }],
                requestBody: { content: body },
                responses: { '201': { description: 'ok', content: json(record) } },
              },
            },
          ],
          [
            `${path}/{id}`,
            {
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              get: { security: [{ Key: [`${id}:read`] }], responses: { '200': { description: 'ok', content: json(record) } } },
              patch: {
                security: [{ Key: [`${id}:write`] }],
                requestBody: { content: body },
                responses: { '200': { description: 'ok', content: json(record) } },
              },
              delete: { security: [{ Key: [`${id}:write`] }], responses: { '204': { description: 'gone' } } },
            },
          ],
        ];
      }),
    );
    const { model, warnings } = await importOpenApiObject(
      notesApi((d) => {
        d['components'].securitySchemes = { Key: { type: 'apiKey', in: 'header', name: 'X-Key' } };
        d['security'] = [{ Key: [] }];
        d['paths'] = paths;
      }),
    );
    expect(warnings).toEqual([]);
    expect(model.collections).toHaveLength(100);
    expect(model.endpoints.filter((e) => 'collection' in e.action)).toHaveLength(500);
    expect(model.scopes).toHaveLength(201);
  });

  test('collections and endpoints are named from the path: snake_case words, singular record names', async () => {
    const { model } = await importOpenApiObject(
      notesApi((d) => {
        d['paths'] = { '/voice_consents': d['paths']['/notes'], '/voice_consents/{id}': d['paths']['/notes/{noteId}'] };
      }),
    );
    expect([model.collections[0]!.name, model.collections[0]!.idPrefix]).toEqual(['VoiceConsent', 'voicecon_']);
    expect(model.endpoints.slice(0, 3).map((e) => e.id)).toEqual(['voiceConsents.list', 'voiceConsents.create', 'voiceConsents.get']);
  });

  test('fields the server sets (required in the record, absent from the create body) get defaults, so creating works', async () => {
    const { model } = await importOpenApiObject(
      notesApi((d) => {
        const note = d['paths']['/notes/{noteId}'].get.responses['200'].content['application/json'].schema;
        note.properties = {
          ...note.properties,
          status: { type: 'string', enum: ['draft', 'done'] },
          archived_at: { type: ['string', 'null'] },
        };
        note.required = [...note.required, 'status', 'archived_at'];
      }),
    );
    const h = await startHarness(model);
    try {
      const created = await h.call('POST', '/notes', { body: { text: 'Buy milk' } });
      expect([created.status, created.body]).toMatchObject([201, { text: 'Buy milk', status: 'draft', archived_at: null }]);
    } finally {
      h.close();
    }
  });

  test('OpenAPI 3.1 webhooks name the events the portal documents', async () => {
    const { model } = await importOpenApiObject(
      notesApi((d) => {
        d['webhooks'] = { 'note.created': { post: { responses: { '200': { description: 'ok' } } } }, NotAnEvent: {} };
      }),
    );
    expect(model.webhooks.events).toEqual(['note.created']);
  });

  test('operations written as `$ref`s to other files (one file used by two paths) are read as the operations they name', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keyport-split-'));
    try {
      mkdirSync(join(folder, 'operations'));
      writeFileSync(
        join(folder, 'operations', 'status.yaml'),
        dump({
          summary: 'Service status',
          responses: { '200': { description: 'Up.', content: { 'application/json': { schema: { $ref: '../schemas.yaml#/Status' } } } } },
        }),
      );
      writeFileSync(
        join(folder, 'schemas.yaml'),
        dump({ Status: { type: 'object', properties: { up: { type: 'boolean' } }, example: { up: true } } }),
      );
      writeFileSync(
        join(folder, 'openapi.yaml'),
        dump({
          openapi: '3.0.3',
          info: { title: 'Split', version: '1' },
          components: { securitySchemes: { Key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
          security: [{ Key: [] }],
          paths: { '/status': { get: { $ref: 'operations/status.yaml' } }, '/health': { get: { $ref: 'operations/status.yaml' } } },
        }),
      );
      const { model } = await importOpenApiFile(join(folder, 'openapi.yaml'));
      const answered = model.endpoints.filter((e) => e.action.type === 'example');
      expect(answered.map((e) => [e.path, e.summary, e.responses?.[0]?.example])).toEqual([
        ['/status', 'Service status', { up: true }],
        ['/health', 'Service status', { up: true }],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the API’s own error format, read from its documented error response', () => {
  const withError = (schema: object) =>
    notesApi((d) => {
      d['paths']['/notes'].get.responses['401'] = { description: 'No key', content: { 'application/json': { schema } } };
    });
  const string = { type: 'string' };

  test.each([
    [
      'top-level fields',
      { type: 'object', properties: { type: string, message: string, status: { type: 'integer' } } },
      { envelope: null, fields: { message: 'message', id: 'type', status: 'status', docs: 'docs_url', missingScopes: 'missing_scopes' } },
    ],
    [
      'fields under one envelope',
      { type: 'object', properties: { error: { type: 'object', properties: { code: string, message: string, doc_url: string } } } },
      { envelope: 'error', fields: { message: 'message', id: 'code', docs: 'doc_url', missingScopes: 'missing_scopes' } },
    ],
    [
      'a numeric code, which is the status; the stable id gets a field of its own',
      { type: 'object', properties: { code: { type: 'integer' }, message: string } },
      { envelope: null, fields: { message: 'message', id: 'error_id', status: 'code', docs: 'docs_url', missingScopes: 'missing_scopes' } },
    ],
  ])('%s', async (_case, schema, format) => {
    expect((await importOpenApiObject(withError(schema))).model.errorFormat).toEqual(format);
  });

  test('a record schema written as allOf (NewNote + id) still makes a collection with every field', async () => {
    const { model } = await importOpenApiObject(
      notesApi((d) => {
        const newNote = { type: 'object', properties: { text: { type: 'string' }, pinned: { type: 'boolean' } }, required: ['text'] };
        const note = { allOf: [newNote, { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }] };
        d['paths']['/notes/{noteId}'].get.responses['200'].content['application/json'].schema = note;
      }),
    );
    expect(Object.keys(model.collections[0]!.fields.shape)).toEqual(['text', 'pinned']);
  });
});

describe('bad documents', () => {
  test('an API whose only scheme is OAuth is refused, saying so', async () => {
    const message = await refusal(
      importOpenApiObject(
        notesApi((d) => {
          d['components'].securitySchemes = {
            OAuth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://x.example', scopes: {} } } },
          };
          d['security'] = [{ OAuth: [] }];
          d['paths']['/notes'].post.security = [{ OAuth: [] }];
        }),
        'notes.json',
      ),
    );
    expect(message).toMatchInlineSnapshot(`
      "The OpenAPI document notes.json cannot be imported:
      - #/components/securitySchemes: Keyport builds portals for APIs that take API keys, and this document declares no scheme it can serve (\`OAuth\`: OAuth 2 is not an API key; its scopes are still read). Declare the key as \`type: apiKey, in: header\` (or \`in: query\`) or \`type: http, scheme: bearer\`; APIs whose only schemes are OAuth 2, OpenID Connect or cookies are not supported."
    `);
  });

  test('an invalid document names the file, the JSON pointer and what to fix', async () => {
    const message = await refusal(
      importOpenApiObject(
        notesApi((d) => delete d['info'].version),
        'notes.json',
      ),
    );
    expect(message).toMatchInlineSnapshot(`
      "The OpenAPI document notes.json cannot be imported:
      - #/info: must have required property 'version'. Correct it so the document is valid OpenAPI."
    `);
  });

  test('a missing file and OpenAPI 2.0 are refused with a way forward', async () => {
    expect(await refusal(importOpenApiFile('tests/fixtures/openapi/none.yaml'))).toMatch(/none\.yaml.*Check the path of the document/s);
    expect(await refusal(importOpenApiObject({ swagger: '2.0', info: { title: 'Old', version: '1' }, paths: {} }, 'old.json'))).toMatch(
      /#\/swagger: Keyport reads OpenAPI 3\.0\.x and 3\.1\.x; this document says "2\.0"\. Convert it/,
    );
  });

  test('two operations that claim one endpoint id are both pointed at the paths, with the preset schema’s advice', async () => {
    const message = await refusal(
      importOpenApiObject(
        notesApi((d) => {
          d['paths']['/notes'].get['x-keyport'] = { id: 'notes.fetch' };
          d['paths']['/notes/{noteId}'].get['x-keyport'] = { id: 'notes.fetch' };
        }),
        'notes.json',
      ),
    );
    expect(message).toMatch(/- #\/paths: Endpoint id `notes.fetch` is used twice; each endpoint needs its own id\./);
  });

  test('a wrong x-keyport setting is placed at its pointer, with the preset schema’s advice', async () => {
    const misspelt = await refusal(
      importOpenApiObject(
        notesApi((d) => (d['x-keyport'] = { keyPolcy: {} })),
        'notes.json',
      ),
    );
    expect(misspelt).toMatch(/#\/x-keyport\/keyPolcy: unknown setting `keyPolcy`/);
    const invalid = await refusal(
      importOpenApiObject(
        notesApi((d) => (d['x-keyport'] = { keyPolicy: { rollGraceSeconds: [60] } })),
        'notes.json',
      ),
    );
    expect(invalid).toMatchInlineSnapshot(`
      "The OpenAPI document notes.json cannot be imported:
      - #/x-keyport/keyPolicy/rollGraceSeconds: Offer 0 (end the old key at once) among \`rollGraceSeconds\`."
    `);
  });
});
