/**
 * Loading a browser's export with `--state FILE`: a file whose keys can be restored is imported
 * into `FILE.sqlite` and served from there; anything else is refused with a message and left
 * untouched, so a mistyped or foreign file never turns into a fresh sandbox over the reader's export.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadModel, type ApiModel } from '../../../src/api/index.ts';
import { stateFileProblem } from '../../../mocks/file-storage.ts';
import { createSandbox } from '../../../mocks/sandbox.ts';
import { sqliteStorage } from '../../../mocks/sqlite-storage.ts';
import { loadSqlite } from '../../../mocks/state-files.ts';
import { memoryStorage } from '../../../mocks/storage.ts';
import { startSandboxServer } from '../../helpers/sandbox-server.ts';
import { authHeader } from './harness.ts';

const model = loadModel('huechat');
const SERVER = fileURLToPath(new URL('../../../mocks/server.ts', import.meta.url));

/**
 * What the key manager's export holds: a sandbox's saved text after a key was created, the way
 * the browser does it (the service worker answers through the same handlers).
 */
async function browserExport(m: ApiModel = model): Promise<{ text: string; secret: string; keyId: string }> {
  const storage = memoryStorage();
  const sandbox = await createSandbox({ model: m, storage });
  const test_ = m.environments.find((e) => e.id === 'test')!.baseUrl;
  const request = new Request(`${test_}${m.management.keysPath}`, {
    method: 'POST',
    headers: { ...authHeader(m, sandbox.ownerKey!), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Made in the browser' }),
  });
  const response = (await getResponse(sandbox.handlers, request))!;
  expect(response.status).toBe(201);
  const created = (await response.json()) as { id: string; secret: string };
  sandbox.flush();
  sandbox.dispose();
  return { text: storage.load()!, secret: created.secret, keyId: created.id };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyport-state-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('a state file given with --state', () => {
  test('is accepted when it holds this API’s keys', async () => {
    const path = file('export.json', (await browserExport()).text);
    expect(stateFileProblem(path, model.product.id)).toBeNull();
  });

  test('is accepted pretty-printed, as the key manager downloads it', async () => {
    const path = file('pretty.json', JSON.stringify(JSON.parse((await browserExport()).text), null, 2));
    expect(stateFileProblem(path, model.product.id)).toBeNull();
  });

  test('is accepted when only its sample data is damaged (repaired on load, keys kept)', async () => {
    const state = JSON.parse((await browserExport()).text);
    state.data = 'lost';
    expect(stateFileProblem(file('no-data.json', JSON.stringify(state)), model.product.id)).toBeNull();
  });

  test('that does not exist is refused, saying where to get one', () => {
    expect(stateFileProblem(join(dir, 'missing.json'), model.product.id)?.replace(dir, '<dir>')).toMatchInlineSnapshot(
      `"There is no file <dir>/missing.json. Export one from the docs' key manager ("Export for the local sandbox"), or leave out --state to start a new sandbox."`,
    );
  });

  test('that is a folder is refused', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(stateFileProblem(folder, model.product.id)?.replace(dir, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/a-folder is a folder; --state needs the JSON file exported from the docs' key manager."`,
    );
  });

  test('that is not JSON is refused and left as it was', () => {
    const path = file('notes.txt', 'my keys: see the wallet');
    expect(stateFileProblem(path, model.product.id)?.replace(dir, '<dir>')).toMatchInlineSnapshot(
      `"The state file <dir>/notes.txt could not be read (it is not valid JSON), so it cannot be loaded; it was left as it is. Export it again from the docs' key manager, or leave out --state to start a new sandbox."`,
    );
    expect(readFileSync(path, 'utf8')).toBe('my keys: see the wallet');
  });

  test('of another API is refused, naming that API', async () => {
    const path = file('aloochat.json', (await browserExport(loadModel('aloochat'))).text);
    expect(stateFileProblem(path, model.product.id)).toContain('belongs to another API (aloochat)');
  });

  test('whose keys are damaged is refused: loading it would hand out a new owner key instead', async () => {
    const state = JSON.parse((await browserExport()).text);
    state.account.keys[0].hash = 'not a hash';
    expect(stateFileProblem(file('damaged.json', JSON.stringify(state)), model.product.id)).toContain(
      'has no readable keys (its keys, usage and audit events are damaged)',
    );
  });
});

/** Runs `npm run sandbox`'s program with arguments and no time to listen; for the refusals. */
function runServer(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SERVER, ...args],
      { env: { ...process.env, PORT: '0', KEYPORT_PRESET: 'huechat' }, timeout: 15_000 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

describe('the sandbox server started with --state', () => {
  test('answers the export’s keys, prints none of them, and saves to a database next to the file', async () => {
    const exported = await browserExport();
    const path = file('served.json', exported.text);
    const server = await startSandboxServer({ KEYPORT_PRESET: 'huechat' }, ['--state', path]);
    try {
      expect(server.key).toBeNull();
      expect(server.output).toContain(
        `Imported ${path} into ${path}.sqlite; the state is kept there from now on (served.json is left as it is).`,
      );
      expect(server.output).toContain(`Keys were restored from ${path} (2 keys); changes are saved to ${path}.sqlite.`);
      expect(server.output).not.toContain(exported.secret);
      expect(server.output).not.toMatch(/sk_test_[0-9A-Za-z]{20,}/);

      const me = await fetch(`${server.testBase}/me`, { headers: authHeader(model, exported.secret) });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ key_id: exported.keyId, name: 'Made in the browser' });
      const unknown = await fetch(`${server.testBase}/me`, { headers: authHeader(model, `sk_test_${'A'.repeat(34)}`) });
      expect(unknown.status).toBe(401);
    } finally {
      const stopped = await server.stop();
      expect(stopped.code).toBe(0);
    }
    // The request above was recorded against the key in the database; the export is left as it was.
    expect(readFileSync(path, 'utf8')).toBe(exported.text);
    const store = sqliteStorage((await loadSqlite())!, `${path}.sqlite`);
    const saved = store.load()!;
    store.close();
    expect(JSON.parse(saved).account.usage[exported.keyId].total.requests).toBe(1);
    expect(saved).not.toContain(exported.secret);
  });

  test('exits with 1 and a message when the file is missing, and creates none', async () => {
    const path = join(dir, 'typo.json');
    const run = await runServer(['--state', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`There is no file ${path}.`);
    expect(run.stdout).not.toContain('Try it:');
    expect(existsSync(path)).toBe(false);
  });

  test('exits with 1 and leaves another API’s export as it was', async () => {
    const text = (await browserExport(loadModel('aloochat'))).text;
    const path = file('wrong-api.json', text);
    const run = await runServer(['--state', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('belongs to another API (aloochat)');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  test('exits with 1 on an unknown option, pointing to --help', async () => {
    const run = await runServer(['--sate', 'export.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "Unknown option "--sate".
      Run \`npm run sandbox -- --help\` to see the options.
      "
    `);
  });
});
