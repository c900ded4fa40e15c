/**
 * Where a reader's code can send its requests, and the base URL for each:
 *
 * - `browser`: the sandbox in the reader's tab. It answers the environment's own base URL, but
 *   only for this site's console and playground (a service worker intercepts the requests).
 * - `local`: the sandbox file the site serves, run with `node` on the reader's machine. The test
 *   environment sits at its base URL's path, the live one under `/live`
 *   (`http://127.0.0.1:8787/v2/me` stands for `https://sandbox.huechat.ai/v2/me`).
 * - `api`: the product's real API.
 */
import type { ApiModel } from './model.ts';
import { environment } from './runtime/index.ts';
import type { EnvironmentId } from './schema/environments.ts';

export type CodeTarget = 'browser' | 'local' | 'api';

export const LOCAL_SANDBOX_PORT = 8787;
export const LOCAL_SANDBOX_ORIGIN = `http://127.0.0.1:${LOCAL_SANDBOX_PORT}`;

/** The sandbox file's name on the site, e.g. `huechat-sandbox.mjs` under `/sandbox/`. */
export const localSandboxFile = (model: ApiModel) => `${model.product.id}-sandbox.mjs`;

/** Path of an environment on the local sandbox, e.g. `/v2` or `/live/v2`; empty for a base URL at the root. */
export function localBasePath(model: ApiModel, id: EnvironmentId): string {
  return `${id === 'live' ? '/live' : ''}${new URL(environment(model, id).baseUrl).pathname.replace(/\/$/, '')}`;
}

export function targetBaseUrl(model: ApiModel, target: CodeTarget, id: EnvironmentId): string {
  return target === 'local' ? `${LOCAL_SANDBOX_ORIGIN}${localBasePath(model, id)}` : environment(model, id).baseUrl;
}

/** One sentence for the top of a snippet: where it sends its request. */
export function targetSentence(model: ApiModel, target: CodeTarget, id: EnvironmentId): string {
  const keys = `${id} keys`;
  switch (target) {
    case 'browser':
      return `Sends the request to the sandbox in your browser (${keys}), which answers only this site's console and playground.`;
    case 'local':
      return `Sends the request to the local sandbox (${keys}): first run \`node ${localSandboxFile(model)}\`.`;
    case 'api':
      return `Sends the request to the ${model.product.name} API (${keys}).`;
  }
}
