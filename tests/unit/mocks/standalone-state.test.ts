/**
 * The downloadable single-file sandbox with a state file: on a Node with `node:sqlite` it keeps
 * the state in a database without printing Node's ExperimentalWarning; on Node 20 (the oldest it
 * supports, which has no SQLite) it keeps the JSON file and says so in one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadModel } from '../../../src/api/index.ts';
import { buildLocalSandbox } from '../../../src/integrations/local-sandbox.ts';

const model = loadModel('huechat');
/** Debian's Node, when it is the Node 20 the single file promises to run on. */
const NODE_20 = '/usr/bin/node';
const node20 = existsSync(NODE_20) && spawnSync(NODE_20, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.startsWith('20.');

let dir: string;
let script: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keyport-standalone-state-'));
  const file = await buildLocalSandbox({ preset: 'huechat', model });
  script = join(dir, file.name);
  writeFileSync(script, file.code);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the file until its banner is printed, then stops it with SIGINT; returns all it printed. */
function run(node: string, state: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(node, [script], { env: { ...process.env, PORT: '0', SANDBOX_STATE: state }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('Try it:') && !child.killed) child.kill('SIGINT');
  });
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

test('with node:sqlite the state goes to FILE.sqlite and no ExperimentalWarning is printed', async () => {
  const state = join(dir, 'current.json');
  const result = await run(process.execPath, state);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Keys: a new sandbox, saved to ${state}.sqlite.`);
  expect(result.stderr).toBe('');
  expect(existsSync(`${state}.sqlite`)).toBe(true);
}, 20_000);

test.runIf(node20)(
  'on Node 20 the state stays in the JSON file, with a one-line notice',
  async () => {
    const state = join(dir, 'node20.json');
    const first = await run(NODE_20, state);
    expect(first.code).toBe(0);
    expect(first.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Node\.js v20\.\S+ has no built-in SQLite: the state is saved to .+node20\.json shortly after each change\. Node\.js 22\.13\+ keeps state durably\.$/,
      ),
    ]);
    expect(first.stdout).toContain(`Keys: a new sandbox, saved to ${state}.`);
    expect(existsSync(state)).toBe(true);
    expect(existsSync(`${state}.sqlite`)).toBe(false);

    const second = await run(NODE_20, state);
    expect(second.stdout).toContain(`Keys were restored from ${state} (1 key); changes are saved back to it.`);
  },
  20_000,
);
