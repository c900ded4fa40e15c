/**
 * The HTTP sandbox's state database (`state-files.ts`, `sqlite-storage.ts`): what a sandbox
 * saved reads back the same, a JSON file is imported once, a damaged database is kept aside and
 * reported, the JSON writer's leftovers are removed, and a Node without SQLite keeps the JSON file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requestExample } from '../../../src/api/examples.ts';
import { loadModel } from '../../../src/api/index.ts';
import { createSandbox, type Sandbox } from '../../../mocks/sandbox.ts';
import { openStateStorage, removeLeftoverTemporaryFiles, type OpenOptions, type StateSource } from '../../../mocks/state-files.ts';
import { memoryStorage } from '../../../mocks/storage.ts';
import { authHeader } from './harness.ts';

const model = loadModel('huechat');
const testBase = model.environments.find((e) => e.id === 'test')!.baseUrl;
const collection = model.collections[0]!;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyport-state-db-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(source: StateSource, options: OpenOptions = {}) {
  const opened = await openStateStorage(source, model.product.id, options);
  if (!opened.ok) throw new Error(opened.message);
  const sandbox = await createSandbox({ model, storage: opened.storage });
  return { ...opened, sandbox };
}

async function call(sandbox: Sandbox, key: string, method: string, path: string, body?: unknown) {
  const request = new Request(`${testBase}${path}`, {
    method,
    headers: { ...authHeader(model, key), 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = (await getResponse(sandbox.handlers, request))!;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const keysPath = model.management.keysPath;

describe('the state database', () => {
  test('reads back exactly what the sandbox held: keys, rolls, revocations, usage, records, settings, time', async () => {
    const path = join(dir, 'round-trip.json');
    const first = await open({ path, from: 'env' });
    const s = first.sandbox;
    const owner = s.ownerKey!;
    s.settings.update({ rateLimitTier: 'enterprise' });
    const made = await call(s, owner, 'POST', keysPath, { name: 'kept' });
    expect(made.status).toBe(201);
    const rolled = await call(s, owner, 'POST', `${keysPath}/${String(made.body['id'])}/roll`, { grace_seconds: 0 });
    expect(rolled.status).toBe(201);
    const other = await call(s, owner, 'POST', keysPath, { name: 'revoked' });
    expect((await call(s, owner, 'DELETE', `${keysPath}/${String(other.body['id'])}`)).status).toBe(200);
    // More requests than the usage report keeps, so the request rows are trimmed.
    for (let i = 0; i < 60; i++) await call(s, owner, 'GET', model.management.whoamiPath);
    const records = model.endpoints.find((e) => e.action.type === 'list' && e.action.collection === collection.id)!.path;
    const listed = await call(s, owner, 'GET', records);
    expect(listed.status).toBe(200);
    const seeded = (listed.body['data'] as { id: string }[])[0]!;
    expect((await call(s, owner, 'DELETE', `${records}/${seeded.id}`)).status).toBe(200);
    const create = model.endpoints.find((e) => e.action.type === 'create' && e.path === records)!;
    expect((await call(s, owner, 'POST', records, requestExample(model, create))).status).toBe(201);
    s.time.advance(3_600_000);
    const before = s.state();
    s.dispose();

    const again = await open({ path, from: 'env' });
    expect(again.sandbox.ownerKey).toBeNull();
    expect(again.sandbox.recoveryMessage).toBeNull();
    expect(again.sandbox.state()).toEqual(before);
    expect(before.account.usage[before.account.keys[0]!.id]!.recent).toHaveLength(50);

    // A reset replaces everything; the next start sees the new sandbox, not a mix.
    await again.sandbox.reset();
    const reset = again.sandbox.state();
    again.sandbox.dispose();
    const third = await open({ path, from: 'env' });
    expect(third.sandbox.state()).toEqual(reset);
    third.sandbox.dispose();
  });

  test('imports a JSON file once, then keeps the state in FILE.sqlite and leaves the JSON file alone', async () => {
    const exporter = await createSandbox({ model, storage: memoryStorage() });
    exporter.flush();
    const text = JSON.stringify(exporter.state(), null, 2);
    const path = join(dir, 'export.json');
    writeFileSync(path, text);

    const first = await open({ path, from: 'flag' });
    expect(first.file).toBe(`${path}.sqlite`);
    expect(first.notices.map((n) => n.replaceAll(dir, '<dir>'))).toMatchInlineSnapshot(`
      [
        "Imported <dir>/export.json into <dir>/export.json.sqlite; the state is kept there from now on (export.json is left as it is).",
      ]
    `);
    first.sandbox.settings.update({ propagationDelaySeconds: 0 });
    first.sandbox.dispose();

    const second = await open({ path, from: 'flag' });
    expect(second.notices).toEqual([]);
    expect(second.sandbox.state().settings.propagationDelaySeconds).toBe(0);
    expect(second.sandbox.state().account.keys.map((k) => k.id)).toEqual(exporter.state().account.keys.map((k) => k.id));
    second.sandbox.dispose();
    expect(readFileSync(path, 'utf8')).toBe(text);

    // A new export in its place is not silently ignored, nor silently loaded over the database.
    writeFileSync(path, `${text}\n`);
    const third = await open({ path, from: 'flag' });
    expect(third.notices.map((n) => n.replaceAll(dir, '<dir>'))).toMatchInlineSnapshot(`
      [
        "<dir>/export.json is not what was imported into <dir>/export.json.sqlite; the sandbox keeps using export.json.sqlite. Delete export.json.sqlite to import export.json again.",
      ]
    `);
    expect(third.sandbox.state().settings.propagationDelaySeconds).toBe(0);
    third.sandbox.dispose();
  });

  test('a damaged database is reported by name, kept aside, and the JSON file imported again', async () => {
    const exporter = await createSandbox({ model, storage: memoryStorage() });
    const path = join(dir, 'damaged.json');
    writeFileSync(path, JSON.stringify(exporter.state()));
    const garbage = 'this is not a database '.repeat(300);
    writeFileSync(`${path}.sqlite`, garbage);

    const opened = await open({ path, from: 'env' }, { now: () => new Date(Date.UTC(2026, 11, 1, 4, 5, 6)) });
    expect(opened.notices.map((n) => n.replaceAll(dir, '<dir>'))).toMatchInlineSnapshot(`
      [
        "The state database <dir>/damaged.json.sqlite is damaged: it is not a readable database (file is not a database). It was kept as <dir>/damaged.json.sqlite.damaged-20261201T040506Z, and damaged.json is imported again.",
        "Imported <dir>/damaged.json into <dir>/damaged.json.sqlite; the state is kept there from now on (damaged.json is left as it is).",
      ]
    `);
    expect(readFileSync(`${path}.sqlite.damaged-20261201T040506Z`, 'utf8')).toBe(garbage);
    expect(opened.sandbox.state().account.keys.map((k) => k.id)).toEqual(exporter.state().account.keys.map((k) => k.id));
    opened.sandbox.dispose();
  });

  test('a damaged database named directly is kept aside and a new sandbox started, with a new owner key', async () => {
    const path = join(dir, 'direct.sqlite');
    writeFileSync(path, 'SQLite format 3\u0000 but nothing after it');
    const opened = await open({ path, from: 'env' }, { now: () => new Date(Date.UTC(2026, 11, 1, 4, 5, 6)) });
    expect(opened.notices[0]?.replaceAll(dir, '<dir>')).toMatch(
      /^The state database <dir>\/direct\.sqlite is damaged: .+\. It was kept as <dir>\/direct\.sqlite\.damaged-20261201T040506Z, and a new sandbox is started\.$/,
    );
    expect(opened.sandbox.ownerKey).toMatch(/^sk_test_/);
    expect(existsSync(`${path}.damaged-20261201T040506Z`)).toBe(true);
    opened.sandbox.dispose();
  });

  test('--state with a database of another API is refused and left as it is', async () => {
    const path = join(dir, 'other.sqlite');
    const opened = await openStateStorage({ path, from: 'env' }, 'aloochat');
    if (!opened.ok) throw new Error(opened.message);
    const other = await createSandbox({ model: loadModel('aloochat'), storage: opened.storage });
    other.dispose();
    const size = readFileSync(path).length;
    const refused = await openStateStorage({ path, from: 'flag' }, model.product.id);
    expect(refused.ok ? null : refused.message.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(
      `"The state database <dir>/other.sqlite belongs to another API (aloochat), so it cannot be loaded; it was left as it is. Leave out --state to start a new sandbox."`,
    );
    expect(readFileSync(path).length).toBe(size);
  });
});

describe('leftovers of the JSON writer', () => {
  test('temporary files of processes that are gone are removed; a running one’s is kept', () => {
    const path = join(dir, 'tmp-state.json');
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    const dead = `${path}.${gone}.tmp`;
    const running = `${path}.${process.ppid}.tmp`;
    const unrelated = `${path}.notes.tmp`;
    for (const file of [dead, running, unrelated]) writeFileSync(file, '{}');
    expect(removeLeftoverTemporaryFiles(path)).toEqual([dead]);
    expect(
      readdirSync(dir)
        .filter((name) => name.startsWith('tmp-state.json.'))
        .sort(),
    ).toEqual([running, unrelated].map((file) => file.slice(dir.length + 1)).sort());
  });

  test('opening the state removes them and says so', async () => {
    const path = join(dir, 'cleaned.json');
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(`${path}.${gone}.tmp`, '{}');
    const opened = await open({ path, from: 'env' });
    expect(opened.notices[0]).toBe(`Removed 1 leftover temporary file of an interrupted save (cleaned.json.${gone}.tmp).`);
    expect(existsSync(`${path}.${gone}.tmp`)).toBe(false);
    opened.sandbox.dispose();
  });
});

describe('on a Node without node:sqlite', () => {
  test('the JSON file keeps the state, with a one-line notice', async () => {
    const path = join(dir, 'node20.json');
    const opened = await open({ path, from: 'env' }, { sqlite: null });
    expect(opened.durable).toBe(false);
    expect(opened.file).toBe(path);
    expect(opened.notices).toEqual([
      `Node.js ${process.version} has no built-in SQLite: the state is saved to ${path} shortly after each change. Node.js 22.13+ keeps state durably.`,
    ]);
    opened.sandbox.dispose();
    expect(JSON.parse(readFileSync(path, 'utf8')).productId).toBe(model.product.id);
    expect(existsSync(`${path}.sqlite`)).toBe(false);
  });

  test('a database named directly is refused, saying which Node reads it', async () => {
    const refused = await openStateStorage({ path: join(dir, 'x.sqlite'), from: 'env' }, model.product.id, { sqlite: null });
    expect(refused.ok ? null : refused.message.replace(dir, '<dir>').replace(process.version, '<version>')).toMatchInlineSnapshot(
      `"<dir>/x.sqlite is a SQLite database, which needs Node.js 22.13 or later (this is <version>). Use a newer Node, or a JSON file."`,
    );
  });
});
