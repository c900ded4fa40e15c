/**
 * The local sandbox a reader downloads from the docs site (`/sandbox/<product.id>-sandbox.mjs`):
 * the program of `npm run sandbox` in one file that runs with plain `node`. What readers type and
 * download lives here once, for the site build (src/integrations/local-sandbox.ts), the docs
 * pages, the key manager's export and the program's own banner; the port, the file's name and
 * the local base paths come from src/api/code-targets.ts, which the snippets' "local" target
 * uses too. No Node built-ins: pages import this at build time.
 */
import { LOCAL_SANDBOX_ORIGIN, LOCAL_SANDBOX_PORT, localBasePath, localSandboxFile } from '../src/api/code-targets.ts';
import type { ApiModel } from '../src/api/model.ts';
import { defaultScheme, keyPlacement } from '../src/api/runtime/index.ts';
import type { EnvironmentId } from '../src/api/schema/environments.ts';

/** Where the local sandbox listens unless `PORT` or `--port` says otherwise (the snippets' target too). */
export const DEFAULT_PORT = LOCAL_SANDBOX_PORT;
export const DEFAULT_ORIGIN = LOCAL_SANDBOX_ORIGIN;

/** The program's options, one per line, for its `--help` and the downloadable file's header comment. */
export const OPTION_LINES = [
  '--state FILE  Load FILE (the key manager\'s "Export for the local sandbox", or a file an earlier',
  '              run saved) and keep every change, as it happens, in the database FILE.sqlite next',
  '              to it; FILE is imported once and left as it is. A FILE ending in .sqlite is used',
  '              directly. FILE must exist. Node.js before 22.13 (no built-in SQLite) saves the',
  '              changes back to FILE itself.',
  `--port N      Listen on 127.0.0.1:N (default ${DEFAULT_PORT}; 0 picks a free port).`,
  '--help        Show this help.',
  '',
  'Environment variables, used when the option is not given:',
  'PORT=N             as --port',
  'SANDBOX_STATE=FILE as --state, but a missing FILE is created',
];

export interface LocalSandboxFiles {
  /** The program, e.g. `huechat-sandbox.mjs`. */
  script: string;
  /** Its path on the docs site, e.g. `/sandbox/huechat-sandbox.mjs`. */
  scriptPath: string;
  /** What the key manager's export downloads, e.g. `huechat-sandbox-state.json`. */
  stateFile: string;
}

export function localSandboxFiles(model: ApiModel): LocalSandboxFiles {
  const script = localSandboxFile(model);
  return { script, scriptPath: `/sandbox/${script}`, stateFile: `${model.product.id}-sandbox-state.json` };
}

/** An environment's base URL on a local server, e.g. `http://127.0.0.1:8787/v2` or `…/live/v2`. */
export function localBaseUrl(model: ApiModel, environment: EnvironmentId, origin = DEFAULT_ORIGIN): string {
  return `${origin}${localBasePath(model, environment)}`;
}

/**
 * The curl option that sends the key of the preset's default auth scheme, read from the
 * environment variable: `-H "X-API-Key: $HUECHAT_API_KEY"`, or `--url-query "api_key=$…"` (which
 * URL-encodes it) for an API that takes keys only in the query string.
 */
function curlKeyOption(model: ApiModel): string {
  const placement = keyPlacement(defaultScheme(model.auth.schemes));
  const value = `$${model.product.envVar}`;
  return placement.in === 'header' ? `-H "${placement.header}: ${placement.prefix}${value}"` : `--url-query "${placement.param}=${value}"`;
}

export interface LocalSandboxCommands {
  /** Downloads the program from the published docs site. */
  download: string;
  /** Runs it with the key manager's export. */
  runWithExport: string;
  /** Runs it with a new sandbox of its own. */
  runFresh: string;
  /** Calls "who am I" on the local test base URL with the key from the environment variable. */
  whoami: string;
}

/** What a reader types, for the docs and the key manager (default port). */
export function localSandboxCommands(model: ApiModel, origin = DEFAULT_ORIGIN): LocalSandboxCommands {
  const files = localSandboxFiles(model);
  return {
    download: `curl -fLO ${model.product.docsUrl.replace(/\/$/, '')}${files.scriptPath}`,
    runWithExport: `node ${files.script} --state ${files.stateFile}`,
    runFresh: `node ${files.script}`,
    whoami: whoamiCommand(model, origin),
  };
}

/** `curl -H "X-API-Key: $HUECHAT_API_KEY" http://127.0.0.1:8787/v2/me`, for a server at `origin`. */
export function whoamiCommand(model: ApiModel, origin: string): string {
  return `curl ${curlKeyOption(model)} ${localBaseUrl(model, 'test', origin)}${model.management.whoamiPath}`;
}

/** What the key manager shows about the local sandbox, as plain strings for the island's props. */
export interface LocalSandboxInfo extends LocalSandboxFiles {
  commands: LocalSandboxCommands;
  /** Base URLs on the local sandbox, e.g. `http://127.0.0.1:8787/v2` and `http://127.0.0.1:8787/live/v2`. */
  testBase: string;
  liveBase: string;
}

export function localSandboxInfo(model: ApiModel): LocalSandboxInfo {
  return {
    ...localSandboxFiles(model),
    commands: localSandboxCommands(model),
    testBase: localBaseUrl(model, 'test'),
    liveBase: localBaseUrl(model, 'live'),
  };
}
