/**
 * The webhook workbench's starting point, built at build time (server-side: it reads the model):
 * a sample delivery for each event the API sends, two example signing secrets (old and new, for
 * rotation), a fixed signing time, and the first verification already worked out with the SDK,
 * so the server-rendered workbench shows real values and nothing shifts when it hydrates.
 */
import { seededRecords } from '../../api/examples.ts';
import type { ApiModel } from '../../api/model.ts';
import { inspectWebhook, signWebhook, type WebhookInspection, type WebhookScheme } from '../../sdk/index.ts';

/** 2026-01-01T00:00:00Z: the delivery's signing time, and the receiver's clock before any skew. */
export const SAMPLE_TIME = 1_767_225_600;

/** Example secrets, valid for both schemes (Standard Webhooks wants base64 after the prefix). */
const SECRET_BODIES = ['SYS+rzEa8Bw5JoZDi4/+CxAbx3T7/g0p', 'M7zGue8k119f/f7+R4wBR5GHfPhr+NYH'] as const;

export interface WorkbenchSnapshot {
  /** The headers the sender puts on the delivery. */
  headers: Record<string, string>;
  inspection: WebhookInspection;
  /** What the SDK's `verifyWebhook()` did: `null` when it returned the event, else its error message. */
  verifyError: string | null;
}

export interface WebhookWorkbenchData {
  productName: string;
  scheme: WebhookScheme;
  signatureHeader: string;
  toleranceSeconds: number;
  secretPrefix: string;
  events: Array<{ type: string; payload: string }>;
  secrets: [old: string, next: string];
  time: number;
  /** The delivery id (`standard` only). */
  deliveryId: string | null;
  initial: WorkbenchSnapshot;
}

/** A sample body for an event: the first seeded record of the collection the event is about. */
function payloadFor(model: ApiModel, type: string, index: number): string {
  const noun = type.split('.')[0]!;
  const collection = model.collections.find((c) => c.name.toLowerCase() === noun.replace(/_/g, '') || c.id === `${noun}s`);
  const object = collection ? seededRecords(collection)[0]! : { id: `${noun}_1` };
  return JSON.stringify(
    { id: `evt_${String(index + 1).padStart(2, '0')}Hq2mX9aP4`, type, created: SAMPLE_TIME, data: { object } },
    null,
    2,
  );
}

export async function webhookWorkbenchData(model: ApiModel): Promise<WebhookWorkbenchData> {
  const { scheme, signatureHeader, toleranceSeconds, secretPrefix, events } = model.webhooks;
  const secrets = SECRET_BODIES.map((body) => `${secretPrefix}${body}`) as [string, string];
  const deliveryId = scheme === 'standard' ? 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W' : null;
  const samples = events.map((type, i) => ({ type, payload: payloadFor(model, type, i) }));
  const payload = samples[0]!.payload;
  const signed = await signWebhook({ payload, secret: secrets[0], timestamp: SAMPLE_TIME, scheme, ...(deliveryId && { id: deliveryId }) });
  const inspection = await inspectWebhook({
    payload,
    headers: signed.headers,
    secret: secrets[0],
    now: SAMPLE_TIME,
    toleranceSeconds,
    scheme,
  });
  return {
    productName: model.product.name,
    scheme,
    signatureHeader,
    toleranceSeconds,
    secretPrefix,
    events: samples,
    secrets,
    time: SAMPLE_TIME,
    deliveryId,
    initial: { headers: signed.headers, inspection, verifyError: null },
  };
}
