/**
 * How the local HTTP server's URLs map to the preset's base URLs: the test environment at its
 * own path (`http://127.0.0.1:8787/v2/me` → `https://sandbox.huechat.ai/v2/me`), the live one
 * under `/live` (`http://127.0.0.1:8787/live/v2/me` → `https://api.huechat.ai/v2/me`).
 */
import { localBasePath } from '../src/api/code-targets.ts';
import type { ApiModel } from '../src/api/model.ts';
import type { EnvironmentId } from '../src/api/schema/environments.ts';

export interface LocalBase {
  environment: EnvironmentId;
  /** Path on the local server, e.g. `/live/v2`; empty when the base URL has no path. */
  localPath: string;
  baseUrl: string;
}

/** Longest local path first, so `/live/…` is tried before a test base at the root. */
export function localBases(model: ApiModel): LocalBase[] {
  return model.environments
    .map((env) => ({
      environment: env.id,
      localPath: localBasePath(model, env.id),
      baseUrl: env.baseUrl,
    }))
    .sort((a, b) => b.localPath.length - a.localPath.length);
}

/** The sandbox URL a local path and query stand for, or `null` when it lies under no base. */
export function toSandboxUrl(model: ApiModel, pathAndQuery: string): string | null {
  const local = new URL(pathAndQuery, 'http://local');
  for (const base of localBases(model)) {
    const { pathname } = local;
    if (pathname === base.localPath || pathname.startsWith(`${base.localPath}/`)) {
      return `${base.baseUrl}${pathname.slice(base.localPath.length)}${local.search}`;
    }
  }
  return null;
}
