/**
 * Runs the docs' code samples for real against `npm run sandbox`: curl in a shell, Node and the
 * SDK with the local Node, Python with python3 and requests. A sample is run as printed, with two
 * substitutions a reader would make too: the sandbox's local base URL, and the id of a key that
 * exists (key ids differ per account).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildRequest, sampleId } from '../../../src/api/example-request.ts';
import { responseExample } from '../../../src/api/examples.ts';
import { loadModel } from '../../../src/api/index.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import type { SnippetLanguage } from '../../../src/components/snippets/languages.ts';
import { renderSnippet } from '../../../src/components/snippets/render.ts';
import { startSandboxServer, type SandboxServer } from '../../helpers/sandbox-server.ts';

const model = loadModel();
const testBaseUrl = model.environments.find((env) => env.id === 'test')!.baseUrl;
const SDK_ENTRY = pathToFileURL(new URL('../../../src/sdk/index.ts', import.meta.url).pathname).href;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  exitCode: number;
}

function exec(command: string, args: string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status: null, stdout, stderr, exitCode });
    });
  });
}

/** Runs one sample with the key in the environment variable the docs name. */
async function run(language: SnippetLanguage, code: string, key: string, dir: string): Promise<Outcome> {
  const env = { [model.product.envVar]: key };
  switch (language) {
    case 'curl': {
      const outcome = await exec('bash', ['-c', code], env);
      return { ...outcome, status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(outcome.stdout)?.[1] ?? NaN) };
    }
    case 'node':
    case 'sdk': {
      const file = join(dir, `${language}-${Date.now()}.mjs`);
      writeFileSync(file, code);
      const outcome = await exec(process.execPath, [file], env);
      return { ...outcome, status: language === 'node' ? Number(/^(\d{3}) /.exec(outcome.stdout)?.[1] ?? NaN) : null };
    }
    case 'python': {
      const file = join(dir, `sample-${Date.now()}.py`);
      writeFileSync(file, code);
      const outcome = await exec('python3', [file], env);
      return { ...outcome, status: Number(/^(\d{3}) /.exec(outcome.stdout)?.[1] ?? NaN) };
    }
    default:
      throw new Error(`Samples in ${language} are not run by this suite.`);
  }
}

/** Reads first, changes later, deletes last, so every sample finds the records it names. */
function order(endpoints: Endpoint[]): Endpoint[] {
  const rank = (e: Endpoint) => (e.method === 'DELETE' ? 3 : e.method === 'GET' ? 0 : e.action.type === 'create' ? 1 : 2);
  return [...endpoints].sort((a, b) => rank(a) - rank(b));
}

/** The body of a curl sample's response (after the status line and headers). */
function curlBody(stdout: string): unknown {
  const text = stdout.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  return JSON.parse(text);
}

/** Defines one test per endpoint: the sample in `language` gives the status its page shows. */
export function describeSamples(language: SnippetLanguage): void {
  describe(`${language} samples of every endpoint, run against npm run sandbox`, () => {
    let server: SandboxServer;
    let dir: string;
    let owner: string;

    beforeAll(async () => {
      server = await startSandboxServer();
      owner = server.key!;
      dir = mkdtempSync(join(tmpdir(), `keyport-samples-${language}-`));
    });
    afterAll(async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** A fresh key for samples that act on one key (roll, revoke, …), so the owner key survives. */
    async function spareKeyId(): Promise<string> {
      const create = model.endpoints.find((e) => e.id === 'keys.create')!;
      const scheme = model.auth.schemes[0]!;
      const header = scheme.type === 'bearer' ? { Authorization: `Bearer ${owner}` } : { [scheme.name]: owner };
      const response = await fetch(server.testBase + create.path, {
        method: 'POST',
        headers: { ...header, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Sample target ${language}` }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    }

    // The authentication page shows one request per accepted header.
    for (const scheme of language === 'sdk' ? [] : model.auth.schemes) {
      const name = scheme.type === 'bearer' ? 'Authorization: Bearer' : scheme.name;
      test(`"who am I" with the key in ${name} answers 200`, async () => {
        const whoami = model.endpoints.find((e) => e.id === 'whoami.get')!;
        const code = await renderSnippet(language, buildRequest(model, whoami, { scheme }), { envVar: model.product.envVar, sdkPackage: model.product.sdkPackage });
        const outcome = await run(language, code.replaceAll(testBaseUrl, server.testBase), owner, dir);
        expect(outcome.exitCode).toBe(0);
        expect(outcome.status).toBe(200);
      });
    }

    for (const endpoint of order(model.endpoints)) {
      test(`${endpoint.method} ${endpoint.path} (${endpoint.id}) answers ${endpoint.successStatus}`, async () => {
        const request = buildRequest(model, endpoint);
        let code = await renderSnippet(language, request, { envVar: model.product.envVar, sdkPackage: model.product.sdkPackage });
        code = code.replaceAll(testBaseUrl, server.testBase);
        if (endpoint.action.type === 'keys' && endpoint.path.includes('{id}')) {
          code = code.replaceAll(sampleId(model, endpoint), await spareKeyId());
        }
        if (language === 'sdk') {
          code = code
            .replace(`from '${model.product.sdkPackage}'`, `from '${SDK_ENTRY}'`)
            .replace('createClient();', `createClient({ baseUrl: '${server.testBase}' });`);
        }

        const outcome = await run(language, code, owner, dir);
        // curl draws a progress meter on stderr when its output is not a terminal; only its
        // "curl: (n) …" lines are errors.
        const errors = language === 'curl' ? outcome.stderr.split('\n').filter((line) => line.startsWith('curl:')).join('\n') : outcome.stderr;
        expect(errors, `${language} sample printed errors`).toBe('');
        expect(outcome.exitCode).toBe(0);
        if (language === 'sdk') {
          expect(outcome.stdout.trim().length).toBeGreaterThan(0);
          return;
        }
        expect(outcome.status).toBe(endpoint.successStatus);
        if (language === 'curl') {
          const documented = responseExample(model, endpoint) as Record<string, unknown>;
          expect(Object.keys(curlBody(outcome.stdout) as object).sort()).toEqual(Object.keys(documented).sort());
        }
      });
    }
  });
}
