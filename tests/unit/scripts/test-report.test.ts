import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { TestTally } from '../../../scripts/test-report.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'keyport-report-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function report(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

// Shaped as Vitest's `--reporter=json` writes it (only the fields read).
const unitReport = {
  numPassedTests: 3,
  numFailedTests: 1,
  numPendingTests: 1,
  numTodoTests: 0,
  testResults: [
    {
      name: join(process.cwd(), 'tests/unit/mocks/state.test.ts'),
      message: '',
      assertionResults: [
        { fullName: 'state keeps keys', status: 'passed', failureMessages: [] },
        {
          fullName: 'state survives a kill',
          status: 'failed',
          failureMessages: ['\u001b[31mAssertionError: expected 3 to be 4\u001b[39m\n    at state.test.ts:12:3'],
        },
      ],
    },
    { name: join(process.cwd(), 'tests/unit/broken.test.ts'), message: 'SyntaxError: Unexpected token', assertionResults: [] },
  ],
};

// Shaped as Playwright's JSON reporter writes it: suites per file, nested by describe.
const e2eReport = {
  stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 2 },
  errors: [],
  suites: [
    {
      title: 'widgets-keys.spec.ts',
      specs: [
        {
          title: 'a new key is shown once',
          line: 40,
          tests: [
            {
              projectName: 'default preset',
              status: 'unexpected',
              results: [{ error: { message: 'Error: expect(locator).toBeVisible() failed\n\nLocator: …' } }],
            },
          ],
        },
      ],
      suites: [
        {
          title: 'in dark mode',
          specs: [
            {
              title: 'contrast holds',
              line: 9,
              tests: [{ projectName: 'aloochat', status: 'flaky', results: [{ error: { message: 'Timeout 5000ms' } }, {}] }],
            },
            { title: 'passes', line: 20, tests: [{ projectName: 'aloochat', status: 'expected', results: [{}] }] },
          ],
        },
      ],
    },
  ],
};

test('each failure is named on its own line above the final count, which sums every runner and gate', () => {
  const tally = new TestTally();
  tally.gate('type check', true);
  tally.gate('size budgets', false);
  tally.addUnit(report('unit.json', unitReport), false);
  tally.addE2e(report('e2e.json', e2eReport), false);

  expect(tally.summary().split('\n')).toEqual([
    '',
    'Failed:',
    '  ✗ size budgets',
    '  ✗ tests/unit/mocks/state.test.ts › state survives a kill: AssertionError: expected 3 to be 4',
    '  ✗ tests/unit/broken.test.ts: SyntaxError: Unexpected token',
    '  ✗ [default preset] widgets-keys.spec.ts:40 › a new key is shown once (unexpected): Error: expect(locator).toBeVisible() failed',
    '  ✗ [aloochat] widgets-keys.spec.ts:9 › contrast holds (flaky): Timeout 5000ms',
    '',
    '9 passed, 5 failed, 3 skipped',
  ]);
  expect(tally.ok).toBe(false);
});

test('a runner that fails without a report, or without a failing test, is a failure too', () => {
  const tally = new TestTally();
  tally.addUnit(join(folder, 'missing.json'), false);
  tally.addE2e(
    report('e2e.json', {
      stats: { expected: 2, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: 'Error: webServer exited early' }],
      suites: [],
    }),
    false,
  );

  tally.addUnit(report('unit.json', { ...unitReport, numFailedTests: 0, testResults: [] }), false);

  expect(tally.failures).toEqual([
    'unit tests: the runner wrote no report',
    'end-to-end tests: Error: webServer exited early',
    'unit tests: the runner failed with no failing test',
  ]);
  expect(tally.summary().endsWith('\n5 passed, 3 failed, 1 skipped')).toBe(true);
});

test('a run where everything passed prints only the count, and a run with no tests is not ok', () => {
  const passing = new TestTally();
  passing.gate('lint', true);
  expect(passing.summary()).toBe('\n1 passed, 0 failed');
  expect(passing.ok).toBe(true);
  expect(new TestTally().ok).toBe(false);
});
