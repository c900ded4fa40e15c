/**
 * What a fresh sandbox holds: default settings, the seeded sample data, and one full-access test
 * key named "Sandbox owner" whose plaintext is handed back once, so the server, the browser's
 * wallet or a test can make the first request.
 */
import type { RandomBytes } from '../src/api/key-format.ts';
import type { ApiModel } from '../src/api/model.ts';
import { fullAccessScope } from '../src/api/runtime/index.ts';
import { recordEvent } from './audit.ts';
import { seedData } from './collections.ts';
import type { SandboxContext } from './context.ts';
import { mintKey } from './keys.ts';
import { defaultSettings } from './settings.ts';
import { SCHEMA_VERSION, type SandboxState } from './state.ts';

const OWNER_KEY_NAME = 'Sandbox owner';

export async function freshState(model: ApiModel, random: RandomBytes, now: number): Promise<{ state: SandboxState; ownerKey: string }> {
  const perKey = model.access.mode === 'per-key';
  const { secret, key } = await mintKey(
    { model, random, now: () => now },
    { name: OWNER_KEY_NAME, environment: 'test', scopes: perKey ? [fullAccessScope(model).id] : [], expiresInDays: null, ipAllowlist: [] },
  );
  const state: SandboxState = {
    schemaVersion: SCHEMA_VERSION,
    productId: model.product.id,
    settings: defaultSettings(model),
    clockOffsetMs: 0,
    account: { keys: [key], events: [], usage: {}, rateWindows: {} },
    data: seedData(model, now),
  };
  const ctx: SandboxContext = { model, random, now: () => now, state: () => state, changed: () => {}, authFailures: {} };
  recordEvent(ctx, key.id, 'key.created', `Created "${OWNER_KEY_NAME}" (test) when the sandbox started`);
  return { state, ownerKey: secret };
}
