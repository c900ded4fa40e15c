/**
 * API keys as the sandbox stores them: minted with the model's key format, kept as a SHA-256
 * hash plus a display prefix and the last four characters, and shown in the API's `apiKeySchema`
 * shape. The plaintext leaves this module once, in the value `mintKey` returns.
 */
import type { z } from 'zod';
import type { apiKeySchema, KeyStatus } from '../src/api/builtins.ts';
import { generateKey, type KeyShape } from '../src/api/key-format.ts';
import type { ApiModel } from '../src/api/model.ts';
import { environment } from '../src/api/runtime/index.ts';
import type { EnvironmentId } from '../src/api/schema/environments.ts';
import { grantedScopes } from './access.ts';
import { recordEvent } from './audit.ts';
import { iso } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { sha256Hex } from './hash.ts';
import { randomId } from './ids.ts';
import type { Account, StoredKey } from './state.ts';
import { lastUsedAt } from './usage.ts';

const DAY_MS = 86_400_000;
/** Random characters shown after the environment prefix, e.g. `sk_test_4fQz`. */
const DISPLAY_CHARS = 4;

export type ApiKey = z.output<typeof apiKeySchema>;

/** The model's key format as `parseKey` wants it. */
export function keyShape(model: ApiModel): KeyShape {
  return {
    prefixes: Object.fromEntries(model.environments.map((env) => [env.keyPrefix, env.id])),
    randomLength: model.keyFormat.randomLength,
  };
}

export interface KeySpec {
  name: string;
  environment: EnvironmentId;
  scopes: string[];
  expiresInDays: number | null;
  ipAllowlist: string[];
}

export async function mintKey(
  ctx: Pick<SandboxContext, 'model' | 'random' | 'now'>,
  spec: KeySpec,
): Promise<{ secret: string; key: StoredKey }> {
  const { model, random } = ctx;
  const prefix = environment(model, spec.environment).keyPrefix;
  const secret = generateKey(prefix, model.keyFormat.randomLength, random);
  const now = ctx.now();
  const key: StoredKey = {
    id: randomId('key_', random),
    name: spec.name,
    environment: spec.environment,
    hash: await sha256Hex(secret),
    prefix: secret.slice(0, prefix.length + DISPLAY_CHARS),
    lastFour: secret.slice(-4),
    scopes: spec.scopes,
    disabled: false,
    createdAt: now,
    expiresAt: spec.expiresInDays === null ? null : now + spec.expiresInDays * DAY_MS,
    expiresInDays: spec.expiresInDays,
    ipAllowlist: spec.ipAllowlist,
    replacedBy: null,
    revokedAt: null,
    expiryRecorded: false,
  };
  return { secret, key };
}

/** A key is expired from the moment `expiresAt` is reached (`now >= expiresAt`). */
export function keyStatus(model: ApiModel, key: StoredKey, now: number): KeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && now >= key.expiresAt) return 'expired';
  if (key.disabled && model.keyPolicy.canDisable) return 'inactive';
  return 'active';
}

/** Writes `key.expired` the first time anyone notices a key has expired (a request, a list, a get). */
export function noteExpiry(ctx: SandboxContext, key: StoredKey): void {
  if (key.expiryRecorded || key.expiresAt === null || keyStatus(ctx.model, key, ctx.now()) !== 'expired') return;
  key.expiryRecorded = true;
  const why = key.replacedBy ? `its grace period after rolling to ${key.replacedBy} ended` : 'it reached its expiry date';
  recordEvent(ctx, key.id, 'key.expired', `Expired: ${why}`, key.expiresAt);
}

export function findKey(account: Account, id: string): StoredKey | undefined {
  return account.keys.find((key) => key.id === id);
}

/** Keys that count toward `maxKeysPerAccount`. */
export function keysInUse(account: Account): number {
  return account.keys.filter((key) => key.revokedAt === null).length;
}

export function presentKey(ctx: SandboxContext, key: StoredKey): ApiKey {
  const state = ctx.state();
  const used = lastUsedAt(state.account, key.id);
  return {
    id: key.id,
    name: key.name,
    environment: key.environment,
    prefix: key.prefix,
    last_four: key.lastFour,
    scopes: grantedScopes(ctx.model, state.settings, key),
    status: keyStatus(ctx.model, key, ctx.now()),
    created_at: iso(key.createdAt),
    last_used_at: used === null ? null : iso(used),
    expires_at: key.expiresAt === null ? null : iso(key.expiresAt),
    ip_allowlist: key.ipAllowlist,
    replaced_by: key.replacedBy,
  };
}
