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

export interface LocalRoute {
  /** The sandbox URL the local one stands for, e.g. `https://sandbox.huechat.ai/v2/me?x=1`. */
  url: string;
  /** The path below the base URL, e.g. `/me`. */
  path: string;
}

/** Where a local path and query lead, or `null` when it lies under no base (or is not a path). */
export function localRoute(model: ApiModel, pathAndQuery: string): LocalRoute | null {
  if (!pathAndQuery.startsWith('/')) return null;
  let local: URL;
  try {
    // Appended to an origin, so that a leading `//` or a backslash stays part of the path, never a host.
    local = new URL(`http://local${pathAndQuery}`);
  } catch {
    return null;
  }
  for (const base of localBases(model)) {
    const { pathname } = local;
    if (pathname === base.localPath || pathname.startsWith(`${base.localPath}/`)) {
      const path = pathname.slice(base.localPath.length);
      return { url: `${base.baseUrl}${path}${local.search}`, path: path || '/' };
    }
  }
  return null;
}

/** The sandbox URL a local path and query stand for, or `null` when it lies under no base. */
export function toSandboxUrl(model: ApiModel, pathAndQuery: string): string | null {
  return localRoute(model, pathAndQuery)?.url ?? null;
}

/**
 * The path and query of a request target, or why it is not one. Clients send a path (`/v2/me`);
 * a full `http(s)://` URL (absolute form, as proxies get it) is read for its path. A path that
 * starts with `//` or holds a backslash is refused: URL parsers disagree on where its host ends.
 */
export function readTarget(target: string): { pathAndQuery: string } | { problem: string } {
  if (target.startsWith('/')) {
    if (target.startsWith('//')) return { problem: 'the path starts with "//", which reads as a host name; send the path alone, e.g. /me' };
    if (target.includes('\\')) return { problem: 'the path holds a backslash; URL paths use "/"' };
    try {
      const url = new URL(`http://local${target}`);
      return { pathAndQuery: `${url.pathname}${url.search}` };
    } catch {
      return { problem: 'the path is not a valid URL path' };
    }
  }
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return { pathAndQuery: `${url.pathname}${url.search}` };
    } catch {
      return { problem: 'the URL in the request line is not valid' };
    }
  }
  return { problem: 'the request target is not a path; send a path such as /me' };
}
