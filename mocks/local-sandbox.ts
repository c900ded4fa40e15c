/**
 * The local sandbox a reader downloads from the docs site (`/sandbox/<product.id>-sandbox.mjs`):
 * the program of `npm run sandbox` in one file that runs with plain `node`. Its file names,
 * address and commands live here once, for the site build (src/integrations/local-sandbox.ts),
 * the docs pages, the key manager's export and the program's own banner. No Node built-ins:
 * pages import this at build time.
 */
import type { ApiModel } from '../src/api/model.ts';
import { localBases } from './local-urls.ts';

/** Where the local sandbox listens unless `PORT` or `--port` says otherwise. */
export const DEFAULT_PORT = 8787;
/** Loopback only: the sandbox is for the reader's own machine. */
export const LOCAL_HOST = '127.0.0.1';
export const DEFAULT_ORIGIN = `http://${LOCAL_HOST}:${DEFAULT_PORT}`;

/** The program's options, one per line, for its `--help` and the downloadable file's header comment. */
export const OPTION_LINES = [
  '--state FILE  Load FILE (the key manager\'s "Export for the local sandbox", or a file an earlier',
  '              run saved) and save every change back to it. FILE must exist.',
  `--port N      Listen on ${LOCAL_HOST}:N (default ${DEFAULT_PORT}; 0 picks a free port).`,
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
  const script = `${model.product.id}-sandbox.mjs`;
  return { script, scriptPath: `/sandbox/${script}`, stateFile: `${model.product.id}-sandbox-state.json` };
}

/** The test environment's base URL on a local server, e.g. `http://127.0.0.1:8787/v2`. */
export function localTestBase(model: ApiModel, origin = DEFAULT_ORIGIN): string {
  return `${origin}${localBases(model).find((base) => base.environment === 'test')!.localPath}`;
}

/**
 * The header of the preset's first auth scheme with the key read from the environment variable,
 * e.g. `X-API-Key: $HUECHAT_API_KEY` or `Authorization: Bearer $CHATBOT_PLATFORM_API_KEY`.
 */
export function keyHeaderFromEnv(model: ApiModel): string {
  const scheme = model.auth.schemes[0]!;
  const value = `$${model.product.envVar}`;
  return scheme.type === 'bearer' ? `Authorization: Bearer ${value}` : `${scheme.name}: ${value}`;
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
  return `curl -H "${keyHeaderFromEnv(model)}" ${localTestBase(model, origin)}${model.management.whoamiPath}`;
}
