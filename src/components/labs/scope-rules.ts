/**
 * The model's scope rules for the browser: `scopesFor` and `missingScopes` as `src/api/model.ts`
 * defines them, without the model module (it brings zod). A unit test checks both against the
 * model's own functions for every preset, so the two cannot drift apart.
 */

interface Scoped {
  scopes: readonly string[];
}

/** The smallest set of scopes that allows every endpoint given (sorted). */
export function scopesFor(endpoints: readonly Scoped[]): string[] {
  return [...new Set(endpoints.flatMap((endpoint) => endpoint.scopes))].sort();
}

/** The scopes an endpoint requires that `granted` lacks; none when `granted` holds the full-access scope. */
export function missingScopes(endpoint: Scoped, granted: readonly string[], fullAccess: string): string[] {
  if (granted.includes(fullAccess)) return [];
  return endpoint.scopes.filter((scope) => !granted.includes(scope));
}
