/** The model's scope rules: which scopes a set of endpoints needs, and what a key lacks. */
import type { ApiModel } from '../model.ts';
import type { Scope } from '../schema/scopes.ts';

interface Scoped {
  scopes: readonly string[];
}

/** The scope that grants every endpoint. */
export function fullAccessScope(model: Pick<ApiModel, 'scopes'>): Scope {
  return model.scopes.find((scope) => scope.grantsAll)!;
}

/**
 * True when keys of this API are full-access only: the model has no scope but the full-access
 * one, so every key may call every endpoint and there is nothing to choose or to lack (an API
 * whose document names no scopes). Pages and widgets ask this, never the scope list itself; it
 * reads a preset's input as well as a model.
 */
export function fullAccessOnly(model: { scopes: ReadonlyArray<{ grantsAll?: boolean | undefined }> }): boolean {
  return model.scopes.every((scope) => scope.grantsAll);
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

/**
 * The scope that also allows an endpoint requiring `required` ("needs X (or full access)"):
 * the full-access scope, unless the endpoint already names it (or needs none), where saying
 * "X (or X)" would tell the reader nothing.
 */
export function alternativeScope(required: readonly string[], fullAccess: string): string | null {
  return required.length === 0 || required.includes(fullAccess) ? null : fullAccess;
}
