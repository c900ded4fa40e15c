/**
 * Sandbox settings: knobs of the simulation, not of the product API, so they are changed through
 * `sandbox.settings.update()` and never through an HTTP endpoint. They live in the saved state,
 * so every tab sees the same ones.
 */
import { z } from 'zod';
import type { ApiModel } from '../src/api/model.ts';
import { isIpAddress } from './ip-address.ts';

export const settingsSchema = z.object({
  /**
   * `tier`: the preset's limits. `demo`: the preset's tiny demo limits, so a 429 is a few clicks away.
   * @default 'tier'
   */
  rateLimitMode: z.enum(['tier', 'demo']),
  /**
   * A tier of `rateLimits.tiers` to simulate instead of the sandbox's own (the role's tier for
   * account-role presets, else `rateLimits.sandboxTier`). Ignored in demo mode.
   * @default null
   */
  rateLimitTier: z.string().nullable(),
  /**
   * Seconds a new or rolled key is refused with `key_not_yet_active`, as in services whose keys
   * take a while to reach every server. 0 turns it off.
   * @default 0
   */
  propagationDelaySeconds: z.number().int().min(0).max(3600),
  /**
   * The caller's address as the sandbox sees it, for IP allowlists. The HTTP server uses the real
   * client address instead.
   * @default '203.0.113.10'
   */
  clientIp: z.string().refine(isIpAddress, 'Use an IPv4 or IPv6 address, e.g. "203.0.113.10".'),
  /**
   * For account-role presets: the role of the sandbox's account, which every key acts with.
   * `null` for presets whose keys carry their own scopes.
   * @default access.sandboxRole
   */
  accountRole: z.string().nullable(),
});

export type SandboxSettings = z.output<typeof settingsSchema>;

export function defaultSettings(model: ApiModel): SandboxSettings {
  return {
    rateLimitMode: 'tier',
    rateLimitTier: null,
    propagationDelaySeconds: 0,
    clientIp: '203.0.113.10',
    accountRole: model.access.mode === 'account-role' ? model.access.sandboxRole : null,
  };
}

/** Rules that depend on the preset; `null` when the settings fit it. */
export function settingsProblem(model: ApiModel, settings: SandboxSettings): string | null {
  const tiers = model.rateLimits.tiers.map((t) => t.id);
  if (settings.rateLimitTier !== null && !tiers.includes(settings.rateLimitTier)) {
    return `\`rateLimitTier\` must be one of ${tiers.join(', ')}, or null for the sandbox's own tier.`;
  }
  if (model.access.mode === 'account-role') {
    const roles = model.access.roles.map((r) => r.id);
    if (settings.accountRole === null || !roles.includes(settings.accountRole)) {
      return `\`accountRole\` must be one of ${roles.join(', ')}.`;
    }
  } else if (settings.accountRole !== null) {
    return '`accountRole` applies only to APIs whose keys act with the account’s role; keys of this API carry their own scopes.';
  }
  return null;
}

/** Applies a change, or throws an Error saying what to fix: a wrong setting is a programming error. */
export function updateSettings(model: ApiModel, current: SandboxSettings, patch: Partial<SandboxSettings>): SandboxSettings {
  const result = settingsSchema.safeParse({ ...current, ...patch });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Sandbox setting \`${issue.path.join('.')}\`: ${issue.message}`);
  }
  const problem = settingsProblem(model, result.data);
  if (problem) throw new Error(`Sandbox settings: ${problem}`);
  return result.data;
}
