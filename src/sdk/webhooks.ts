/**
 * Webhook signatures, in the two schemes presets use:
 * - `stripe`: `<signature header>: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`, with
 *   several `v1` while the sender rotates its secret;
 * - `standard` (Standard Webhooks): `webhook-id`, `webhook-timestamp` and
 *   `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.payload">`, space separated,
 *   with a secret `whsec_<base64 key>`.
 * WebCrypto only (`crypto.subtle`), so the same code runs in Node, workers and browsers.
 */
import { WebhookVerificationError, type WebhookFailureReason } from './errors.ts';
import { webhooks } from './generated/preset.ts';

export type WebhookScheme = 'stripe' | 'standard';

/** A `Headers` object, or a plain object such as Node's `IncomingHttpHeaders`. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/** Unix seconds, or a `Date`. */
export type WebhookTime = number | Date;

export interface VerifyWebhookOptions {
  /** The body exactly as received: the raw text or bytes, not JSON parsed and serialised again. */
  payload: string | Uint8Array;
  /** The request's headers. */
  headers: WebhookHeaders;
  /** The signing secret, or several while it rotates: any one may match. */
  secret: string | readonly string[];
  /**
   * How far the signed timestamp may be from `now`, either way, in seconds.
   * @default the API's tolerance (usually 300)
   */
  toleranceSeconds?: number;
  /**
   * The receiver's clock, for tests and workbenches.
   * @default the current time
   */
  now?: WebhookTime;
  /**
   * The signature scheme.
   * @default the API's scheme
   */
  scheme?: WebhookScheme;
}

/** Every step of a verification, for showing how the check works. */
export interface WebhookInspection {
  scheme: WebhookScheme;
  valid: boolean;
  /** Why it failed, or `null` when `valid`. */
  reason: WebhookFailureReason | null;
  /** The delivery id (`standard` only). */
  id: string | null;
  /** The signed timestamp, in unix seconds. */
  timestamp: number | null;
  /** The exact text the HMAC is computed over. */
  signedContent: string | null;
  /** The signatures the header carries. */
  received: string[];
  /** The signature each secret gives, in the header's encoding. */
  expected: string[];
}

export interface SignWebhookOptions {
  payload: string | Uint8Array;
  /** One secret, or two while rotating (the header then carries both signatures). */
  secret: string | readonly string[];
  /** @default the current time */
  timestamp?: WebhookTime;
  /** The delivery id (`standard` only). @default a random id */
  id?: string;
  /** @default the API's scheme */
  scheme?: WebhookScheme;
}

export interface SignedWebhook {
  /** Headers to send with the payload. */
  headers: Record<string, string>;
  /** The exact text that was signed. */
  signedContent: string;
  /** One signature per secret, hex (`stripe`) or base64 (`standard`). */
  signatures: string[];
  timestamp: number;
  id: string | null;
}

const config: { scheme: WebhookScheme; signatureHeader: string; toleranceSeconds: number; secretPrefix: string } = webhooks;
const encoder = new TextEncoder();

const seconds = (time: WebhookTime | undefined) => (typeof time === 'number' ? time : Math.floor((time ?? new Date()).getTime() / 1000));

/** The presets' header when the scheme is theirs; Standard Webhooks' own name otherwise. */
const signatureHeader = (scheme: WebhookScheme) =>
  scheme === 'standard' && config.scheme !== 'standard' ? 'webhook-signature' : config.signatureHeader;

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as Headers).get(name) ?? undefined;
  const entry = Object.entries(headers as Exclude<WebhookHeaders, Headers>).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return typeof entry === 'string' ? entry : entry?.join(',');
}

const text = (payload: string | Uint8Array) => (typeof payload === 'string' ? payload : new TextDecoder().decode(payload));

/** The signed bytes: `prefix` then the payload's own bytes, untouched; and the same as text. */
function content(prefix: string, payload: string | Uint8Array): [bytes: Uint8Array<ArrayBuffer>, text: string] {
  const body = typeof payload === 'string' ? encoder.encode(payload) : payload;
  const head = encoder.encode(prefix);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  return [bytes, prefix + text(payload)];
}

async function hmac(secret: string, bytes: Uint8Array<ArrayBuffer>, standard: boolean): Promise<string> {
  let key: Uint8Array<ArrayBuffer>;
  try {
    key = standard
      ? Uint8Array.from(atob(secret.startsWith(config.secretPrefix) ? secret.slice(config.secretPrefix.length) : secret), (c) =>
          c.charCodeAt(0),
        )
      : encoder.encode(secret);
  } catch {
    throw new TypeError(`A Standard Webhooks secret is "${config.secretPrefix}" followed by base64.`);
  }
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, bytes));
  return standard ? btoa(String.fromCharCode(...mac)) : Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares in time that does not depend on where the strings differ. */
