/**
 * Runs the snippets of one language for real against `npm run sandbox`: every endpoint with its
 * documented example, every endpoint that takes a body once more with hostile text (then checks
 * that the sandbox stored exactly what the code showed), each auth scheme, an unset key variable
 * and a sandbox that is not running. Snippets are rendered for the local sandbox
 * (`http://127.0.0.1:8787`); the one change made before running them is the port, since each
 * test file starts its own sandbox on a free one. By default the API is the preset's; a subject
 * may give another model and the sandbox's environment that serves it (`KEYPORT_SPEC`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_SANDBOX_ORIGIN, targetBaseUrl } from '../../../src/api/code-targets.ts';
import { buildRequest, sampleId, type RequestChoices } from '../../../src/api/example-request.ts';
import { schemeLabel, withKey } from '../../../src/api/runtime/index.ts';
import { requestExample } from '../../../src/api/examples.ts';
import { loadModel, type ApiModel } from '../../../src/api/index.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import type { SnippetLanguage } from '../../../src/components/snippets/languages.ts';
import { renderOptions, renderSnippet } from '../../../src/components/snippets/render.ts';
import { startSandboxServer, type SandboxServer } from '../../helpers/sandbox-server.ts';
import { hostileBody } from './hostile.ts';
import { RUN_TIMEOUT_MS, TOOLCHAINS, type Outcome } from './toolchains.ts';

/** The API whose snippets run, and how the sandbox server is started to serve it. */
export interface SnippetSubject {
  model: ApiModel;
  /** Words in the suite's name, e.g. `npm run sandbox`. */
  label: string;
  /** The sandbox server's environment, e.g. `{ KEYPORT_SPEC: file }`. */
  sandboxEnv?: Record<string, string>;
  /** The endpoints run with their documented example. @default every endpoint */
  endpoints?: (endpoint: Endpoint) => boolean;
  /** Whether bodies are also sent with hostile text. @default true */
  hostile?: boolean;
  /**
   * Whether the checks of the generators themselves run too: a query parameter beside the key, an
   * unset key variable, an unreachable sandbox. They do not depend on the API. @default true
   */
  generatorChecks?: boolean;
}

/** What readers get: the built, unminified SDK bundle (`npm run build:sdk`). */
const SDK_BUNDLE = fileURLToPath(new URL('../../../sdk-dist/keyport-sdk.js', import.meta.url));

