/**
 * Calling the SDK the way a reader's code would, by endpoint id (`client.<resource>.<method>()`),
 * and its errors as plain data for the widgets to show.
 */
import {
  isApiError,
  isAuthenticationError,
  isKeyportError,
  isPermissionError,
  type KeyportClient,
  type RequestOptions,
} from '../../sdk/index.ts';

/** What decides an SDK method's arguments: `(...parents, id?, body | query?, options)`. */
export interface CallableEndpoint {
  /** `<resource>.<method>`, e.g. `contacts.list`. */
  id: string;
  hasId: boolean;
  /** The path's parameters before `{id}`, in order. */
  parents: readonly string[];
  hasBody: boolean;
  /** Whether the method takes a query object (list endpoints). */
  hasQuery: boolean;
}

export interface CallInput {
  recordId?: string;
  /** Values of the endpoint's `parents`, by name. */
  parents?: Record<string, string> | undefined;
  body?: unknown;
  /** Left out (`undefined`) when there is none. */
  query?: Record<string, string>;
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** Calls `client.<resource>.<method>()` for an endpoint, with the arguments its SDK method takes. */
export function callEndpoint(
  client: KeyportClient,
  endpoint: CallableEndpoint,
  input: CallInput,
  options: RequestOptions = {},
): Promise<unknown> {
  const [resource, method] = endpoint.id.split('.') as [string, string];
  const call = (client as unknown as Record<string, Record<string, Method> | undefined>)[resource]?.[method];
  if (!call) return Promise.reject(new Error(`The SDK has no method for ${endpoint.id}.`));
  const args: unknown[] = endpoint.parents.map((name) => input.parents?.[name] ?? '');
  if (endpoint.hasId) args.push(input.recordId ?? '');
  if (endpoint.hasBody) args.push(input.body);
  else if (endpoint.hasQuery) args.push(input.query);
  args.push(options);
  return call(...args);
}

/** The SDK's error in plain data, for verdicts and explanations. */
export interface SdkErrorData {
  name: string;
  /** The API's error code; `null` when no answer came (connection, timeout, a refused key format). */
  code: string | null;
  status: number | null;
  message: string;
  requestId: string | null;
  /** For 401s: why the key was refused. */
  reason: string | null;
  /** For 403s: the scopes the key lacks. */
  missingScopes: string[];
}

export function sdkErrorData(error: unknown): SdkErrorData {
  if (isApiError(error)) {
    return {
      name: error.name,
      code: error.code,
      status: error.status,
      message: error.message,
      requestId: error.requestId,
      reason: isAuthenticationError(error) ? error.reason : null,
      missingScopes: isPermissionError(error) ? error.missingScopes : [],
    };
  }
  const name = isKeyportError(error) || error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { name, code: null, status: null, message, requestId: null, reason: null, missingScopes: [] };
}
