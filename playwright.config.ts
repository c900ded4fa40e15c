import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/chromium.ts';
import { testedDocuments } from './tests/fixtures/openapi/documents.ts';

/** A free port for this run's preview server, so parallel checkouts never collide. */
function freePort(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

const port = Number(process.env['E2E_PORT']) || freePort();
process.env['E2E_PORT'] = String(port);

/**
 * A second preset, built by `npm test` into its own folder, proves the docs follow the model
 * with no page edited. Its specs are named `preset-<name>.spec.ts`.
 */
export const SECOND_PRESET = 'aloochat';
export const SECOND_PRESET_DIR = `dist-presets/${SECOND_PRESET}`;
const secondPort = Number(process.env['E2E_PORT_2']) || freePort();
process.env['E2E_PORT_2'] = String(secondPort);

/**
 * A portal per vendored OpenAPI document, built by `npm test` into `dist-documents/<name>/`, each
 * on its own port: `document-portals.spec.ts` runs once against each. With `KEYPORT_SPEC` set,
 * only that document's portal is served and tested (`KEYPORT_SPEC=… npm test`).
 */
const onlyYourDocument = Boolean(process.env['KEYPORT_SPEC']);
const documents = testedDocuments().map((fixture) => {
  const variable = `E2E_PORT_${fixture.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const documentPort = Number(process.env[variable]) || freePort();
  process.env[variable] = String(documentPort);
  return { ...fixture, port: documentPort };
});

/** The default preset (most specs) and the second preset (`preset-<name>.spec.ts`). */
const presetProjects = [
  { name: 'default preset', testIgnore: /(preset-.*|document-portals)\.spec\.ts/ },
  {
    name: SECOND_PRESET,
    testMatch: new RegExp(`preset-${SECOND_PRESET}\\.spec\\.ts`),
    use: { baseURL: `http://127.0.0.1:${secondPort}` },
  },
];

const presetServers = [
  {
    command: `npx astro preview --port ${port} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
  {
    command: `npx astro preview --port ${secondPort} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${secondPort}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1', KEYPORT_PRESET: SECOND_PRESET, KEYPORT_OUT_DIR: SECOND_PRESET_DIR },
  },
];

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  // Two cores: one worker keeps timings honest and the build's preview server responsive.
  workers: 1,
  timeout: 30_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    ...(onlyYourDocument ? [] : presetProjects),
    ...documents.map((document) => ({
      name: `document ${document.name}`,
      testMatch: /document-portals\.spec\.ts/,
      metadata: { file: document.file },
      use: { baseURL: `http://127.0.0.1:${document.port}` },
    })),
  ],
  // The sites are built by `npm test` before this runs; these serve them as a host would.
  webServer: [
    ...(onlyYourDocument ? [] : presetServers),
    ...documents.map((document) => ({
      command: `npx astro preview --port ${document.port} --host 127.0.0.1 --ignore-lock`,
      url: `http://127.0.0.1:${document.port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1', KEYPORT_OUT_DIR: document.outDir },
    })),
  ],
});
