/**
 * The local sandbox's command line (`npm run sandbox -- …` and the downloadable file share it):
 * `--state`, `--port`, the environment variables they stand in for, and what a mistake prints.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCli, usage } from '../../../mocks/sandbox-cli.ts';

const CWD = '/home/reader/downloads';
const parse = (argv: string[], env: Record<string, string> = {}) => parseCli(argv, env, CWD);
const options = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parse(argv, env);
  if (!parsed.ok) throw new Error(`expected options, got: ${parsed.message}`);
  return parsed.options;
};
const problem = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parse(argv, env);
  if (parsed.ok) throw new Error(`expected a problem, got options: ${JSON.stringify(parsed.options)}`);
  return parsed.message;
};

describe('the sandbox command line', () => {
  test('with nothing given, listens on 8787 and keeps the state in memory', () => {
    expect(options([])).toEqual({ port: 8787, state: null, help: false });
  });

  test('--state names the file to load, relative to the folder it is run in', () => {
    const state = { path: resolve(CWD, 'huechat-sandbox-state.json'), from: 'flag' };
    expect(options(['--state', 'huechat-sandbox-state.json']).state).toEqual(state);
    expect(options(['--state=huechat-sandbox-state.json']).state).toEqual(state);
    expect(options(['--state', '/tmp/export.json']).state).toEqual({ path: '/tmp/export.json', from: 'flag' });
  });

  test('SANDBOX_STATE still works, and --state wins over it', () => {
    expect(options([], { SANDBOX_STATE: 'kept.json' }).state).toEqual({ path: resolve(CWD, 'kept.json'), from: 'env' });
    expect(options(['--state', 'export.json'], { SANDBOX_STATE: 'kept.json' }).state).toEqual({
      path: resolve(CWD, 'export.json'),
      from: 'flag',
    });
  });

  test('PORT still works, and --port wins over it', () => {
    expect(options([], { PORT: '0' }).port).toBe(0);
    expect(options([], { PORT: '9000' }).port).toBe(9000);
    expect(options(['--port', '9001'], { PORT: '9000' }).port).toBe(9001);
    expect(options(['--port=0']).port).toBe(0);
  });

  test('--help asks for the usage, whatever else is given', () => {
    expect(options(['--state', 'x.json', '--help']).help).toBe(true);
    expect(options(['-h']).help).toBe(true);
    expect(usage('node huechat-sandbox.mjs')).toMatch(/^Usage: node huechat-sandbox\.mjs \[--state FILE\] \[--port N\]\n/);
    expect(usage('node huechat-sandbox.mjs')).toContain('SANDBOX_STATE=FILE as --state, but a missing FILE is created');
  });

  test('a missing value says which value is missing', () => {
    expect(problem(['--state'])).toMatchInlineSnapshot(`"--state needs a value: --state FILE."`);
    expect(problem(['--state='])).toMatchInlineSnapshot(`"--state needs a value: --state FILE."`);
    expect(problem(['--state', '--port', '1'])).toMatchInlineSnapshot(`"--state needs a value: --state FILE."`);
    expect(problem(['--port'])).toMatchInlineSnapshot(`"--port needs a value: --port N."`);
  });

  test('an unknown option or a stray argument is refused by name', () => {
    expect(problem(['--stat', 'x.json'])).toMatchInlineSnapshot(`"Unknown option "--stat"."`);
    expect(problem(['export.json'])).toMatchInlineSnapshot(`"Unexpected argument "export.json"; a state file goes after --state."`);
    expect(problem(['--state', 'a.json', 'b.json'])).toMatchInlineSnapshot(
      `"Unexpected argument "b.json"; a state file goes after --state."`,
    );
  });

  test('an option given twice is refused rather than one of them ignored', () => {
    expect(problem(['--state', 'a.json', '--state', 'b.json'])).toMatchInlineSnapshot(`"--state was given twice."`);
  });

  test('a port that is not one is refused, from the option or the environment', () => {
    expect(problem(['--port', 'eighty'])).toMatchInlineSnapshot(`"--port must be a port number (0–65535), not "eighty"."`);
    expect(problem(['--port', '70000'])).toMatchInlineSnapshot(`"--port must be a port number (0–65535), not "70000"."`);
    expect(problem(['--port', '-1'])).toMatchInlineSnapshot(`"--port must be a port number (0–65535), not "-1"."`);
    expect(problem([], { PORT: 'http' })).toMatchInlineSnapshot(`"PORT must be a port number (0–65535), not "http"."`);
  });
});
