/**
 * `KEYPORT_SPEC` with a document Keyport cannot use stops `npm run generate` — the first step of
 * dev, build and sandbox — with the file, the JSON pointer and what to fix, and changes nothing:
 * the build never starts, so no half-built `dist/` is left.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../../scripts/generate-spec.ts', import.meta.url));
const GENERATED = fileURLToPath(new URL('../../../../src/api/generated/imported-document.ts', import.meta.url));

test('a bad document stops generate with the file, the pointer and what to fix, leaving the generated module as it was', () => {
  const folder = mkdtempSync(join(tmpdir(), 'keyport-bad-spec-'));
  try {
    const file = join(folder, 'openapi.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.1.0',
        'info: { title: Cookies, version: "1" }',
        'components:',
        '  securitySchemes: { session: { type: apiKey, in: cookie, name: sid } }',
        'security: [{ session: [] }]',
        'paths:',
        '  /things: { get: { responses: { "200": { description: ok } } } }',
      ].join('\n'),
    );
    const before = readFileSync(GENERATED, 'utf8');
    const run = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, KEYPORT_SPEC: file }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`The OpenAPI document ${file} cannot be imported:`);
    expect(run.stderr).toContain('#/components/securitySchemes');
    expect(run.stderr).toContain('APIs whose only schemes are OAuth 2, OpenID Connect or cookies are not supported.');
    expect(readFileSync(GENERATED, 'utf8')).toBe(before);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
