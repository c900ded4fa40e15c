/**
 * Which methods the model defines for a path below a base URL. MSW routes matched requests to
 * their endpoint; this answers the rest: 405 with `Allow` when the path exists, else 404.
 */
import type { ApiModel } from '../src/api/model.ts';

const pattern = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

export function methodsForPath(model: ApiModel, path: string): string[] {
  // MSW matches `/contacts/` as `/contacts`; answer the same way here.
  const bare = path.length > 1 ? path.replace(/\/$/, '') : path;
  return model.endpoints.filter((e) => pattern(e.path).test(bare)).map((e) => e.method);
}

/** Every method the API uses, for preflights to paths it does not know (they then get a readable 404). */
export function allMethods(model: ApiModel): string[] {
  return [...new Set(model.endpoints.map((e) => e.method))];
}
