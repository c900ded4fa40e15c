/**
 * Everything the sandbox remembers, as one serialisable, versioned object, and how a saved copy
 * is read back. A damaged section is replaced by a fresh one and reported; nothing here throws,
 * and the sandbox never starts blank.
 */
import { z } from 'zod';
import { auditEventSchema, recordSchema, usageSchema } from '../src/api/builtins.ts';
import type { ApiModel } from '../src/api/model.ts';
import { settingsProblem, settingsSchema } from './settings.ts';

/** Bump when the shape changes, and teach `restoreState` to migrate or reset the older shape. */
export const SCHEMA_VERSION = 1;

const epochMs = z.number().int();

/** A key as the service stores it: the SHA-256 of the secret and a display prefix, never the secret. */
const storedKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.enum(['live', 'test']),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  prefix: z.string(),
  lastFour: z.string(),
  /** The key's own scopes; empty for account-role presets, whose keys act with the account's role. */
  scopes: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: epochMs,
  expiresAt: epochMs.nullable(),
  /** The expiry chosen at creation, so a rolled key gets the same lifetime. */
  expiresInDays: z.number().int().positive().nullable(),
  ipAllowlist: z.array(z.string()),
  replacedBy: z.string().nullable(),
  revokedAt: epochMs.nullable(),
  /** Whether `key.expired` was written to the audit log (it is written when first noticed). */
  expiryRecorded: z.boolean(),
});

const counterSchema = z.object({ requests: z.number().int().min(0), errors: z.number().int().min(0) });

const keyUsageSchema = z.object({
  lastUsedAt: epochMs.nullable(),
  total: counterSchema,
  /** By UTC date, `YYYY-MM-DD`. */
  perDay: z.record(z.string(), counterSchema),
  /** By endpoint id. */
  perEndpoint: z.record(z.string(), counterSchema),
  /** Newest first, bounded. */
  recent: z.array(usageSchema.shape.recent_requests.element),
});

const rateWindowSchema = z.object({ window: z.number().int(), count: z.number().int().min(0) });

/** Keys and everything recorded about them; restored or reset together, as they refer to each other. */
const accountSchema = z.object({
  keys: z.array(storedKeySchema),
  events: z.array(auditEventSchema),
  usage: z.record(z.string(), keyUsageSchema),
  rateWindows: z.record(z.string(), rateWindowSchema),
});

export type StoredKey = z.output<typeof storedKeySchema>;
export type KeyUsage = z.output<typeof keyUsageSchema>;
export type RateWindow = z.output<typeof rateWindowSchema>;
export type Account = z.output<typeof accountSchema>;
/** A record of any collection; its own fields are checked by `recordSchema(collection)`. */
/** `created_at` is ISO 8601 text, or Unix seconds for a collection whose document says so. */
export type StoredRecord = { id: string; created_at: string | number; [field: string]: unknown };
/** Records of each collection, by collection id. */
export type EnvironmentData = Record<string, StoredRecord[]>;

export interface SandboxState {
  schemaVersion: number;
  /** The preset's `product.id`: a file of another API's sandbox is not read as this one's. */
  productId: string;
  settings: z.output<typeof settingsSchema>;
  /** Added to the clock, so the reader can fast-forward time; shared by every tab. */
  clockOffsetMs: number;
  account: Account;
  /** Test and live data are separate, as in the real service. */
  data: { live: EnvironmentData; test: EnvironmentData };
}

export interface RestoredState {
  state: SandboxState;
  /** True when the keys came from the fresh state, so its owner key is the one that works. */
  freshAccount: boolean;
  /** What was wrong with the saved state and what was done about it; `null` when nothing was. */
  message: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function restoreData(model: ApiModel, raw: unknown): SandboxState['data'] | null {
  if (!isObject(raw)) return null;
  const data: SandboxState['data'] = { live: {}, test: {} };
  for (const env of ['live', 'test'] as const) {
    const stored = raw[env];
    if (!isObject(stored)) return null;
    for (const collection of model.collections) {
      // Records are checked against the preset's fields, so data saved before a preset changed
      // is reseeded instead of served in a shape the API no longer has.
      const records = z.array(recordSchema(collection)).safeParse(stored[collection.id]);
      if (!records.success) return null;
      data[env][collection.id] = records.data as StoredRecord[];
    }
  }
  return data;
}

type Saved = { raw: Record<string, unknown>; problem?: never } | { raw?: never; problem: string };

/** Saved text as an object of this schema version and API, or why it is not one. */
function readSaved(text: string, productId: string): Saved {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'could not be read (it is not valid JSON)' };
  }
  if (!isObject(raw)) return { problem: 'could not be read (it is not an object)' };
  const version = raw['schemaVersion'];
  if (version !== SCHEMA_VERSION) {
    if (typeof version !== 'number') return { problem: 'has no schema version' };
    const age = version < SCHEMA_VERSION ? 'an older' : 'a newer';
    return { problem: `was saved by ${age} version of the sandbox (schema ${version}; this one reads ${SCHEMA_VERSION})` };
  }
  if (raw['productId'] !== productId) return { problem: `belongs to another API (${String(raw['productId'])})` };
  return { raw };
}

/**
 * Why saved text would not give this API's sandbox its keys back, e.g. "belongs to another API
 * (aloochat)"; `null` when its keys can be restored (damaged settings or sample data are repaired
 * on load). For callers that must not replace a file the reader chose with a fresh sandbox.
 */
export function savedStateProblem(text: string, productId: string): string | null {
  const saved = readSaved(text, productId);
  if (saved.problem !== undefined) return saved.problem;
  return accountSchema.safeParse(saved.raw['account']).success
    ? null
    : 'has no readable keys (its keys, usage and audit events are damaged)';
}

/**
 * Reads saved text into a state. `fresh` supplies whatever cannot be kept: the whole state when
 * the text is unreadable or from another schema version or API, or single damaged sections.
 */
export function restoreState(text: string | null, fresh: SandboxState, model: ApiModel): RestoredState {
  if (text === null) return { state: fresh, freshAccount: true, message: null };
  const saved = readSaved(text, fresh.productId);
  if (saved.problem !== undefined) {
    return {
      state: fresh,
      freshAccount: true,
      message: `The stored sandbox state ${saved.problem}, so a fresh sandbox was started with a new owner key.`,
    };
  }
  const { raw } = saved;

  const damaged: string[] = [];
  const settings = settingsSchema.safeParse(raw['settings']);
  const settingsOk = settings.success && settingsProblem(model, settings.data) === null;
  if (!settingsOk) damaged.push('settings');
  const offset = z.number().finite().safeParse(raw['clockOffsetMs']);
  if (!offset.success) damaged.push('clock offset');
  const account = accountSchema.safeParse(raw['account']);
  if (!account.success) damaged.push('keys, usage and audit events');
  const data = restoreData(model, raw['data']);
  if (!data) damaged.push('sample data');

  const state: SandboxState = {
    schemaVersion: SCHEMA_VERSION,
    productId: fresh.productId,
    settings: settingsOk ? settings.data : fresh.settings,
    clockOffsetMs: offset.success ? offset.data : fresh.clockOffsetMs,
    account: account.success ? account.data : fresh.account,
    data: data ?? fresh.data,
  };
  const newKey = account.success ? '' : ' A new owner key was created.';
  return {
    state,
    freshAccount: !account.success,
    message: damaged.length
      ? `Part of the stored sandbox state was damaged and has been reset (${damaged.join('; ')}); the rest was kept.${newKey}`
      : null,
  };
}
