/**
 * `npm run size`: the JavaScript each built page loads, gzip-compressed, following imports,
 * checked against the performance budgets in `page-budgets.ts`. Reads dist/ and sdk-dist/; run
 * `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BUDGET, gzipBytes, KB, pageWeights } from './page-budgets.ts';

// The build to measure: `dist/`, or another build's folder.
const DIST = process.env['KEYPORT_OUT_DIR'] || 'dist';
const SDK_BUNDLE = 'sdk-dist/keyport-sdk.min.js';

if (!existsSync(DIST)) {
  console.error(`No ${DIST}/ folder: run \`npm run build\` first.`);
  process.exit(1);
}

const rows = pageWeights(DIST);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
console.table(
  rows.map((row) => ({
    page: row.page,
    islands: row.islands,
    'at load': kb(row.atLoad),
    lazy: kb(row.lazy),
    checked: `${kb(row.measured)} / ${kb(row.budget)}`,
    ok: row.measured <= row.budget ? '✓' : '✗ over',
  })),
);

let failed = rows.filter((row) => row.measured > row.budget).length;
if (existsSync(SDK_BUNDLE)) {
  const sdk = gzipBytes(readFileSync(SDK_BUNDLE));
  const ok = sdk <= BUDGET.sdk;
  console.log(`SDK + ky (${SDK_BUNDLE}, minified): ${kb(sdk)} gzip / budget ${kb(BUDGET.sdk)} ${ok ? '✓' : '✗ over'}`);
  if (!ok) failed += 1;
} else {
  console.log(`SDK bundle not found at ${SDK_BUNDLE}: run \`npm run build:sdk\`.`);
  failed += 1;
}
if (failed > 0) {
  console.error(`${failed} budget(s) exceeded.`);
  process.exit(1);
}
console.log('All pages within budget.');
