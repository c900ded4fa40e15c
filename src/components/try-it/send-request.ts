/**
 * Sends the console's request through the SDK (`client.<resource>.<method>()`), the way a
 * reader's code would, and keeps what the console shows: status, the response's headers (from
 * the SDK's `onResponse` hook), the body, the time taken, and the SDK's typed error.
 */
import {
  isApiError,
  isConnectionError,
  isKeyFormatError,
  isTimeoutError,
  type ClientOptions,
  type FetchFunction,
} from '../../sdk/index.ts';
import { sandboxClient } from '../sandbox/sandbox-session.ts';
import { callEndpoint, sdkErrorData, type SdkErrorData } from '../widgets/sdk-call.ts';
import type { EndpointInfo, SchemeInfo } from '../widgets/widget-data.ts';
import { withoutKey } from '../labs/exchange.ts';
import { NO_SCHEME } from './request-draft.ts';

export interface SendInput {
  endpoint: EndpointInfo;
  id: string;
  /** The path's parameters before `{id}`, by name. */
  parents?: Record<string, string> | undefined;
  query: Record<string, string>;
  /** The parsed body; `undefined` sends none. */
  body: unknown;
  /** The key, or `null` to send none (an empty header, like an unset environment variable). */
  key: string | null;
  /** A scheme id, or `none` to send no auth header at all. */
  scheme: string;
  schemes: SchemeInfo[];
  /** False for "send anyway": the SDK's offline key check is skipped. */
  checkKeyFormat: boolean;
}

/** An API error as the console shows it: the API always answered, so `code` and `status` are set. */
export type SdkErrorInfo = SdkErrorData & { code: string; status: number };

export type SendResult =
  | { kind: 'response'; status: number; headers: Array<[string, string]>; body: unknown; ms: number; error: SdkErrorInfo | null }
  | { kind: 'failure'; message: string; ms: number | null };

/** Where every scheme puts a key, for taking the key out when the reader chose to send none. */
const carriers = (schemes: SchemeInfo[]) => ({
  headers: schemes.flatMap((s) => (s.in === 'header' ? [s.header] : [])),
  params: schemes.flatMap((s) => (s.in === 'query' ? [s.param] : [])),
});

/** A fetch that takes the key off: the SDK always sends the key, and "none" means none. */
function withoutAuth(where: ReturnType<typeof carriers>): FetchFunction {
  return (input, init) => fetch(withoutKey(new Request(input, init), where));
}

export async function sendRequest(input: SendInput): Promise<SendResult> {
  const { endpoint } = input;
  const noScheme = input.scheme === NO_SCHEME;
  const options: ClientOptions = {
    apiKey: input.key ?? '',
    // No key, or "send anyway": let the SDK send what it was given, as the reader asked.
    checkKeyFormat: input.key !== null && input.checkKeyFormat,
    ...(noScheme
      ? { fetch: withoutAuth(carriers(input.schemes)) }
      : { authScheme: input.scheme as NonNullable<ClientOptions['authScheme']> }),
  };

  let response: Response | undefined;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const query = Object.fromEntries(Object.entries(input.query).filter(([, value]) => value !== ''));
    const body = await callEndpoint(
      sandboxClient(options),
      endpoint,
      { recordId: input.id, parents: input.parents, body: input.body, ...(Object.keys(query).length ? { query } : {}) },
      { onResponse: (r: Response) => (response = r) },
    );
    const ms = elapsed();
    return { kind: 'response', status: response?.status ?? 200, headers: response ? [...response.headers] : [], body, ms, error: null };
  } catch (error) {
    const ms = elapsed();
    if (isApiError(error)) {
      return {
        kind: 'response',
        status: error.status,
        headers: [...error.headers],
        body: error.body,
        ms,
        error: sdkErrorData(error) as SdkErrorInfo,
      };
    }
    if (isKeyFormatError(error)) return { kind: 'failure', message: error.message, ms: null };
    if (isTimeoutError(error))
      return { kind: 'failure', message: 'The sandbox did not answer in time. Reload the page to restart it.', ms };
    if (isConnectionError(error)) {
      return {
        kind: 'failure',
        message: 'The request could not reach the sandbox: its service worker did not answer. Reload the page and try again.',
        ms,
      };
    }
    // e.g. the SDK refusing an empty id before sending.
    return { kind: 'failure', message: error instanceof Error ? error.message : 'The request failed.', ms: null };
  }
}

/** Characters a header value can carry; anything else makes `fetch` throw before sending. */
export function headerSafe(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
}
