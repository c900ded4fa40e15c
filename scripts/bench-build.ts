/**
 * `npm run bench:build`: builds the whole portal from a generated OpenAPI document of 500
 * operations (100 REST collections under 20 tags, a key in a header, read and write scopes) and
 * prints the build time against its budget, the heaviest page, and the JS budgets of every page
 * (as `npm run size` measures them). `--operations N` (a multiple of 5) changes the size;
 * `--keep` keeps the document and the build in the temporary folder it prints.
 *
 * It builds with `KEYPORT_SPEC`, which rewrites the generated files; they are generated again for
 * the default preset at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlFiles, pagePath } from '../src/integrations/built-pages.ts';
import { gzipBytes, KB, pageWeights } from './page-budgets.ts';

const BUDGET_SECONDS = 90;
// Where the build writes the SDK it generated for the document.
const SDK_BUNDLE = 'sdk-dist/keyport-sdk.min.js';
const FIRST = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'island', 'juniper'];
const SECOND = ['notes', 'tasks', 'files', 'orders', 'events', 'venues', 'tickets', 'badges', 'routes', 'sensors'];

const args = process.argv.slice(2);
const operations = Number(args[args.indexOf('--operations') + 1]) || 500;
if (operations % 5 !== 0 || operations > 5 * FIRST.length * SECOND.length) {
  console.error(`--operations takes a multiple of 5 up to ${5 * FIRST.length * SECOND.length}.`);
  process.exit(2);
}

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** One collection: list, create, get, update, delete, with its record schema and scopes. */
function collectionPaths(first: string, second: string) {
  const id = `${first}_${second}`;
  const record = `${title(first)}${title(second).replace(/s$/, '')}`;
  const ref = { $ref: `#/components/schemas/${record}` };
  const input = { $ref: `#/components/schemas/${record}Input` };
  const read = [{ apiKey: [`${first}:read`] }];
  const write = [{ apiKey: [`${first}:write`] }];
  const json = (schema: object) => ({ content: { 'application/json': { schema } } });
  const tags = [title(first)];
  const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  const words = `${first} ${second}`;
  return {
    schemas: {
      [record]: {
        type: 'object',
        required: ['id', 'name', 'status', 'created_at'],
        properties: {
          id: { type: 'string', description: `Identifier of the ${words.replace(/s$/, '')}.` },
          name: { type: 'string', maxLength: 80, example: `First ${words.replace(/s$/, '')}` },
          status: { type: 'string', enum: ['active', 'paused', 'archived'] },
          count: { type: 'integer', minimum: 0 },
          labels: { type: 'array', items: { type: 'string' } },
          created_at: { type: 'string', format: 'date-time' },
        },
      },
      [`${record}Input`]: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', maxLength: 80, example: `First ${words.replace(/s$/, '')}` },
          status: { type: 'string', enum: ['active', 'paused', 'archived'] },
          count: { type: 'integer', minimum: 0 },
          labels: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    paths: {
      [`/${id.replace('_', '-')}`]: {
        get: {
          operationId: `list${record}s`,
          summary: `List ${words}`,
          tags,
          security: read,
          responses: { 200: { description: 'The list', ...json({ type: 'array', items: ref }) } },
        },
        post: {
          operationId: `create${record}`,
          summary: `Create a ${words.replace(/s$/, '')}`,
          tags,
          security: write,
          requestBody: { required: true, ...json(input) },
          responses: { 201: { description: 'Created', ...json(ref) } },
        },
      },
      [`/${id.replace('_', '-')}/{id}`]: {
        parameters: [idParameter],
        get: {
          operationId: `get${record}`,
          summary: `Get a ${words.replace(/s$/, '')}`,
          tags,
          security: read,
          responses: { 200: { description: 'Found', ...json(ref) } },
        },
        patch: {
          operationId: `update${record}`,
          summary: `Update a ${words.replace(/s$/, '')}`,
          tags,
          security: write,
          requestBody: { required: true, ...json(input) },
          responses: { 200: { description: 'Updated', ...json(ref) } },
        },
        delete: {
          operationId: `delete${record}`,
          summary: `Delete a ${words.replace(/s$/, '')}`,
          tags,
          security: write,
          responses: { 204: { description: 'Deleted' } },
        },
      },
    },
  };
}

export function largeDocument(count: number): object {
  const pairs = FIRST.flatMap((first) => SECOND.map((second) => [first, second] as const)).slice(0, count / 5);
  const parts = pairs.map(([first, second]) => collectionPaths(first, second));
  return {
    openapi: '3.1.0',
    info: { title: 'Benchmark', version: '1.0.0', description: `A generated API of ${count} operations.` },
    servers: [
      { url: 'https://api.bench.example/v1', description: 'Live' },
      { url: 'https://sandbox.bench.example/v1', description: 'Test' },
    ],
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Bench-Key' } },
      schemas: Object.fromEntries(parts.flatMap((part) => Object.entries(part.schemas))),
    },
    security: [{ apiKey: [] }],
    paths: Object.fromEntries(parts.flatMap((part) => Object.entries(part.paths))),
  };
}

