/**
 * `KEYPORT_SPEC=openapi.yaml npm run sandbox`: the HTTP sandbox serves an OpenAPI document's API,
 * in its own process, with the document's key header, base path and error format; a document
 * that cannot be imported stops the server with the file, the JSON pointer and what to fix.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../helpers/sandbox-server.ts';

const SPEC = 'tests/fixtures/openapi/pet-shelter.yaml';

describe('the sandbox HTTP server with KEYPORT_SPEC', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ KEYPORT_SPEC: SPEC });
  });
  afterAll(async () => {
    if (server.process.exitCode === null) await server.stop();
  });

  test('announces the document’s API and lists what it skipped', () => {
    expect(server.output).toContain('Pet Shelter sandbox');
    expect(server.testBase).toBe(`${server.origin}/v1`);
    expect(server.output).toContain('warning: #/paths/~1pets/post/callbacks: Callbacks are not supported yet; skipped.');
    expect(server.output).toContain(`curl -H "X-Shelter-Key: $PET_SHELTER_API_KEY" ${server.origin}/v1/me`);
  });

  test('answers 401 without a key in the document’s error format, and the seeded records with the key', async () => {
    const anonymous = await fetch(`${server.testBase}/pets`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'missing_api_key', message: 'API key is required' } });
    const listed = await fetch(`${server.testBase}/pets`, { headers: { 'X-Shelter-Key': server.key! } });
    expect(listed.status).toBe(200);
    // The document lists pets as a bare array, so the sandbox does too.
    expect(await listed.json()).toMatchObject([{ id: 'pet_seed_1', name: 'Miso', species: 'cat' }]);
  });
});

test('a document that cannot be imported stops the server with the file, the pointer and what to fix', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'keyport-spec-'));
  try {
    const file = join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify({ openapi: '3.1.0', info: { title: 'No version' }, paths: {} }));
    await expect(startSandboxServer({ KEYPORT_SPEC: file })).rejects.toThrow(
      `The OpenAPI document ${file} cannot be imported:\n- #/info: must have required property 'version'.`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
