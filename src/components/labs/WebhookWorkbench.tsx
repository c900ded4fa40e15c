/**
 * The webhook workbench: a sample delivery, signed as the API signs it, and verified as your
 * endpoint must — every step of the SDK's check shown (`inspectWebhook`), and its verdict
 * (`verifyWebhook`). Change the body on the way, the secret, the signing time or your server's
 * clock, and see the check fail and why; sign with two secrets to see rotation work. Entirely in
 * this page: nothing is sent anywhere.
 */
import '../../styles/widgets.css';
import './labs.css';
import { useEffect, useId, useRef, useState } from 'react';
import { inspectWebhook, signWebhook, verifyWebhook, type WebhookInspection } from '../../sdk/index.ts';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import type { WebhookWorkbenchData, WorkbenchSnapshot } from './webhook-sample.ts';

interface Props {
  data: WebhookWorkbenchData;
  level?: HeadingLevel;
}

interface Inputs {
  event: string;
  received: string;
  secret: string;
  rotating: boolean;
  newSecret: string;
  signedAt: string;
  headerEdits: Record<string, string> | null;
  receiverSecret: string;
  offset: number;
}

/** A problem on the sender's side (nothing to verify) or the receiver's (its secret cannot be used). */
type Result =
  | (WorkbenchSnapshot & { problem: null })
  | { problem: { side: 'sender' | 'receiver'; message: string }; headers: Record<string, string>; inspection: null; verifyError: null };

const isoTime = (seconds: number) =>
  Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : 'not a time';