if (import.meta.main) {
  const folder = mkdtempSync(join(tmpdir(), 'keyport-bench-'));
  const spec = join(folder, 'openapi.json');
  const outDir = join(folder, 'dist');
  writeFileSync(spec, JSON.stringify(largeDocument(operations), null, 2));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = { ...process.env, KEYPORT_SPEC: spec, KEYPORT_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' };

  console.log(`bench:build: building the portal of a generated document of ${operations} operations (${spec})…`);
  const started = performance.now();
  const build = spawnSync(npm, ['run', '--silent', 'build'], { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  let ok = build.status === 0;
  if (!ok) console.error(`${build.stdout}\n${build.stderr}\nThe build failed.`);
  else {
    const pages = htmlFiles(outDir).map((file) => {
      const html = readFileSync(file);
      return { page: pagePath(outDir, file), bytes: html.length, gzip: gzipBytes(html) };
    });
    const heaviest = pages.sort((a, b) => b.bytes - a.bytes)[0]!;
    const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
    const withinTime = seconds <= BUDGET_SECONDS;
    ok = withinTime;
    console.log(
      `Build time: ${seconds.toFixed(1)} s for ${operations} operations, ${pages.length} pages (budget ${BUDGET_SECONDS} s) ${withinTime ? '✓' : '✗ over'}`,
    );
    console.log(`Heaviest page: ${heaviest.page} — ${kb(heaviest.bytes)} HTML, ${kb(heaviest.gzip)} gzip`);
    const rows = pageWeights(outDir);
    const over = rows.filter((row) => row.measured > row.budget);
    const reference = rows.filter((row) => row.page.startsWith('/reference/')).sort((a, b) => b.atLoad - a.atLoad)[0];
    console.log(
      `JS budgets: ${rows.length - over.length} of ${rows.length} pages within budget ${over.length ? `✗ over: ${over.map((row) => row.page).join(', ')}` : '✓'}`,
    );
    if (reference)
      console.log(
        `Heaviest reference page's JS at load: ${reference.page} ${kb(reference.atLoad)} gzip (${reference.islands} island${reference.islands === 1 ? '' : 's'})`,
      );
    // The SDK grows with the API (one method per operation), so its bundle is reported, not held
    // to the budget set for the presets' APIs.
    if (existsSync(SDK_BUNDLE)) console.log(`SDK bundle for ${operations} operations: ${kb(gzipBytes(readFileSync(SDK_BUNDLE)))} gzip`);
    ok &&= rows.length > 0 && over.length === 0;
  }
  // Back to the default preset's generated files.
  spawnSync(npm, ['run', '--silent', 'generate'], { stdio: 'ignore' });
  spawnSync(npm, ['run', '--silent', 'build:sdk'], { stdio: 'ignore' });
  if (args.includes('--keep')) console.log(`Kept: ${folder}`);
  else rmSync(folder, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}
