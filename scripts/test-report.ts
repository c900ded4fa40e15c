/**
 * The count `npm test` ends with: gates and the runners' JSON reports summed into one
 * `N passed, N failed` line, with each failure named on its own line just above it, so the tail
 * of a long log says what failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

interface UnitReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; message: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

interface E2eSuite {
  title: string;
  specs?: { title: string; line: number; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: E2eSuite[];
}

interface E2eReport {
  suites: E2eSuite[];
  errors: { message?: string }[];
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

/** The first line of a failure message, without terminal colours, short enough for a recap. */
function firstLine(message: string | undefined): string {
  const line = stripVTControlCharacters(message ?? '')
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '');
  if (!line) return '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function e2eFailures(suite: E2eSuite, file: string): string[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests
      .filter(({ status }) => status === 'unexpected' || status === 'flaky')
      .map(
        (test) =>
          `[${test.projectName}] ${file}:${spec.line} › ${spec.title} (${test.status}): ${firstLine(test.results.find(({ error }) => error)?.error?.message)}`,
      ),
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => e2eFailures(child, file))];
}

export class TestTally {
  passed = 0;
  failed = 0;
  skipped = 0;
  /** What failed, one line each. */
  readonly failures: string[] = [];

  /** A gate (type check, lint, a build, size budgets) counts as one test. */
  gate(title: string, ok: boolean): void {
    if (ok) this.passed += 1;
    else this.fail(title);
  }

  fail(what: string): void {
    this.failed += 1;
    this.failures.push(what);
  }

  /** Vitest's JSON report; `ranOk` is whether the runner exited 0. */
  addUnit(path: string, ranOk: boolean): void {
    const report = readJson(path) as UnitReport | undefined;
    if (!report) return this.fail('unit tests: the runner wrote no report');
    const before = this.failed;
    this.passed += report.numPassedTests;
    this.skipped += report.numPendingTests + report.numTodoTests;
    for (const file of report.testResults) {
      const where = relative(process.cwd(), file.name);
      for (const test of file.assertionResults.filter(({ status }) => status === 'failed'))
        this.fail(`${where} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
      // A file that failed to load has no test results, only its message.
      if (file.assertionResults.length === 0 && file.message) this.fail(`${where}: ${firstLine(file.message)}`);
    }
    if (!ranOk && this.failed === before) this.fail('unit tests: the runner failed with no failing test');
  }

  /** Playwright's JSON report; a flaky test counts as failed. */
  addE2e(path: string, ranOk: boolean): void {
    const report = readJson(path) as E2eReport | undefined;
    if (!report) return this.fail('end-to-end tests: the runner wrote no report');
    const before = this.failed;
    this.passed += report.stats.expected;
    this.skipped += report.stats.skipped;
    for (const failure of report.suites.flatMap((suite) => e2eFailures(suite, suite.title))) this.fail(failure);
    // Errors outside tests: a web server that did not start, a file that did not load.
    for (const error of report.errors) this.fail(`end-to-end tests: ${firstLine(error.message)}`);
    if (!ranOk && this.failed === before) this.fail('end-to-end tests: the runner failed with no failing test');
  }

  /** The closing lines: what failed, if anything, then `N passed, N failed`. */
  summary(): string {
    const failed = this.failures.length > 0 ? `\nFailed:\n${this.failures.map((line) => `  ✗ ${line}`).join('\n')}\n` : '';
    const skipped = this.skipped > 0 ? `, ${this.skipped} skipped` : '';
    return `${failed}\n${this.passed} passed, ${this.failed} failed${skipped}`;
  }

  /** A run with no tests fails too. */
  get ok(): boolean {
    return this.failed === 0 && this.passed > 0;
  }
}
