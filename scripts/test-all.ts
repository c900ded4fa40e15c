/**
 * `npm test`: type check, lint, unit tests (type tests included), build, size budgets,
 * end-to-end tests — in that order, each once — then one line `N passed, N failed` summed from
 * the runners' JSON reports. A gate (type check, lint, build, size budgets) counts as one test:
 * passed or failed. A run with no tests fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { documentFixtures, testedDocuments } from '../tests/fixtures/openapi/documents.ts';
import { TestTally } from './test-report.ts';

const REPORTS = 'reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const total = new TestTally();

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) console.log(`✗ ${title} failed (exit ${result.status ?? result.signal})`);
  return ok;
}

function gate(title: string, command: string, args: string[]): boolean {
  const ok = run(title, command, args);
  total.gate(title, ok);
  return ok;
}

function finish(): never {
  console.log(total.summary());
  process.exit(total.ok ? 0 : 1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Vitest on `files` (every unit test when none), counted from its JSON report. */
function unitTests(title: string, files: string[] = []): void {
  const json = `${REPORTS}/unit.json`;
  const args = ['run', '--silent', 'test:unit', '--', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`];
  total.addUnit(json, run(title, npm, args));
}

/** Playwright, every project of the config, counted from its JSON report. */
function endToEndTests(): void {
  const json = `${REPORTS}/e2e.json`;
  total.addE2e(json, run('end-to-end tests', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: json }));
}

/**
 * `KEYPORT_SPEC=path/to/openapi.yaml npm test`: your own document's portal alone — built, its
 * snippets run in every language against its sandbox, and its pages and browser sandbox checked
 * in Chromium. Keyport's own checks (types, lint, the presets' suites) are left out.
 */
function testYourDocument(): never {
  const [document] = testedDocuments();
  const built = gate(`build (${document!.file})`, 'env', [`KEYPORT_OUT_DIR=${document!.outDir}`, npm, 'run', '--silent', 'build']);
  unitTests('snippets', ['tests/unit/snippets/documents.test.ts']);
  if (built) endToEndTests();
  else {
    console.log('✗ end-to-end tests not run: the build failed');
    total.fail('end-to-end tests: not run, the build failed');
  }
  finish();
}

if (process.env['KEYPORT_SPEC']) testYourDocument();

gate('type check', npm, ['run', '--silent', 'typecheck']);
gate('lint', npm, ['run', '--silent', 'lint']);
gate('format', npm, ['run', '--silent', 'format:check']);

unitTests('unit tests');

// A portal from each vendored OpenAPI document, then the second preset, then the default one last,
// so the default preset's generated files are what stays in the tree.
const documentsBuilt = documentFixtures()
  .map((document) =>
    gate(`build (${document.name} document)`, 'env', [
      `KEYPORT_SPEC=${document.file}`,
      `KEYPORT_OUT_DIR=${document.outDir}`,
      npm,
      'run',
      '--silent',
      'build',
    ]),
  )
  .every(Boolean);
const SECOND_PRESET = 'aloochat';
const secondBuilt = gate(`build (${SECOND_PRESET} preset)`, 'env', [
  `KEYPORT_PRESET=${SECOND_PRESET}`,
  `KEYPORT_OUT_DIR=dist-presets/${SECOND_PRESET}`,
  npm,
  'run',
  '--silent',
  'build',
]);
const built = gate('build', npm, ['run', '--silent', 'build']) && secondBuilt && documentsBuilt;
if (built) {
  // Reads dist/ and sdk-dist/ of the default preset, built last.
  gate('size budgets', npm, ['run', '--silent', 'size']);
  endToEndTests();
} else {
  console.log('✗ size budgets and end-to-end tests not run: the build failed');
  total.fail('size budgets: not run, the build failed');
  total.fail('end-to-end tests: not run, the build failed');
}

finish();
