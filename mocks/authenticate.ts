/**
 * Steps 1–3 of every request, in this order: credentials from the accepted schemes; the key's
 * format (prefix, length, checksum) checked offline, before any lookup; lookup by SHA-256; then
 * the key's state: revoked, expired, disabled, not yet propagated, wrong environment, IP allowlist.
 * A refusal after the lookup carries the key, so its usage still records the attempt.
 */
import type { MessageParams } from '../src/api/error-body.ts';
import { parseKey } from '../src/api/key-format.ts';
import { environment as environmentOf, RATE_LIMIT_HEADERS, type RequiredErrorId } from '../src/api/runtime/index.ts';
import type { EnvironmentId } from '../src/api/schema/environments.ts';
import { iso } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { readCredentials } from './credentials.ts';
import { sha256Hex } from './hash.ts';
import { ipAllowed } from './ip-address.ts';
import { keyShape, keyStatus, noteExpiry } from './keys.ts';
import type { StoredKey } from './state.ts';

export type AuthResult =
  | { ok: true; key: StoredKey }
  | { ok: false; error: RequiredErrorId; params: MessageParams; headers: Record<string, string>; key: StoredKey | null };

export async function authenticate(
  ctx: SandboxContext,
  request: Pick<Request, 'headers' | 'url'>,
  requestEnvironment: EnvironmentId,
  clientIp: string,
): Promise<AuthResult> {
  const { model } = ctx;
  const refuse = (
    error: RequiredErrorId,
    params: MessageParams = {},
    key: StoredKey | null = null,
    extra: Record<string, string> = {},
  ): AuthResult => ({
    ok: false,
    error,
    params,
    headers: extra,
    key,
  });

  const credentials = readCredentials(model.auth.schemes, request.headers, new URL(request.url).search);
  if (!credentials.ok) return refuse(credentials.error, { detail: credentials.detail });
  const format = parseKey(credentials.key, keyShape(model));
  if (!format.valid) return refuse('malformed_api_key', { detail: format.detail });

  const hash = await sha256Hex(credentials.key);
  const state = ctx.state();
  const key = state.account.keys.find((k) => k.hash === hash);
  if (!key) return refuse('invalid_api_key');

  const now = ctx.now();
  switch (keyStatus(model, key, now)) {
    case 'revoked':
      return refuse('revoked_api_key', {}, key);
    case 'expired':
      noteExpiry(ctx, key);
      return refuse('expired_api_key', { expiredAt: iso(key.expiresAt!) }, key);
    case 'inactive':
      return refuse('inactive_api_key', {}, key);
    case 'active':
      break;
  }
  const activeAt = key.createdAt + state.settings.propagationDelaySeconds * 1000;
  if (now < activeAt) {
    const retryAfter = Math.max(1, Math.ceil((activeAt - now) / 1000));
    return refuse('key_not_yet_active', { retryAfter }, key, { [RATE_LIMIT_HEADERS.retryAfter]: String(retryAfter) });
  }
  if (key.environment !== requestEnvironment) {
    return refuse(
      'wrong_environment',
      { keyEnvironment: key.environment, requestEnvironment, keyBaseUrl: environmentOf(model, key.environment).baseUrl },
      key,
    );
  }
  if (model.keyPolicy.ipAllowlist && key.ipAllowlist.length > 0 && !ipAllowed(key.ipAllowlist, clientIp)) {
    return refuse('ip_not_allowed', { detail: clientIp }, key);
  }
  return { ok: true, key };
}
