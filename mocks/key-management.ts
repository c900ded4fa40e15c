/**
 * The key-management endpoints (`keys.*` in the model): create, list, get, update, roll, revoke,
 * usage and audit events. Bodies arrive already validated against the model's schemas; the rules
 * checked here are the preset's key policy. Where a hash must be computed (an await), every rule
 * is checked again after it and the change is made without another await, so concurrent requests
 * cannot slip past a limit together.
 */
import type { z } from 'zod';
import type { createKeyBodySchema } from '../src/api/builtins.ts';
import { fullAccessScope } from '../src/api/runtime/index.ts';
import { accountRole, grantedScopes, hasFullAccess } from './access.ts';
import { fail, invalid, ok, type ActionResult } from './action-result.ts';
import { eventsOf, recordEvent } from './audit.ts';
import { iso } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { allowlistEntryProblem } from './ip-address.ts';
import { findKey, keysInUse, keyStatus, mintKey, noteExpiry, presentKey, type KeySpec } from './keys.ts';
import { paginate } from './paginate.ts';
import type { StoredKey } from './state.ts';
import { usageReport } from './usage.ts';

type CreateBody = z.output<ReturnType<typeof createKeyBodySchema>>;
/** `keys.update` and `keys.roll` bodies as their schemas in `builtins.ts` output them. */
interface UpdateBody {
  name?: string;
  status?: 'active' | 'inactive';
}
interface RollBody {
  grace_seconds: number;
}
interface ListQuery {
  limit: number;
  starting_after?: string;
}

const keyNotFound = (id: string) => fail('not_found', { detail: `API key with id "${id}"` });

const joinOptions = (values: readonly (string | number | null)[]) => values.map((v) => (v === null ? 'null' : String(v))).join(', ');

function limitProblem(ctx: SandboxContext): ActionResult | null {
  const max = ctx.model.keyPolicy.maxKeysPerAccount;
  if (keysInUse(ctx.state().account) < max) return null;
  return invalid('keys', `the account already has ${max} keys that are not revoked, the most it may hold; revoke one first`);
}

/** Turns a create body into a key spec under the preset's policy, or says what to fix. */
function keySpec(ctx: SandboxContext, body: CreateBody): KeySpec | ActionResult {
  const { model } = ctx;
  const policy = model.keyPolicy;
  const role = accountRole(model, ctx.state().settings);
  let scopes: string[];
  if (role) {
    if (body.scopes !== undefined || body.template !== undefined) {
      return invalid(
        body.scopes !== undefined ? 'scopes' : 'template',
        `keys of this API act with the account’s role (${role.name}); leave scopes and templates out`,
      );
    }
    scopes = [];
  } else if (body.scopes !== undefined && body.template !== undefined) {
    return invalid('template', 'send either `scopes` or `template`, not both');
  } else if (body.template !== undefined) {
    const template = model.keyTemplates.find((t) => t.id === body.template);
    if (!template) {
      const known = model.keyTemplates.map((t) => t.id);
      return invalid(
        'template',
        known.length ? `"${body.template}" is not a key template; choose one of ${joinOptions(known)}` : 'this API has no key templates',
      );
    }
    scopes = template.scopes;
  } else if (body.scopes !== undefined) {
    if (body.scopes.length === 0) return invalid('scopes', 'choose at least one scope, or leave `scopes` out for full access');
    const unknown = body.scopes.find((scope) => !model.scopes.some((s) => s.id === scope));
    if (unknown !== undefined) return invalid('scopes', `"${unknown}" is not a scope of this API`);
    scopes = [...new Set(body.scopes)];
  } else {
    scopes = [fullAccessScope(model).id];
  }

  // Without a choice a key never expires where that is allowed, else it gets the first option offered.
  const expiresInDays =
    body.expires_in_days === undefined ? (policy.expiryDays.includes(null) ? null : policy.expiryDays[0]!) : body.expires_in_days;
  if (!policy.expiryDays.includes(expiresInDays)) {
    return invalid('expires_in_days', `choose one of ${joinOptions(policy.expiryDays)} (null: never expires)`);
  }

  const ipAllowlist = [...new Set(body.ip_allowlist ?? [])];
  if (ipAllowlist.length && !policy.ipAllowlist) return invalid('ip_allowlist', 'keys of this API cannot be limited to IP addresses');
  for (const [i, entry] of ipAllowlist.entries()) {
    const problem = allowlistEntryProblem(entry);
    if (problem) return invalid(`ip_allowlist.${i}`, problem);
  }
  return { name: body.name, environment: body.environment, scopes, expiresInDays, ipAllowlist };
}

function describeAccess(ctx: SandboxContext, key: StoredKey): string {
  const scopes = grantedScopes(ctx.model, ctx.state().settings, key);
  if (accountRole(ctx.model, ctx.state().settings)) return 'acting with the account’s role';
  return hasFullAccess(ctx.model, scopes) ? 'with full access' : `with ${scopes.join(', ')}`;
}

export async function createKey(ctx: SandboxContext, body: CreateBody): Promise<ActionResult> {
  const spec = keySpec(ctx, body);
  if (!('name' in spec)) return spec;
  const early = limitProblem(ctx);
  if (early) return early;
  const minted = await mintKey(ctx, spec);
  const late = limitProblem(ctx);
  if (late) return late;
  ctx.state().account.keys.push(minted.key);
  recordEvent(ctx, minted.key.id, 'key.created', `Created "${spec.name}" (${spec.environment}) ${describeAccess(ctx, minted.key)}`);
  return ok({ ...presentKey(ctx, minted.key), secret: minted.secret }, 201);
}