/** Installs the SDK bundle as the package its snippets import, in `root/node_modules`, as `npm install` would. */
function installSdk(model: ApiModel, root: string): void {
  const dir = join(root, 'node_modules', ...model.product.sdkPackage.split('/'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(SDK_BUNDLE, join(dir, 'index.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: model.product.sdkPackage, type: 'module', exports: './index.js' }));
}

/** A request a snippet made, as the snippet printed it. */
interface Printed {
  status: number | null;
  body: unknown;
}

/** Every language prints a status line, then the body; curl (`--include`) prints headers between. */
function printed(language: SnippetLanguage, outcome: Outcome): Printed {
  const text = outcome.stdout;
  const parse = (raw: string) => {
    try {
      return JSON.parse(raw);
    } catch {
      return raw.trim();
    }
  };
  if (language === 'sdk') return { status: null, body: parse(text) };
  if (language === 'curl') {
    const [head = '', ...rest] = text.split(/\r?\n\r?\n/);
    return { status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head)?.[1] ?? NaN), body: parse(rest.join('\n\n')) };
  }
  const [first = '', ...rest] = text.split('\n');
  return { status: Number(/^(\d{3})\b/.exec(first)?.[1] ?? NaN), body: parse(rest.join('\n')) };
}

/** Reads first, creates next, then changes, deletes last, so every sample finds the records it names. */
function order(endpoints: Endpoint[]): Endpoint[] {
  const rank = (e: Endpoint) =>
    e.method === 'DELETE' ? 3 : e.method === 'GET' ? 0 : e.action.type === 'create' || e.id === 'keys.create' ? 1 : 2;
  return [...endpoints].sort((a, b) => rank(a) - rank(b));
}

/**
 * Full-access keys, each used a limited number of times, so a fast language stays under the
 * sandbox tier's per-key rate limit. Each new key is created with the previous one.
 */
class KeyPool {
  readonly base: string;
  readonly model: ApiModel;
  #key: string;
  #uses = 0;
  constructor(model: ApiModel, base: string, first: string) {
    this.model = model;
    this.base = base;
    this.#key = first;
  }
  static readonly USES_PER_KEY = 20;

  async next(): Promise<string> {
    if (++this.#uses >= KeyPool.USES_PER_KEY) {
      this.#key = await this.create('Snippet runner');
      this.#uses = 1;
    }
    return this.#key;
  }

  /** Creates a full-access test key and returns its plaintext. */
  async create(name: string): Promise<string> {
    const created = await this.call('POST', this.model.management.keysPath, { name });
    return (created as { secret: string }).secret;
  }

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    this.#uses++;
    const { url, headers } = withKey(this.model.auth.schemes[0]!, this.#key, this.base + path);
    const response = await fetch(url, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/** The endpoint that reads back what `endpoint` writes: the collection's or the keys' `get`. */
function readEndpoint(model: ApiModel, endpoint: Endpoint): Endpoint | undefined {
  const { action } = endpoint;
  if ('collection' in action)
    return model.endpoints.find((e) => e.action.type === 'get' && 'collection' in e.action && e.action.collection === action.collection);
  if (action.type === 'keys') return model.endpoints.find((e) => e.action.type === 'keys' && e.action.operation === 'get');
  return undefined;
}

function childEnv(envVar: string, key: string | null): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[envVar];
  if (key !== null) env[envVar] = key;
  return env;
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Defines the tests for one language (one test file per language, so languages run in parallel). */
export function describeSnippets(
  language: SnippetLanguage,
  subject: SnippetSubject = { model: loadModel(), label: 'npm run sandbox' },
): void {
  const { model } = subject;
  const { envVar } = model.product;
  const toolchain = TOOLCHAINS[language];
  const missing = toolchain.missing();
  if (missing && process.env['CI'] === 'true') {
    test(`the ${language} toolchain is installed`, () => {
      throw new Error(`${language} snippets cannot run: ${missing}. .ci/run installs it.`);
    });
    return;
  }
  if (missing) console.warn(`Skipping ${language} snippets: ${missing}`);

  // A test may take as long as its snippet may run: on a busy machine a compiler (mcs, javac, go)
  // can be slow, and the runner's own limit, not the test's, should be what reports a hung run.
  describe.skipIf(Boolean(missing))(
    `${language} snippets, run as printed against ${subject.label}`,
    { timeout: RUN_TIMEOUT_MS + 10_000 },
    () => {
      let server: SandboxServer;
      let root: string;
      let pool: KeyPool;
      let runs = 0;

      beforeAll(async () => {
        server = await startSandboxServer(subject.sandboxEnv);
        pool = new KeyPool(model, server.testBase, server.key!);
        root = mkdtempSync(join(tmpdir(), `keyport-snippets-${language}-`));
        if (language === 'sdk') installSdk(model, root);
      });
      afterAll(async () => {
        await server?.stop();
        if (root) rmSync(root, { recursive: true, force: true });
      });

      const render = (endpoint: Endpoint, choices: RequestChoices = {}) =>
        renderSnippet(
          language,
          buildRequest(model, endpoint, { baseUrl: targetBaseUrl(model, 'local', 'test'), ...choices }),
          renderOptions(model, 'local', 'test'),
        );

      /** Runs code as printed but for the sandbox's port, in a fresh folder. */
      async function run(code: string, key: string | null, origin = server.origin): Promise<Outcome> {
        const dir = join(root, String(++runs));
        mkdirSync(dir);
        return toolchain.run(code.replaceAll(LOCAL_SANDBOX_ORIGIN, origin), childEnv(envVar, key), dir);
      }

      async function runOk(code: string, key: string): Promise<Printed> {
        const outcome = await run(code, key);
        const detail = `exit ${outcome.exitCode}\n--- stdout\n${outcome.stdout}\n--- stderr\n${outcome.stderr}\n--- code\n${code}`;
        expect(outcome.exitCode, detail).toBe(0);
        if (language !== 'curl') expect(outcome.stderr.replace(/^Compilation succeeded.*$/m, '').trim(), detail).toBe('');
        return printed(language, outcome);
      }

      /** Ids a sample needs: key operations act on a spare key, so the runner's own keys survive. */
      async function choicesFor(endpoint: Endpoint): Promise<RequestChoices> {
        if (endpoint.action.type === 'keys' && endpoint.path.includes('{id}')) {
          const spare = (await pool.call('POST', model.management.keysPath, { name: `Spare for ${endpoint.id}` })) as { id: string };
          return { id: spare.id };
        }
        return {};
      }

      const whoami = model.endpoints.find((e) => e.action.type === 'whoami')!;
      for (const scheme of model.auth.schemes) {
        const name = schemeLabel(scheme);
        test(`who am I, with the key in ${name}, answers 200`, async () => {
          const key = await pool.next();
          const result = await runOk(render(whoami, { scheme }), key);
          if (language !== 'sdk') expect(result.status).toBe(200);
          expect(result.body).toMatchObject({ environment: 'test' });
        });
      }

      // First, while the collection still holds its seeded records (the tests below delete some).
      const list = model.endpoints.find((e) => e.action.type === 'list' && 'collection' in e.action && e.query?.shape['limit']);
      if (list && subject.generatorChecks !== false)
        test(`${list.method} ${list.path} with its own query parameter (limit=1) sends it beside the key`, async () => {
          const result = await runOk(render(list, { query: { limit: '1' } }), await pool.next());
          if (language !== 'sdk') {
            expect(result.status).toBe(200);
            expect((result.body as { data: unknown[] }).data).toHaveLength(1);
          }
        });

      for (const endpoint of order(model.endpoints.filter(subject.endpoints ?? (() => true)))) {
        test(`${endpoint.method} ${endpoint.path} (${endpoint.id}) with the documented example answers ${endpoint.successStatus}`, async () => {
          const key = await pool.next();
          const result = await runOk(render(endpoint, await choicesFor(endpoint)), key);
          if (language !== 'sdk') expect(result.status, JSON.stringify(result.body)).toBe(endpoint.successStatus);
        });

        const hostile = subject.hostile === false ? null : hostileBody(endpoint, requestExample(model, endpoint));
        if (hostile === null) continue;
        test(`${endpoint.method} ${endpoint.path} (${endpoint.id}) sends hostile text exactly as shown`, async () => {
          const key = await pool.next();
          const choices = await choicesFor(endpoint);
          const result = await runOk(render(endpoint, { ...choices, body: hostile.body }), key);
          if (language !== 'sdk') expect(result.status).toBe(endpoint.successStatus);
          const expected = Object.fromEntries(hostile.fields.map((field) => [field, hostile.body[field]]));
          expect(result.body, 'the response').toMatchObject(expected);
          // And what the sandbox stored, read back with a plain fetch.
          const get = readEndpoint(model, endpoint);
          const id =
            (result.body as { id?: string }).id ?? choices.id ?? (endpoint.path.includes('{id}') ? sampleId(model, endpoint) : undefined);
          if (get && id)
            expect(await pool.call('GET', get.path.replace('{id}', encodeURIComponent(id))), 'the stored record').toMatchObject(expected);
        });
      }

      if (subject.generatorChecks !== false) {
        test(`stops with a message naming ${envVar} when it is not set`, async () => {
          const outcome = await run(render(whoami), null);
          expect(outcome.exitCode).not.toBe(0);
          expect(outcome.stderr).toContain(envVar);
          expect(outcome.stdout).not.toMatch(/\b200\b/);
        });

        test('exits non-zero when the sandbox cannot be reached', async () => {
          const port = await closedPort();
          const outcome = await run(render(whoami), await pool.next(), `http://127.0.0.1:${port}`);
          expect(outcome.exitCode).not.toBe(0);
        });
      }
    },
  );
}
