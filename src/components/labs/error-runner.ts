/**
 * Runs one error-lab case against the sandbox: sets up what the case needs (throwaway keys made
 * with the owner key, a setting changed for a moment, the clock moved), sends the request
 * through the SDK with its offline key check off, records the exchange, and cleans up after.
 */
import { generateKey } from '../../api/key-format.ts';
import { environment, formatBytes, formatDuration } from '../../api/runtime/index.ts';
import type { ClientOptions } from '../../sdk/index.ts';
import { sandboxClient } from '../sandbox/sandbox-session.ts';
import { callEndpoint, sdkErrorData, type SdkErrorData } from '../widgets/sdk-call.ts';
import { rebuild, recorder, type Exchange } from './exchange.ts';
import {
  createThrowaway,
  keyHeaderNames,
  keyParamNames,
  manage,
  ownerSecret,
  revokeQuietly,
  withSettings,
  type LabSession,
} from './lab-session.ts';
import type { ErrorCase } from './error-cases.ts';

export interface CaseResult {
  caseId: string;
  /** What the lab did, in order, in words. */
  steps: string[];
  /** The request that met the error, and its response; `null` when nothing was sent. */
  exchange: Exchange | null;
  /** The SDK's error; `null` when the call succeeded. */
  outcome: SdkErrorData | null;
  status: number | null;
  code: string | null;
  /** Whether the sandbox answered with the case's error. */
  matched: boolean;
}

/** Addresses from the documentation ranges (RFC 5737): never a real client. */
const OTHER_ADDRESSES = ['198.51.100.7', '192.0.2.7'];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** One character of the random part changed, so the checksum no longer matches. */
function mistype(key: string, prefix: string): string {
  const at = prefix.length + 5;
  const current = key[at]!;
  const other = BASE62[(BASE62.indexOf(current) + 1) % BASE62.length]!;
  return key.slice(0, at) + other + key.slice(at + 1);
}