export function listKeys(ctx: SandboxContext, query: ListQuery): ActionResult {
  const keys = ctx.state().account.keys;
  keys.forEach((key) => noteExpiry(ctx, key));
  // Newest first, as `keys.list` documents; keys made in the same millisecond by insertion order.
  const page = paginate([...keys].reverse(), query);
  if (!page) return invalid('starting_after', `no API key with id "${query.starting_after}"`);
  return ok({ ...page, data: page.data.map((key) => presentKey(ctx, key)) });
}

export function getKey(ctx: SandboxContext, id: string): ActionResult {
  const key = findKey(ctx.state().account, id);
  if (!key) return keyNotFound(id);
  noteExpiry(ctx, key);
  return ok(presentKey(ctx, key));
}

export function updateKey(ctx: SandboxContext, id: string, body: UpdateBody): ActionResult {
  const key = findKey(ctx.state().account, id);
  if (!key) return keyNotFound(id);
  if (body.status !== undefined) {
    if (!ctx.model.keyPolicy.canDisable) return invalid('status', 'keys of this API cannot be disabled; revoke the key instead');
    const status = keyStatus(ctx.model, key, ctx.now());
    if (status === 'revoked' || status === 'expired')
      return invalid('status', `the key is ${status}; only active or disabled keys can be enabled or disabled`);
  }
  if (body.name !== undefined && body.name !== key.name) {
    recordEvent(ctx, key.id, 'key.renamed', `Renamed from "${key.name}" to "${body.name}"`);
    key.name = body.name;
  }
  const disable = body.status === undefined ? key.disabled : body.status === 'inactive';
  if (disable !== key.disabled) {
    key.disabled = disable;
    recordEvent(ctx, key.id, disable ? 'key.disabled' : 'key.enabled', disable ? 'Disabled' : 'Enabled');
  }
  return ok(presentKey(ctx, key));
}

function rollProblem(ctx: SandboxContext, id: string, graceSeconds: number): ActionResult | StoredKey {
  const key = findKey(ctx.state().account, id);
  if (!key) return keyNotFound(id);
  const status = keyStatus(ctx.model, key, ctx.now());
  if (status === 'revoked' || status === 'expired') return invalid('id', `the key is ${status}; create a new key instead`);
  if (key.replacedBy) return invalid('id', `the key was already rolled to ${key.replacedBy}; roll that key instead`);
  const grace = ctx.model.keyPolicy.rollGraceSeconds;
  if (!grace.includes(graceSeconds)) return invalid('grace_seconds', `choose one of ${joinOptions(grace)} seconds`);
  return limitProblem(ctx) ?? key;
}

export async function rollKey(ctx: SandboxContext, id: string, body: RollBody): Promise<ActionResult> {
  const before = rollProblem(ctx, id, body.grace_seconds);
  if (!('hash' in before)) return before;
  const minted = await mintKey(ctx, {
    name: before.name,
    environment: before.environment,
    scopes: before.scopes,
    expiresInDays: before.expiresInDays,
    ipAllowlist: before.ipAllowlist,
  });
  const old = rollProblem(ctx, id, body.grace_seconds);
  if (!('hash' in old)) return old;
  const now = ctx.now();
  const endsAt = Math.min(old.expiresAt ?? Infinity, now + body.grace_seconds * 1000);
  old.expiresAt = endsAt;
  old.replacedBy = minted.key.id;
  ctx.state().account.keys.push(minted.key);
  const until = endsAt <= now ? 'it stopped working at once' : `it works until ${iso(endsAt)}`;
  recordEvent(ctx, old.id, 'key.rolled', `Rolled to ${minted.key.id}; ${until}`);
  recordEvent(ctx, minted.key.id, 'key.created', `Created by rolling ${old.id}`);
  return ok({ key: { ...presentKey(ctx, minted.key), secret: minted.secret }, previous: presentKey(ctx, old) }, 201);
}

/** Revoking is immediate and permanent; revoking a revoked key changes nothing. */
export function revokeKey(ctx: SandboxContext, id: string): ActionResult {
  const key = findKey(ctx.state().account, id);
  if (!key) return keyNotFound(id);
  if (key.revokedAt === null) {
    key.revokedAt = ctx.now();
    recordEvent(ctx, key.id, 'key.revoked', 'Revoked');
  }
  return ok(presentKey(ctx, key));
}

export function keyUsage(ctx: SandboxContext, id: string): ActionResult {
  return findKey(ctx.state().account, id) ? ok(usageReport(ctx.state().account, id)) : keyNotFound(id);
}

export function keyEvents(ctx: SandboxContext, id: string): ActionResult {
  const key = findKey(ctx.state().account, id);
  if (!key) return keyNotFound(id);
  noteExpiry(ctx, key);
  return ok({ data: eventsOf(ctx.state().account, id), has_more: false, next_cursor: null });
}

export function whoami(ctx: SandboxContext, key: StoredKey): ActionResult {
  const scopes = grantedScopes(ctx.model, ctx.state().settings, key);
  return ok({
    key_id: key.id,
    name: key.name,
    environment: key.environment,
    scopes,
    full_access: hasFullAccess(ctx.model, scopes),
    expires_at: key.expiresAt === null ? null : iso(key.expiresAt),
  });
}
