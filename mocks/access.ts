/**
 * What a key may do. Per-key presets store scopes on each key; account-role presets (Chameleon)
 * give every key the scopes of the account's role, so changing the role changes every key.
 */
import type { ApiModel } from '../src/api/model.ts';
import { fullAccessScope } from '../src/api/runtime/index.ts';
import type { SandboxSettings } from './settings.ts';
import type { StoredKey } from './state.ts';

type Role = Extract<ApiModel['access'], { mode: 'account-role' }>['roles'][number];

/** The account's role, or `null` for per-key presets. */
export function accountRole(model: ApiModel, settings: SandboxSettings): Role | null {
  if (model.access.mode !== 'account-role') return null;
  const { roles, sandboxRole } = model.access;
  return roles.find((r) => r.id === settings.accountRole) ?? roles.find((r) => r.id === sandboxRole)!;
}

export function grantedScopes(model: ApiModel, settings: SandboxSettings, key: StoredKey): string[] {
  return accountRole(model, settings)?.scopes ?? key.scopes;
}

export function hasFullAccess(model: ApiModel, scopes: readonly string[]): boolean {
  return scopes.includes(fullAccessScope(model).id);
}
