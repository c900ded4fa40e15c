/**
 * What the API refuses in a request's body and query, in every preset, as the sandbox answers it
 * through msw/node: a body without a JSON Content-Type (415), one over the size limit (413), fields
 * the endpoint does not define, and text with control, text-direction or broken characters (422
 * naming the field); query parameters that are not plain decimals, given twice, or badly
 * percent-encoded (422 naming the parameter). Every answer is checked against the OpenAPI document.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { requestExample } from '../../../src/api/examples.ts';
import { presets } from '../../../src/api/presets/index.ts';
import { MAX_BODY_BYTES } from '../../../src/api/runtime/request-limits.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import { errorMessage, largestTier, ownerMayCall, startHarness, type Harness } from './harness.ts';

const pathOf = (endpoint: Endpoint) => endpoint.path.replace('{id}', 'rec_any');

/** Top-level body fields that take text: a string, or a list of strings. */
function textFields(endpoint: Endpoint): Array<{ field: string; list: boolean }> {
  const schema = z.toJSONSchema(endpoint.body!, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, Record<string, any>>;
  };
  const isString = (s: Record<string, any> | undefined): boolean => s?.['type'] === 'string' || (s?.['anyOf'] ?? []).some(isString);
  return Object.entries(schema.properties).flatMap(([field, s]): Array<{ field: string; list: boolean }> => {
    if (isString(s)) return [{ field, list: false }];
    if (s['type'] === 'array' && isString(s['items'])) return [{ field, list: true }];
    return [];
  });
}

