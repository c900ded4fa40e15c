import { expect, test } from 'vitest';
import { inspectWebhook, signWebhook, verifyWebhook, WebhookVerificationError, type WebhookFailureReason } from '../../../src/sdk/index.ts';

// The Standard Webhooks specification's own test vector.
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const timestamp = 1614265330;
const payload = '{"test": 2432232314}';
const signature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
const scheme = 'standard' as const;

async function reason(options: Partial<Parameters<typeof verifyWebhook>[0]>): Promise<WebhookFailureReason | 'accepted'> {
  try {
    await verifyWebhook({ payload, headers, secret, now: timestamp, scheme, ...options });
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
}

test('the specification’s test vector verifies and returns the parsed event', async () => {
  await expect(verifyWebhook({ payload, headers, secret, now: timestamp, scheme })).resolves.toEqual({ test: 2432232314 });
});

test('signWebhook reproduces the test vector, with every intermediate value', async () => {
  const signed = await signWebhook({ payload, secret, timestamp, id, scheme });
  expect(signed).toEqual({
    headers,
    signedContent: `${id}.${timestamp}.${payload}`,
    signatures: [signature.slice(3)],
    timestamp,
    id,
  });
});

test('a tampered payload is rejected', async () => {
  expect(await reason({ payload: payload.replace('2432232314', '2432232315') })).toBe('signature_mismatch');
});

test('a tampered id or timestamp is rejected: both are signed', async () => {
  expect(await reason({ headers: { ...headers, 'webhook-id': 'msg_other' } })).toBe('signature_mismatch');
  expect(await reason({ headers: { ...headers, 'webhook-timestamp': String(timestamp + 1) } })).toBe('signature_mismatch');
});

test('a stale delivery is rejected, and so is one from the future', async () => {
  expect(await reason({ now: timestamp + 301 })).toBe('timestamp_out_of_range');
  expect(await reason({ now: timestamp - 301 })).toBe('timestamp_out_of_range');
  expect(await reason({ now: timestamp + 300 })).toBe('accepted');
  expect(await reason({ now: new Date((timestamp - 300) * 1000) })).toBe('accepted');
});

test('a wrong secret is rejected', async () => {
  expect(await reason({ secret: 'whsec_' + btoa('another secret of ours') })).toBe('signature_mismatch');
});

test('during rotation the header carries two signatures and either secret verifies', async () => {
  const next = 'whsec_' + btoa('the next secret, 24 bytes');
  const signed = await signWebhook({ payload, secret: [secret, next], timestamp, id, scheme });
  expect(signed.headers['webhook-signature']!.split(' ')).toHaveLength(2);
  expect(await reason({ headers: signed.headers, secret })).toBe('accepted');
  expect(await reason({ headers: signed.headers, secret: next })).toBe('accepted');
});

test('a receiver holding old and new secrets accepts a delivery signed with either', async () => {
  const next = 'whsec_' + btoa('the next secret, 24 bytes');
  const signed = await signWebhook({ payload, secret: next, timestamp, id, scheme });
  expect(await reason({ headers: signed.headers, secret: [secret, next] })).toBe('accepted');
});

test('missing headers and malformed ones are told apart', async () => {
  expect(await reason({ headers: { 'webhook-id': id, 'webhook-signature': signature } })).toBe('missing_header');
  expect(await reason({ headers: { ...headers, 'webhook-timestamp': 'yesterday' } })).toBe('malformed_header');
  expect(await reason({ headers: { ...headers, 'webhook-signature': 'v2,abc' } })).toBe('malformed_header');
});

test('the raw bytes of the body verify as well as its text', async () => {
  await expect(
    verifyWebhook({ payload: new TextEncoder().encode(payload), headers: new Headers(headers), secret, now: timestamp, scheme }),
  ).resolves.toEqual({
    test: 2432232314,
  });
});

test('inspectWebhook shows what was received and what each secret gives', async () => {
  const inspection = await inspectWebhook({ payload: '{"test": 1}', headers, secret, now: timestamp, scheme });
  expect(inspection).toMatchObject({
    valid: false,
    reason: 'signature_mismatch',
    id,
    timestamp,
    signedContent: `${id}.${timestamp}.{"test": 1}`,
    received: [signature.slice(3)],
  });
  expect(inspection.expected).toHaveLength(1);
  expect(inspection.expected[0]).not.toBe(signature.slice(3));
});
