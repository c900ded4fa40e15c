/**
 * A key made in the browser works from a terminal: the key manager exports this browser's
 * sandbox, the built site serves the local sandbox file, and that file — alone in an empty
 * folder with the export, run by the system's Node — answers curl with the browser's key.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateKey } from '../../src/api/key-format.ts';
import { sqliteStorage } from '../../mocks/sqlite-storage.ts';
import { loadSqlite } from '../../mocks/state-files.ts';
import { createKey, model, openKeyManager } from './widgets-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/**
 * A Node ≥ 20 outside node_modules, as a reader has: the pinned Node 24 that runs this test must
 * not be the one that proves the file needs no install and runs on Node 20. Only where no such
 * Node exists does it fall back to the test's own Node (the run then proves less).
 */
function systemNode(): string {
  let listed: string[] = [];
  try {
    listed = execFileSync('which', ['-a', 'node'], { encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin' } }).split('\n');
  } catch {
    // `which` finds nothing: try the usual places below.
  }
  const candidates = [...new Set(['/usr/local/bin/node', '/usr/bin/node', ...listed.map((line) => line.trim())])].filter(
    (path) => path && !path.includes('node_modules') && existsSync(path),
  );
  for (const path of candidates) {
    const major = Number(/^v(\d+)\./.exec(execFileSync(path, ['--version'], { encoding: 'utf8' }))?.[1]);
    if (major >= 20) return path;
  }
  return process.execPath;
}

/** What the local sandbox saved for `export.json` in `dir`, wherever it keeps it. */
async function savedState(dir: string): Promise<{ account: { usage: Record<string, { total: { requests: number } }> } }> {
  const database = join(dir, 'export.json.sqlite');
  if (!existsSync(database)) return JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8'));
  const store = sqliteStorage((await loadSqlite())!, database);
  try {
    return JSON.parse(store.load()!);
  } finally {
    store.close();
  }
}

/** curl with the key header from its config on stdin, so the key is never in argv. */
function curl(url: string, header: [string, string]): Promise<{ status: number; body: Record<string, unknown> }> {
  const separator = '\n--status--\n';
  return new Promise((resolve, reject) => {
    const child = execFile('curl', ['--silent', '--config', '-', '--write-out', `${separator}%{http_code}`, url], (error, stdout) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an Error at run time; its type (ExecFileException) is built with Omit<>
      if (error) return reject(error);
      const [body, status] = stdout.split(separator);
      resolve({ status: Number(status), body: JSON.parse(body!) as Record<string, unknown> });
    });
    child.stdin!.end(`header = "${header[0]}: ${header[1]}"\n`);
  });
}

/** Waits until the local sandbox has printed its banner; returns the banner. */
function banner(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The local sandbox printed no banner within 15 s:\n${output}`)), 15_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`The local sandbox exited (${code}):\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Try it:')) return;
      clearTimeout(timer);
      resolve(output);
    });
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a key made in the key manager works with curl against the downloaded local sandbox', async ({ page, request }) => {
  test.setTimeout(60_000);
  const testEnv = model.environments.find((env) => env.id === 'test')!;
  const scheme = model.auth.schemes[0]!;
  const keyHeader = (key: string): [string, string] => (scheme.type === 'bearer' ? ['Authorization', `Bearer ${key}`] : [scheme.name, key]);
  const script = `${model.product.id}-sandbox.mjs`;
  const dir = mkdtempSync(join(tmpdir(), 'keyport-local-sandbox-'));
  let child: ChildProcess | undefined;
  try {
    const manager = await openKeyManager(page);
    const secret = await createKey(page, manager, { name: 'Taken to the terminal' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      manager.getByRole('button', { name: 'Export for the local sandbox' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${model.product.id}-sandbox-state.json`);
    await expect(manager.getByRole('status')).toContainText(`Saved ${model.product.id}-sandbox-state.json`);

    // The panel's link is the file a reader downloads; fetch it from the built site as they would.
    const link = manager.getByRole('link', { name: script });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/sandbox/${script}`);
    const served = await request.get(href!);
    expect(served.status()).toBe(200);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, script), await served.body());
    await download.saveAs(join(dir, 'export.json'));
    expect(readdirSync(dir).sort()).toEqual(['export.json', script].sort());

    // The export holds keys as hashes: neither this key nor any key of the wallet (which holds the
    // plaintexts, the owner key's included) appears in it, whole or without its prefix.
    const exported = readFileSync(join(dir, 'export.json'), 'utf8');
    const randomPart = secret.slice(testEnv.keyPrefix.length);
    expect(secret.startsWith(testEnv.keyPrefix)).toBe(true);
    expect(exported).not.toContain(secret);
    expect(exported).not.toContain(randomPart);
    expect(exported).not.toMatch(new RegExp(`${escape(testEnv.keyPrefix)}[0-9A-Za-z]{12,}`));
    const walletSecrets = await page.evaluate(
      (key) => (JSON.parse(localStorage.getItem(key) ?? '{"keys":[]}').keys as Array<{ secret: string }>).map((k) => k.secret),
      `keyport:wallet:${model.product.id}`,
    );
    expect(walletSecrets).toContain(secret);
    for (const walletSecret of walletSecrets) expect(exported).not.toContain(walletSecret);

    // Plain `node FILE` in that folder: no package.json, no node_modules, a bare environment.
    child = spawn(systemNode(), [script, '--state', 'export.json'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const printed = await banner(child);
    expect(printed).toContain(`Keys were restored from ${join(dir, 'export.json')}`);
    expect(printed).not.toContain(secret);
    const testBase = /^\s+test\s+(http:\/\/127\.0\.0\.1:\d+\S*)/m.exec(printed)?.[1];
    expect(testBase).toBeTruthy();

    const whoami = `${testBase}${model.management.whoamiPath}`;
    const mine = await curl(whoami, keyHeader(secret));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ name: 'Taken to the terminal', environment: 'test' });
    const unknown = await curl(whoami, keyHeader(generateKey(testEnv.keyPrefix, model.keyFormat.randomLength)));
    expect(unknown.status).toBe(401);

    // It keeps the state it loaded: the request above is now in the key's usage — in
    // export.json.sqlite on a Node with SQLite (22.13+), in export.json itself on Node 20.
    const keyId = mine.body['key_id'] as string;
    await expect.poll(async () => (await savedState(dir)).account.usage[keyId]?.total.requests ?? 0).toBeGreaterThanOrEqual(1);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