/** Where two texts first differ, for saying what changed in the body. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

async function evaluate(data: WebhookWorkbenchData, inputs: Inputs, payload: string): Promise<Result> {
  const fail = (side: 'sender' | 'receiver', message: string, headers: Record<string, string> = {}): Result => ({
    problem: { side, message },
    headers,
    inspection: null,
    verifyError: null,
  });
  const secrets = inputs.rotating ? [inputs.secret, inputs.newSecret] : [inputs.secret];
  if (!/^\d+$/.test(inputs.signedAt.trim()))
    return fail('sender', 'The signing time must be a whole number of seconds since 1970 (Unix time).');
  let signed: Awaited<ReturnType<typeof signWebhook>>;
  try {
    signed = await signWebhook({
      payload,
      secret: secrets,
      timestamp: Number(inputs.signedAt),
      scheme: data.scheme,
      ...(data.deliveryId && { id: data.deliveryId }),
    });
  } catch (error) {
    // Standard Webhooks secrets must be base64 after the prefix; the SDK says so.
    return fail(
      'sender',
      `This signing secret cannot be used: ${error instanceof Error ? error.message : 'the delivery could not be signed.'}`,
    );
  }
  const options = {
    payload: inputs.received,
    headers: inputs.headerEdits ?? signed.headers,
    secret: inputs.receiverSecret,
    now: data.time + inputs.offset,
    toleranceSeconds: data.toleranceSeconds,
    scheme: data.scheme,
  };
  try {
    const inspection = await inspectWebhook(options);
    let verifyError: string | null = null;
    try {
      await verifyWebhook(options);
    } catch (error) {
      verifyError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    return { headers: signed.headers, inspection, verifyError, problem: null };
  } catch (error) {
    return fail(
      'receiver',
      `Your endpoint’s secret cannot be used: ${error instanceof Error ? error.message : 'it is not a signing secret.'}`,
      signed.headers,
    );
  }
}

function reasons(data: WebhookWorkbenchData, inputs: Inputs, payload: string, result: Result, inspection: WebhookInspection): string[] {
  const out: string[] = [];
  if (inspection.reason === 'signature_mismatch') {
    if (inputs.received !== payload) {
      out.push(
        `The body differs from the body that was signed, from character ${firstDifference(inputs.received, payload) + 1} on: it was changed on the way (or re-serialised).`,
      );
    }
    if (inputs.headerEdits && JSON.stringify(inputs.headerEdits) !== JSON.stringify(result.headers)) {
      out.push(
        'The signature headers were changed after signing: the timestamp is part of what is signed, so it cannot be altered either.',
      );
    }
    const senderSecrets = inputs.rotating ? [inputs.secret, inputs.newSecret] : [inputs.secret];
    if (!senderSecrets.includes(inputs.receiverSecret)) out.push('Your endpoint’s secret is not one the delivery was signed with.');
    if (!out.length) out.push('No signature in the header matches the one your secret gives.');
  } else if (inspection.reason === 'timestamp_out_of_range') {
    const skew = data.time + inputs.offset - (inspection.timestamp ?? 0);
    out.push(
      `The signature matches, but the timestamp is ${Math.abs(skew)} seconds ${skew >= 0 ? 'behind' : 'ahead of'} your server’s clock, more than the ${data.toleranceSeconds}-second tolerance: a replay of an old delivery, or a clock that is off.`,
    );
  } else if (inspection.reason === 'malformed_header') {
    out.push('The signature header cannot be read: it needs a numeric timestamp and at least one v1 signature.');
  } else if (inspection.reason === 'missing_header') {
    out.push('The delivery has no signature headers: never trust it.');
  }
  return out;
}

export default function WebhookWorkbench({ data, level = 2 }: Props) {
  const id = useId();
  const sub = below(level);
  const stripe = data.scheme === 'stripe';
  const [inputs, setInputs] = useState<Inputs>({
    event: data.events[0]!.type,
    received: data.events[0]!.payload,
    secret: data.secrets[0],
    rotating: false,
    newSecret: data.secrets[1],
    signedAt: String(data.time),
    headerEdits: null,
    receiverSecret: data.secrets[0],
    offset: 0,
  });
  const [result, setResult] = useState<Result>({ ...data.initial, problem: null });
  const sequence = useRef(0);
  const payload = data.events.find((e) => e.type === inputs.event)!.payload;
  const range = data.toleranceSeconds * 2;

  useEffect(() => {
    const seq = ++sequence.current;
    void evaluate(data, inputs, payload).then((next) => {
      if (seq === sequence.current) setResult(next);
    });
  }, [data, inputs, payload]);

  /** A change on the sender's side re-signs the delivery, so header edits no longer apply. */
  const resign = (patch: Partial<Inputs>) => setInputs((current) => ({ ...current, ...patch, headerEdits: null }));
  const set = (patch: Partial<Inputs>) => setInputs((current) => ({ ...current, ...patch }));

  const inspection = result.inspection;
  const shownHeaders = inputs.headerEdits ?? result.headers;
  const why = inspection ? reasons(data, inputs, payload, result, inspection) : [];
  const skew = inspection?.timestamp != null ? data.time + inputs.offset - inspection.timestamp : null;
  const matched = inspection ? inspection.expected.findIndex((e) => inspection.received.includes(e)) : -1;
  const matchedSignature = inspection && matched >= 0 ? inspection.received.indexOf(inspection.expected[matched]!) + 1 : 0;
  const verdict = !inspection
    ? `Cannot verify: ${result.problem?.message ?? 'the delivery could not be signed.'}`
    : inspection.valid
      ? `Valid: signature ${matchedSignature} of ${inspection.received.length} matches your secret, and the timestamp is ${Math.abs(skew ?? 0)} seconds from your clock.`
      : `Rejected (${inspection.reason}). ${why.join(' ')}`;

  return (
    <section className="kp-widget kp-lab kp-webhook-lab" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Webhook workbench
      </Heading>
      <p>
        A sample delivery from {data.productName}, signed and verified with the SDK’s own functions, entirely in this page: nothing is sent
        anywhere. Change anything and the verification runs again.
      </p>

      <div className="kp-lab-webhook">
        <section className="kp-lab-webhook__part" aria-labelledby={`${id}-sender`}>
          <Heading level={sub} id={`${id}-sender`}>
            1. {data.productName} signs the delivery
          </Heading>
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-event`}>
              Event
            </label>
            <select
              id={`${id}-event`}
              className="kp-input"
              value={inputs.event}
              onChange={(e) => resign({ event: e.target.value, received: data.events.find((ev) => ev.type === e.target.value)!.payload })}
            >
              {data.events.map((e) => (
                <option key={e.type}>{e.type}</option>
              ))}
            </select>
          </div>
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-secret`}>
              Signing secret
            </label>
            <input
              id={`${id}-secret`}
              className="kp-input kp-mono"
              value={inputs.secret}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => resign({ secret: e.target.value })}
            />
          </div>
          <label className="kp-choice">
            <input type="checkbox" checked={inputs.rotating} onChange={(e) => resign({ rotating: e.target.checked })} />
            <span>Rotating the secret: sign with the old and a new one</span>
          </label>
          {inputs.rotating && (
            <div className="kp-field">
              <label className="kp-label" htmlFor={`${id}-new-secret`}>
                New signing secret
              </label>
              <input
                id={`${id}-new-secret`}
                className="kp-input kp-mono"
                value={inputs.newSecret}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => resign({ newSecret: e.target.value })}
              />
            </div>
          )}
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-time`}>
              Signed at (Unix time, seconds)
            </label>
            <input
              id={`${id}-time`}
              className="kp-input kp-mono"
              inputMode="numeric"
              value={inputs.signedAt}
              aria-describedby={`${id}-time-hint`}
              onChange={(e) => resign({ signedAt: e.target.value })}
            />
            <span id={`${id}-time-hint`} className="kp-hint">
              {isoTime(Number(inputs.signedAt))}
            </span>
          </div>
          {result.problem?.side === 'sender' ? (
            <p className="kp-field-error" role="alert">
              {result.problem.message}
            </p>
          ) : (
            <>
              <p className="kp-label">Headers it sends</p>
              <div className="kp-code">
                <pre>
                  <code>
                    {Object.entries(result.headers)
                      .map(([name, value]) => `${name}: ${value}`)
                      .join('\n')}
                  </code>
                </pre>
              </div>
            </>
          )}
        </section>

        <section className="kp-lab-webhook__part" aria-labelledby={`${id}-transit`}>
          <Heading level={sub} id={`${id}-transit`}>
            2. On the way
          </Heading>
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-body`}>
              Body as your endpoint receives it
            </label>
            <textarea
              id={`${id}-body`}
              className="kp-input kp-mono kp-lab-webhook__body"
              rows={9}
              value={inputs.received}
              spellCheck={false}
              aria-describedby={`${id}-body-hint`}
              onChange={(e) => set({ received: e.target.value })}
            />
            <span id={`${id}-body-hint`} className="kp-hint">
              Edit it to tamper with the delivery. Even re-indenting it breaks the signature: verify the raw body.
            </span>
          </div>
          {Object.entries(shownHeaders).map(([name, value]) => (
            <div className="kp-field" key={name}>
              <label className="kp-label" htmlFor={`${id}-h-${name}`}>
                <code>{name}</code> as received
              </label>
              <input
                id={`${id}-h-${name}`}
                className="kp-input kp-mono"
                value={value}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set({ headerEdits: { ...shownHeaders, [name]: e.target.value } })}
              />
            </div>
          ))}
          <div className="kp-actions kp-actions--start">
            <button
              type="button"
              className="kp-button"
              disabled={inputs.received === payload && !inputs.headerEdits}
              onClick={() => set({ received: payload, headerEdits: null })}
            >
              Restore the delivery as sent
            </button>
          </div>
        </section>

        <section className="kp-lab-webhook__part" aria-labelledby={`${id}-receiver`}>
          <Heading level={sub} id={`${id}-receiver`}>
            3. Your endpoint verifies it
          </Heading>
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-receiver-secret`}>
              Secret your endpoint holds
            </label>
            <input
              id={`${id}-receiver-secret`}
              className="kp-input kp-mono"
              value={inputs.receiverSecret}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set({ receiverSecret: e.target.value })}
            />
          </div>
          <div className="kp-actions kp-actions--start">
            <button type="button" className="kp-button kp-button--small" onClick={() => set({ receiverSecret: inputs.secret })}>
              Use the signing secret
            </button>
            {inputs.rotating && (
              <button type="button" className="kp-button kp-button--small" onClick={() => set({ receiverSecret: inputs.newSecret })}>
                Use the new secret
              </button>
            )}
          </div>
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-offset`}>
              Your server’s clock
            </label>
            <input
              id={`${id}-offset`}
              type="range"
              className="kp-lab-range"
              min={-range}
              max={range}
              step={10}
              value={inputs.offset}
              aria-valuetext={`${Math.abs(inputs.offset)} seconds ${inputs.offset >= 0 ? 'ahead' : 'behind'}`}
              onChange={(e) => set({ offset: Number(e.target.value) })}
            />
            <span className="kp-hint">
              {inputs.offset === 0
                ? 'On time'
                : `${Math.abs(inputs.offset)} s ${inputs.offset > 0 ? 'ahead (or the delivery arrived late)' : 'behind'}`}
              : it reads {isoTime(data.time + inputs.offset)}. Tolerance: ±{data.toleranceSeconds} s.
            </span>
          </div>
        </section>
      </div>

      <section className="kp-panel" aria-labelledby={`${id}-steps`}>
        <Heading level={sub} id={`${id}-steps`}>
          The check, step by step
        </Heading>
        {inspection ? (
          <ol className="kp-lab-check">
            <li>
              <strong>Read the header.</strong>{' '}
              {inspection.timestamp === null ? (
                'No timestamp could be read.'
              ) : (
                <>
                  Timestamp <code>{inspection.timestamp}</code>
                  {inspection.id && (
                    <>
                      , delivery id <code>{inspection.id}</code>
                    </>
                  )}
                  ; {inspection.received.length} {inspection.received.length === 1 ? 'signature' : 'signatures'}:
                </>
              )}
              <ul className="kp-lab-sigs">
                {inspection.received.map((signature, i) => (
                  <li key={i} className="kp-mono kp-break">
                    v1 #{i + 1}: {signature}
                  </li>
                ))}
              </ul>
            </li>
            <li>
              <strong>Build the signed content</strong>:{' '}
              {stripe ? <code>{'<timestamp>.<raw body>'}</code> : <code>{'<id>.<timestamp>.<raw body>'}</code>}
              {inspection.signedContent !== null ? (
                <div className="kp-code" role="region" aria-label="Signed content" tabIndex={0}>
                  <pre>
                    <code>{inspection.signedContent}</code>
                  </pre>
                </div>
              ) : (
                ' — not possible without a readable header.'
              )}
            </li>
            <li>
              <strong>Compute HMAC-SHA256</strong> of it with your secret
              {stripe ? ', as hex' : ' (the base64-decoded part after the prefix), as base64'}:
              <ul className="kp-lab-sigs">
                {inspection.expected.map((signature, i) => (
                  <li key={i} className="kp-mono kp-break">
                    {signature}
                  </li>
                ))}
                {!inspection.expected.length && <li>not computed</li>}
              </ul>
            </li>
            <li>
              <strong>Compare</strong> it with each signature received, in constant time:{' '}
              {inspection.expected.length === 0
                ? 'skipped.'
                : inspection.received.map((signature, i) => (
                    <span key={i} className="kp-block">
                      v1 #{i + 1}: {inspection.expected.includes(signature) ? '✓ matches' : '✗ does not match'}
                    </span>
                  ))}
            </li>
            <li>
              <strong>Check the timestamp</strong> is within {data.toleranceSeconds} seconds of your clock:{' '}
              {skew === null || inspection.reason === 'signature_mismatch'
                ? inspection.reason === 'signature_mismatch'
                  ? 'not reached: the signature already failed.'
                  : 'not possible.'
                : `${Math.abs(skew)} seconds apart: ${Math.abs(skew) <= data.toleranceSeconds ? '✓ within' : '✗ outside'} the tolerance.`}
            </li>
          </ol>
        ) : (
          <p className="kp-muted">
            {result.problem?.side === 'receiver'
              ? 'Nothing to check until your endpoint holds a usable secret.'
              : 'Nothing to check until the delivery can be signed.'}
          </p>
        )}
        <div className="kp-lab-verdict-box" role="status" aria-live="polite" aria-atomic="true">
          <p className={inspection?.valid ? 'kp-success' : 'kp-field-error'}>
            <strong>{inspection?.valid ? '✓ ' : '✗ '}</strong>
            {verdict}
          </p>
          {inspection && (
            <p className="kp-hint">
              <code>verifyWebhook()</code>{' '}
              {result.verifyError ? (
                <>
                  throws <code className="kp-break">{result.verifyError}</code>
                </>
              ) : (
                'returns the parsed event.'
              )}
            </p>
          )}
          {inputs.rotating && inspection?.valid && (
            <p className="kp-hint">
              During rotation the header carries one signature per secret; a delivery is genuine if any signature matches any secret you
              hold, so endpoints with the old or the new secret both accept it.
            </p>
          )}
        </div>
      </section>
    </section>
  );
}
