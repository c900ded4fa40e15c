/**
 * The audit log of key events (created, rolled, renamed, disabled, enabled, revoked, expired),
 * in the API's own shape so listing is a filter and a sort.
 */
import type { AUDIT_EVENT_TYPES } from '../src/api/builtins.ts';
import { iso } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { randomId } from './ids.ts';
import type { Account } from './state.ts';

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export function recordEvent(ctx: SandboxContext, keyId: string, type: AuditEventType, detail: string, time = ctx.now()): void {
  ctx.state().account.events.push({ id: randomId('evt_', ctx.random), type, time: iso(time), key_id: keyId, detail });
}

/** A key's events, newest first; events at the same moment keep the order they happened in, reversed. */
export function eventsOf(account: Account, keyId: string): Account['events'] {
  return account.events
    .filter((event) => event.key_id === keyId)
    .reverse()
    .sort((a, b) => b.time.localeCompare(a.time));
}
