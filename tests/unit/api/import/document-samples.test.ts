/**
 * The request each reference sample shows and every snippet language sends, for every operation
 * of every vendored document, answered by that document's sandbox: each gets its documented
 * success status. Path parameters take the document's example values (or generated ones its
 * schema accepts), required query parameters too, and bodies the documented example. (What the
 * answers hold is checked elsewhere; here, whether copied code gets through.)
 */
import { describe, expect, test } from 'vitest';
import { buildRequest } from '../../../../src/api/example-request.ts';
import { importOpenApiFile } from '../../../../src/api/import/index.ts';
import { defaultScheme, withKey } from '../../../../src/api/runtime/index.ts';
import { documentFixtures } from '../../../fixtures/openapi/documents.ts';
import { defaultTier, startHarness } from '../../mocks/harness.ts';

describe.each(documentFixtures())('$name', ({ file }) => {
  test('every operation’s sample, sent as printed, answers its documented success status', async () => {
    const { model } = await importOpenApiFile(file);
    const h = await startHarness(model);
    try {
      const tier = defaultTier(h);
      // Deletions last, so the records the other samples name are still there.
      const endpoints = model.endpoints
        .filter((e) => e.action.type !== 'keys' && e.action.type !== 'whoami')
        .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
      const failures: string[] = [];
      for (const [index, endpoint] of endpoints.entries()) {
        // Sent one at a time as a reader would: never faster than the key's rate limit.
        if (index % tier.limit === tier.limit - 1) h.clock.advance(tier.windowSeconds * 1000);
        const request = buildRequest(model, endpoint);
        const search = new URLSearchParams(request.query).toString();
        expect(request.url).not.toMatch(/[{}]/);
        const sent = withKey(defaultScheme(model.auth.schemes), h.owner, request.url + (search ? `?${search}` : ''));
        const response = await fetch(sent.url, {
          method: request.method,
          headers: { ...sent.headers, ...Object.fromEntries(request.headers) },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        });
        if (response.status !== endpoint.successStatus)
          failures.push(`${endpoint.method} ${request.url} → ${response.status} ${(await response.text()).slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
      expect(endpoints.length).toBeGreaterThan(10);
    } finally {
      h.close();
    }
  }, 120_000);
});