describe.each(Object.keys(presets))('request bodies and queries of %s', (preset) => {
  let h: Harness;
  let bodyEndpoints: Endpoint[];
  beforeEach(async () => {
    h = await startHarness(preset);
    // Enough requests for every field of every endpoint under one key.
    h.sandbox.settings.update({ rateLimitTier: largestTier(h.model).id });
    bodyEndpoints = h.model.endpoints.filter((e) => e.body && ownerMayCall(h.model, e));
  });
  afterEach(() => h.close());

  test('a body without a JSON Content-Type is 415 on every endpoint that takes one; JSON types with a UTF-8 charset are fine', async () => {
    expect(bodyEndpoints.length).toBeGreaterThan(3);
    for (const endpoint of bodyEndpoints) {
      const json = JSON.stringify(requestExample(h.model, endpoint));
      for (const type of [
        null,
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=iso-8859-1',
        'application/jsonp',
      ]) {
        const reply = await h.call(endpoint.method, pathOf(endpoint), { rawBody: json, headers: type ? { 'Content-Type': type } : {} });
        expect([reply.status, reply.error], `${endpoint.id} with ${type}`).toEqual([415, 'unsupported_media_type']);
      }
    }
    const create = bodyEndpoints.find((e) => e.id === 'keys.create')!;
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;Charset="UTF-8"',
      'application/merge-patch+json',
    ]) {
      const reply = await h.call('POST', create.path, { rawBody: JSON.stringify({ name: 'Typed' }), headers: { 'Content-Type': type } });
      expect(reply.status, type).toBe(201);
    }
    // An empty body stands for `{}`, whatever its type.
    const roll = bodyEndpoints.find((e) => e.id === 'keys.roll')!;
    const created = await h.createKey({ name: 'To roll' });
    expect(
      (await h.call('POST', roll.path.replace('{id}', created.id), { rawBody: '', headers: { 'Content-Type': 'text/plain' } })).status,
    ).toBe(201);
  });

  test('a body over 1 MB is 413, and one that is not UTF-8 is 400', async () => {
    const create = bodyEndpoints.find((e) => e.id === 'keys.create')!;
    const big = JSON.stringify({ name: 'Big', template: 'x'.repeat(MAX_BODY_BYTES) });
    const tooLarge = await h.call('POST', create.path, { rawBody: big, headers: { 'Content-Type': 'application/json' } });
    expect([tooLarge.status, tooLarge.error]).toEqual([413, 'body_too_large']);
    const latin1 = await fetch(`${h.model.environments.find((e) => e.id === 'test')!.baseUrl}${create.path}`, {
      method: 'POST',
      headers: {
        ...(h.model.auth.schemes[0]!.type === 'bearer'
          ? { Authorization: `Bearer ${h.owner}` }
          : { [h.model.auth.schemes[0]!.name]: h.owner }),
        'Content-Type': 'application/json',
      },
      body: new Uint8Array([...new TextEncoder().encode('{"name":"Caf'), 0xe9, ...new TextEncoder().encode('"}')]),
    });
    expect(latin1.status).toBe(400);
    expect(errorMessage(h.model, await latin1.json())).toMatch(/not UTF-8/);
  });

  test('a field the endpoint does not define is 422 naming it, on every endpoint that takes a body', async () => {
    for (const endpoint of bodyEndpoints) {
      const reply = await h.call(endpoint.method, pathOf(endpoint), { body: { ...requestExample(h.model, endpoint), colour: 'blue' } });
      expect([reply.status, reply.error], endpoint.id).toEqual([422, 'validation_failed']);
      expect(errorMessage(h.model, reply.body), endpoint.id).toMatch(
        /^Invalid value for `colour`: this field is not part of this endpoint’s body; it accepts /,
      );
    }
  });

  test('control, text-direction and broken characters in any text field are 422 naming the field', async () => {
    let checked = 0;
    for (const endpoint of bodyEndpoints) {
      for (const { field, list } of textFields(endpoint)) {
        for (const bad of ['bell \u0007', 'nul \u0000', 'C1 \u0085', 'invoice\u202Egpj.exe', 'isolate \u2066x\u2069', 'half \ud83d']) {
          const body = { ...requestExample(h.model, endpoint), [field]: list ? [bad] : bad };
          const reply = await h.call(endpoint.method, pathOf(endpoint), { body });
          expect([reply.status, reply.error], `${endpoint.id}.${field} = ${JSON.stringify(bad)}`).toEqual([422, 'validation_failed']);
          expect(errorMessage(h.model, reply.body)).toMatch(new RegExp(`^Invalid value for \`${field}(\\.0)?\``));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('key names are one line, as the key manager’s form says; the same words come back', async () => {
    const { keysPath } = h.model.management;
    for (const name of ['CI\nX-Injected: yes', 'tab\there', 'carriage\r']) {
      const reply = await h.call('POST', keysPath, { body: { name } });
      expect([reply.status, errorMessage(h.model, reply.body)]).toEqual([
        422,
        'Invalid value for `name`: Names cannot contain control characters (tabs, line breaks or other invisible characters). Remove them and try again.',
      ]);
    }
    const created = await h.createKey({ name: `Zoë "O'Brien" \\ 😀 \u200b $HOME %s #{1}` });
    expect(created.name).toBe(`Zoë "O'Brien" \\ 😀 \u200b $HOME %s #{1}`);
    const renamed = await h.call('PATCH', `${keysPath}/${created.id}`, { body: { name: 'x\u202E' } });
    expect([renamed.status, renamed.error]).toEqual([422, 'validation_failed']);
  });

  test('list queries take plain decimals, each parameter once, percent-encoded as UTF-8', async () => {
    const { keysPath } = h.model.management;
    const limit = async (query: string) => {
      const reply = await h.call('GET', `${keysPath}?${query}`);
      return [reply.status, reply.status === 200 ? reply.body.data.length : errorMessage(h.model, reply.body)];
    };
    await h.createKey({ name: 'Second' });
    expect(await limit('limit=1')).toEqual([200, 1]);
    expect(await limit('limit=%31')).toEqual([200, 1]);
    for (const query of [
      'limit=0x10',
      'limit=1e1',
      'limit=NaN',
      'limit=-1',
      'limit=0',
      'limit=101',
      'limit=',
      'limit=1.5',
      'limit=%201',
      'limit=99999999999999999999999',
    ]) {
      expect(await limit(query), query).toEqual([422, 'Invalid value for `limit`: use a whole number from 1 to 100, in decimal digits']);
    }
    expect(await limit('limit=1&limit=2')).toEqual([422, 'Invalid value for `limit`: given 2 times; give it once']);
    const broken = 'the percent-encoding is broken: each "%" needs two hex digits, and the bytes must be UTF-8 text';
    expect(await limit('limit=%E0%A4%A')).toEqual([422, `Invalid value for \`limit\`: ${broken}`]);
    expect(await limit('starting_after=%ZZ')).toEqual([422, `Invalid value for \`starting_after\`: ${broken}`]);
    expect(await limit('%FF=1')).toEqual([422, `Invalid value for \`%FF\`: ${broken}`]);
  });
});
