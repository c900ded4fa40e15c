import { createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  inspectWebhook,
  isWebhookVerificationError,
  signWebhook,
  verifyWebhook,
  type WebhookVerificationError,
  type WebhookFailureReason,
} from '../../../src/sdk/index.ts';
import { model } from './fake-api.ts';

const scheme = 'stripe' as const;
// Under a Stripe-style preset the header is the preset's; the tests read it from what signWebhook sends.
const secret = 'whsec_test_secret_for_keyport';
const timestamp = 1_768_478_400;
const payload = JSON.stringify({ id: 'evt_1', type: model.webhooks.events[0], data: { ok: true } });
/** The signature computed independently of the SDK, with node:crypto. */
const expected = (body: string, key = secret, t = timestamp) => createHmac('sha256', key).update(`${t}.${body}`).digest('hex');

async function signed(options: Partial<Parameters<typeof signWebhook>[0]> = {}) {
  return signWebhook({ payload, secret, timestamp, scheme, ...options });
}

async function reason(options: Partial<Parameters<typeof verifyWebhook>[0]>): Promise<WebhookFailureReason | 'accepted'> {
  try {
    await verifyWebhook({ payload, headers: (await signed()).headers, secret, now: timestamp, scheme, ...options });
    return 'accepted';
  } catch (error) {
    expect(isWebhookVerificationError(error)).toBe(true);
    return (error as WebhookVerificationError).reason;
  }
}

test('signWebhook writes t=<time>,v1=<hex HMAC-SHA256 of "t.payload">', async () => {
  const { headers, signedContent, signatures } = await signed();
  const [name, value] = Object.entries(headers)[0]!;
  expect(Object.keys(headers)).toHaveLength(1);
  expect(value).toBe(`t=${timestamp},v1=${expected(payload)}`);
  expect(signedContent).toBe(`${timestamp}.${payload}`);
  expect(signatures).toEqual([expected(payload)]);
  expect(name).toBe(model.webhooks.scheme === 'stripe' ? model.webhooks.signatureHeader : 'webhook-signature');
});

test('a valid delivery verifies and returns the parsed event', async () => {
  const { headers } = await signed();
  await expect(verifyWebhook({ payload, headers, secret, now: timestamp, scheme })).resolves.toEqual(JSON.parse(payload));
});

test('header names are matched in any case, as Node lower-cases them', async () => {
  const { headers } = await signed();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  expect(await reason({ headers: lower })).toBe('accepted');
});

test('a tampered payload is rejected', async () => {
  expect(await reason({ payload: payload.replace('true', 'false') })).toBe('signature_mismatch');
});

test('a re-serialised body is rejected: verify the raw bytes', async () => {
  expect(await reason({ payload: JSON.stringify(JSON.parse(payload), null, 2) })).toBe('signature_mismatch');
});

test('a stale delivery is rejected, and so is one from the future', async () => {
  const tolerance = model.webhooks.toleranceSeconds;
  expect(await reason({ now: timestamp + tolerance + 1 })).toBe('timestamp_out_of_range');
  expect(await reason({ now: timestamp - tolerance - 1 })).toBe('timestamp_out_of_range');
  expect(await reason({ now: timestamp + tolerance })).toBe('accepted');
  expect(await reason({ now: timestamp + 50, toleranceSeconds: 30 })).toBe('timestamp_out_of_range');
});

test('the timestamp is signed, so moving it breaks the signature', async () => {
  const { headers } = await signed();
  const [name, value] = Object.entries(headers)[0]!;
  expect(await reason({ headers: { [name]: value.replace(`t=${timestamp}`, `t=${timestamp + 10}`) }, now: timestamp + 10 })).toBe(
    'signature_mismatch',
  );
});

test('during rotation the header carries two v1 signatures and either secret verifies', async () => {
  const next = 'whsec_next_secret';
  const { headers } = await signed({ secret: [secret, next] });
  expect(Object.values(headers)[0]).toBe(`t=${timestamp},v1=${expected(payload)},v1=${expected(payload, next)}`);
  expect(await reason({ headers, secret })).toBe('accepted');
  expect(await reason({ headers, secret: next })).toBe('accepted');
  expect(await reason({ headers, secret: 'whsec_unrelated' })).toBe('signature_mismatch');
});

test('a receiver holding old and new secrets accepts a delivery signed with either', async () => {
  const { headers } = await signed({ secret: 'whsec_next_secret' });
  expect(await reason({ headers, secret: [secret, 'whsec_next_secret'] })).toBe('accepted');
});

test('a missing header, and one without t or v1, are told apart', async () => {
  const name = Object.keys((await signed()).headers)[0]!;
  expect(await reason({ headers: {} })).toBe('missing_header');
  expect(await reason({ headers: { [name]: `v1=${expected(payload)}` } })).toBe('malformed_header');
  expect(await reason({ headers: { [name]: `t=${timestamp}` } })).toBe('malformed_header');
  expect(await reason({ headers: { [name]: `t=soon,v1=${expected(payload)}` } })).toBe('malformed_header');
});

test('the error message says what to check', async () => {
  const error = await verifyWebhook({ payload: `${payload} `, headers: (await signed()).headers, secret, now: timestamp, scheme }).catch(
    (e: unknown) => e,
  );
  expect((error as Error).message).toMatchInlineSnapshot(
    `"No signature matches: the secret is wrong, or the payload changed since signing (verify the raw body, not re-serialised JSON)."`,
  );
});

test('inspectWebhook exposes each step for a workbench', async () => {
  const { headers } = await signed();
  expect(await inspectWebhook({ payload, headers, secret, now: timestamp + 1, scheme })).toEqual({
    scheme,
    valid: true,
    reason: null,
    id: null,
    timestamp,
    signedContent: `${timestamp}.${payload}`,
    received: [expected(payload)],
    expected: [expected(payload)],
  });
});