export async function runCase(session: LabSession, c: ErrorCase, randomLength: number): Promise<CaseResult> {
  const { api, sandbox } = session;
  const steps: string[] = [];
  const cleanup: string[] = [];
  const test = environment(api, 'test');
  const names = keyHeaderNames(api);
  const params = keyParamNames(api);
  const fresh = () => generateKey(test.keyPrefix, randomLength);

  let sent: { exchange: Exchange | null; outcome: SdkErrorData | null } = { exchange: null, outcome: null };

  async function send(
    key: string | null,
    options: {
      baseUrl?: string;
      scheme?: string;
      headers?: Record<string, string>;
      drop?: string[];
      rewrite?: (r: Request) => Request | Promise<Request>;
    } = {},
  ) {
    const record = recorder({
      keyHeaders: names,
      keyParams: params,
      ...(options.drop && { drop: options.drop, dropParams: params }),
      ...(options.rewrite && { rewrite: options.rewrite }),
    });
    const clientOptions: ClientOptions = { apiKey: key ?? '', checkKeyFormat: false, fetch: record.fetch };
    if (options.baseUrl) clientOptions.baseUrl = options.baseUrl;
    if (options.scheme) clientOptions.authScheme = options.scheme as NonNullable<ClientOptions['authScheme']>;
    let outcome: SdkErrorData | null = null;
    try {
      await callEndpoint(
        sandboxClient(clientOptions),
        c.endpoint,
        { recordId: c.recordId, body: c.body },
        options.headers ? { headers: options.headers } : {},
      );
    } catch (error) {
      outcome = sdkErrorData(error);
    }
    sent = { exchange: record.exchanges.at(-1) ?? null, outcome };
    return sent;
  }

  const requestWords = `${c.endpoint.method} ${c.endpoint.path.replace('{id}', c.recordId)}`;
  const throwaway = async (label: string, extra: Partial<Parameters<typeof createThrowaway>[1]> = {}) => {
    const key = await createThrowaway(session, { name: `Error lab: ${label}`, ...extra });
    cleanup.push(key.id);
    steps.push(`Created the throwaway key “${key.name}” (${key.id}) with the sandbox owner key.`);
    return key;
  };

  try {
    const p = c.provoke;
    switch (p.kind) {
      case 'no-key':
        await send(null, { drop: names });
        steps.push(`Sent ${requestWords} without any key header.`);
        break;
      case 'truncated-key':
        await send(fresh().slice(0, -1));
        steps.push(`Sent ${requestWords} with a key missing its last character.`);
        break;
      case 'mistyped-key':
        await send(mistype(fresh(), test.keyPrefix));
        steps.push(`Sent ${requestWords} with a key in which one character was changed.`);
        break;
      case 'unknown-key':
        await send(fresh());
        steps.push(`Generated a well-formed key that was never created, and sent ${requestWords} with it.`);
        break;
      case 'two-keys': {
        const [first, second] = p.schemes;
        const other = fresh();
        if (second.in === 'header') await send(fresh(), { scheme: first.scheme, headers: { [second.header]: `${second.prefix}${other}` } });
        else
          await send(fresh(), {
            scheme: first.scheme,
            rewrite: (request) => {
              const url = new URL(request.url);
              url.searchParams.set(second.param, other);
              return new Request(url, request);
            },
          });
        steps.push(`Sent ${requestWords} with one key in each of two places.`);
        break;
      }
      case 'revoked': {
        const key = await throwaway('revoked key');
        await manage(session, (client) => client.keys.revoke(key.id));
        cleanup.splice(cleanup.indexOf(key.id), 1);
        steps.push('Revoked it.');
        await send(key.secret);
        steps.push(`Sent ${requestWords} with the revoked key.`);
        break;
      }
      case 'expired': {
        if (p.via === 'roll') {
          const key = await throwaway('expired key');
          const rolled = await manage(session, (client) => client.keys.roll(key.id, { grace_seconds: p.graceSeconds }));
          cleanup.push(rolled.key.id);
          steps.push(`Rolled it with a grace period of ${formatDuration(p.graceSeconds)}: the old key works until then.`);
          sandbox.time.advance((p.graceSeconds + 1) * 1000);
          steps.push(`Moved the sandbox’s clock forward by ${formatDuration(p.graceSeconds + 1)}, past the end of the grace period.`);
          await send(key.secret);
        } else {
          const key = await throwaway('expired key', { expires_in_days: p.days });
          sandbox.time.advance(p.days * 86_400_000 + 1000);
          steps.push(`Moved the sandbox’s clock forward by ${formatDuration(p.days * 86_400 + 1)}, past its expiry.`);
          await send(key.secret);
        }
        steps.push(`Sent ${requestWords} with the old key.`);
        break;
      }
      case 'disabled': {
        const key = await throwaway('disabled key');
        await manage(session, (client) => client.keys.update(key.id, { status: 'inactive' }));
        steps.push('Disabled it.');
        await send(key.secret);
        steps.push(`Sent ${requestWords} with the disabled key.`);
        break;
      }
      case 'not-yet-active':
        await withSettings(sandbox, { propagationDelaySeconds: p.delaySeconds }, async () => {
          steps.push(`Set the sandbox’s propagation delay to ${formatDuration(p.delaySeconds)}.`);
          const key = await throwaway('new key');
          await send(key.secret);
          steps.push(`Sent ${requestWords} with it at once.`);
        });
        steps.push('Turned the propagation delay back off.');
        break;
      case 'wrong-environment': {
        const key = await throwaway('live key', { environment: 'live' });
        await send(key.secret, { baseUrl: p.testBaseUrl });
        steps.push(`Sent ${requestWords} with the live key to ${p.testBaseUrl}.`);
        break;
      }
      case 'ip-not-allowed': {
        const clientIp = sandbox.settings.get().clientIp;
        const allowed = OTHER_ADDRESSES.find((address) => address !== clientIp)!;
        const key = await throwaway('IP-locked key', { ip_allowlist: [allowed] });
        steps.push(`Its allowlist holds only ${allowed}; the sandbox sees requests coming from ${clientIp}.`);
        await send(key.secret);
        steps.push(`Sent ${requestWords} with it.`);
        break;
      }
      case 'missing-scope':
        if (p.keyScopes) {
          const key = await throwaway('narrow key', { scopes: p.keyScopes });
          await send(key.secret);
        } else {
          await withSettings(sandbox, { accountRole: p.role }, () => send(ownerSecret(session)));
        }
        steps.push(`Sent ${requestWords} with it.`);
        break;
      case 'rate-limited': {
        const key = await throwaway('rate-limited key');
        let accepted = 0;
        await withSettings(sandbox, { rateLimitMode: 'demo' }, async () => {
          steps.push(`Switched the sandbox to its demo limits: ${p.limit} requests every ${formatDuration(p.windowSeconds)}.`);
          for (let i = 0; i < p.limit * 3; i++) {
            const { outcome } = await send(key.secret);
            if (outcome?.status === 429) break;
            if (!outcome) accepted += 1;
          }
        });
        steps.push(`Sent ${requestWords} ${accepted + 1} times: ${accepted} answered, then the one shown here was refused.`);
        steps.push('Switched the sandbox back to its usual limits.');
        break;
      }
      case 'invalid-json':
        await send(ownerSecret(session), { rewrite: (request) => rebuild(request, { body: p.brokenBody }) });
        steps.push(`Sent ${requestWords} with the body ${p.brokenBody}.`);
        break;
      case 'invalid-field':
      case 'not-found':
        await send(ownerSecret(session));
        steps.push(`Sent ${requestWords} with the sandbox owner key.`);
        break;
      case 'oversized-body': {
        const body = JSON.stringify({ padding: 'x'.repeat(p.bytes) });
        await send(ownerSecret(session), { rewrite: (request) => rebuild(request, { body }) });
        steps.push(`Sent ${requestWords} with a body of ${formatBytes(new TextEncoder().encode(body).length)}.`);
        break;
      }
      case 'wrong-content-type':
        await send(ownerSecret(session), {
          rewrite: async (request) => rebuild(request, { body: await request.text(), headers: { 'Content-Type': p.contentType } }),
        });
        steps.push(`Sent ${requestWords} with a JSON body and Content-Type: ${p.contentType}.`);
        break;
      case 'auth-failures': {
        let refused = 0;
        await withSettings(sandbox, { clientIp: p.address }, async () => {
          steps.push(`Made the sandbox see requests from ${p.address}.`);
          for (let i = 0; i <= p.limit; i++) {
            const { outcome } = await send(fresh());
            if (outcome?.status !== 401) break;
            refused += 1;
          }
        });
        steps.push(
          `Sent ${requestWords} with unknown keys: ${refused} were refused with 401, then the address was locked out for the rest of the ${formatDuration(p.windowSeconds)} window.`,
        );
        steps.push('Gave the sandbox its usual client address back.');
        break;
      }
      case 'wrong-method':
        await send(ownerSecret(session), { rewrite: (request) => rebuild(request, { method: p.method }) });
        steps.push(`Sent ${p.method} ${c.endpoint.path} with the sandbox owner key.`);
        break;
    }
  } finally {
    for (const id of cleanup) await revokeQuietly(session, id);
    if (cleanup.length) steps.push(`Revoked the throwaway ${cleanup.length === 1 ? 'key' : 'keys'}.`);
    sandbox.flush();
  }

  const status = sent.exchange?.response.status ?? null;
  const code = sent.outcome?.code ?? null;
  return {
    caseId: c.caseId,
    steps,
    exchange: sent.exchange,
    outcome: sent.outcome,
    status,
    code,
    matched: status === c.status && code === c.id,
  };
}