function sameSignature(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

const list = (secret: string | readonly string[]) => (typeof secret === 'string' ? [secret] : [...secret]);

const MESSAGES: Record<WebhookFailureReason, string> = {
  missing_header: 'The webhook has no signature headers.',
  malformed_header: 'The webhook signature header is malformed.',
  signature_mismatch:
    'No signature matches: the secret is wrong, or the payload changed since signing (verify the raw body, not re-serialised JSON).',
  timestamp_out_of_range: 'The webhook timestamp is outside the tolerance: a replay, or a clock that is off.',
};

/**
 * Runs every step of `verifyWebhook` and reports them instead of throwing: the signed content,
 * the signatures received and expected, and the verdict.
 */
export async function inspectWebhook(options: VerifyWebhookOptions): Promise<WebhookInspection> {
  const scheme = options.scheme ?? config.scheme;
  const standard = scheme === 'standard';
  const get = (name: string) => readHeader(options.headers, name);
  const raw = get(signatureHeader(scheme));
  const id = (standard && get('webhook-id')) || null;
  let time = standard ? get('webhook-timestamp') : undefined;
  const result: WebhookInspection = {
    scheme,
    valid: false,
    reason: null,
    id,
    timestamp: null,
    signedContent: null,
    received: [],
    expected: [],
  };
  // Stripe: "t=<time>,v1=<hex>,v1=<hex>"; Standard Webhooks: "v1,<base64> v1,<base64>".
  for (const part of raw?.split(standard ? ' ' : ',') ?? []) {
    const [key, value = ''] = part.trim().split(standard ? /,(.*)/s : /=(.*)/s);
    if (key === 't' && !standard) time = value;
    if (key === 'v1') result.received.push(value);
  }
  let reason: WebhookFailureReason | null =
    !raw || (standard && !(id && time))
      ? 'missing_header'
      : !/^\d+$/.test(time ?? '') || !result.received.length
        ? 'malformed_header'
        : null;
  if (!reason) {
    const timestamp = (result.timestamp = Number(time));
    let bytes;
    [bytes, result.signedContent] = content(standard ? `${id}.${time}.` : `${time}.`, options.payload);
    result.expected = await Promise.all(list(options.secret).map((secret) => hmac(secret, bytes, standard)));
    reason = !result.expected.some((expected) => result.received.some((received) => sameSignature(expected, received)))
      ? 'signature_mismatch'
      : Math.abs(seconds(options.now) - timestamp) > (options.toleranceSeconds ?? config.toleranceSeconds)
        ? 'timestamp_out_of_range'
        : null;
  }
  return { ...result, valid: !reason, reason };
}

/**
 * Checks a webhook's signature and timestamp, then returns the parsed event. Throws
 * `WebhookVerificationError` (with `reason`) when the delivery must not be trusted.
 * @example
 * ```ts
 * const event = await verifyWebhook({ payload: rawBody, headers: request.headers, secret: process.env.WEBHOOK_SECRET! });
 * ```
 */
export async function verifyWebhook<T = unknown>(options: VerifyWebhookOptions): Promise<T> {
  const { reason } = await inspectWebhook(options);
  if (reason) throw new WebhookVerificationError(MESSAGES[reason], { reason });
  return JSON.parse(text(options.payload)) as T;
}

/**
 * Signs a payload as the API does: for tests of your webhook endpoint and for the docs'
 * workbench. Returns the headers to send and the intermediate values.
 */
export async function signWebhook(options: SignWebhookOptions): Promise<SignedWebhook> {
  const scheme = options.scheme ?? config.scheme;
  const standard = scheme === 'standard';
  const timestamp = seconds(options.timestamp);
  const id = standard ? (options.id ?? `msg_${crypto.randomUUID().replaceAll('-', '')}`) : null;
  const [bytes, signedContent] = content(standard ? `${id}.${timestamp}.` : `${timestamp}.`, options.payload);
  const signatures = await Promise.all(list(options.secret).map((secret) => hmac(secret, bytes, standard)));
  const header = signatureHeader(scheme);
  const headers: Record<string, string> = standard
    ? { 'webhook-id': id!, 'webhook-timestamp': String(timestamp), [header]: signatures.map((s) => `v1,${s}`).join(' ') }
    : { [header]: [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(',') };
  return { headers, signedContent, signatures, timestamp, id };
}
