/**
 * What every generator needs to write one complete program: the request (method, full URL, where
 * the key goes, other headers, body), where the key comes from, and where the request goes.
 * A key sent as a query parameter is added to the URL by the program itself, URL-encoded with
 * the language's own encoder, after the endpoint's own parameters.
 */
import type { ExampleRequest } from '../../api/runtime/request.ts';
import type { KeyPlacement } from '../../api/runtime/index.ts';

export interface RenderOptions {
  /** The environment variable the key is read from, e.g. `HUECHAT_API_KEY`. */
  envVar: string;
  /** The SDK's package name, e.g. `@huechat/sdk`. */
  sdkPackage: string;
  /** The SDK's default scheme; its snippet names `authScheme` only for the others. */
  primaryScheme: string;
  /** One sentence saying where the request goes, written as a comment at the top. */
  target: string;
  /** The real key, when the reader explicitly asked to see it in the code. */
  revealKey?: string | undefined;
}

export interface SnippetProgram {
  method: string;
  /** The full URL, query string included. */
  url: string;
  auth: KeyPlacement | null;
  headers: Array<[string, string]>;
  /** The JSON body; `undefined` when the request has none. */
  body?: unknown;
  hasBody: boolean;
  /** Where the key comes from. */
  key: { envVar: string; literal?: string };
  /** The comment lines at the top of the program. */
  comment: string[];
  sdk: ExampleRequest['sdk'] & { baseUrl: string; authScheme?: string };
  sdkPackage: string;
}

/**
 * For a key sent as a query parameter: the URL up to where the encoded key goes, e.g.
 * `https://…/forecast?city=Oslo&api_key=`; `null` when the key goes in a header or is not sent.
 */
export function keyUrlPrefix(program: Pick<SnippetProgram, 'url' | 'auth'>): string | null {
  if (program.auth?.in !== 'query') return null;
  return `${program.url}${program.url.includes('?') ? '&' : '?'}${program.auth.param}=`;
}

/** The comment line that says the key travels in the URL, and why a header is better. */
export const QUERY_KEY_WARNING = 'This API takes the key in the URL: URLs end up in server logs and shell history, so keep them private.';

/** The message a program prints when the key's environment variable is not set. */
export const missingKeyMessage = (envVar: string) => `Set ${envVar} to your API key first, e.g. export ${envVar}=...`;

/** Where a query string starts and how its pairs are joined: the same encoding the browser uses. */
function withQuery(url: string, query: Array<[string, string]>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${url}?${search}` : url;
}

export function toProgram(request: ExampleRequest, options: RenderOptions): SnippetProgram {
  const comment = [options.target];
  if (request.auth?.in === 'query') comment.push(QUERY_KEY_WARNING);
  if (options.revealKey) comment.push('This code contains your real key: keep it out of version control and shared places.');
  return {
    method: request.method,
    url: withQuery(request.url, request.query),
    auth: request.auth,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    hasBody: request.body !== undefined,
    key: { envVar: options.envVar, ...(options.revealKey ? { literal: options.revealKey } : {}) },
    comment,
    sdk: {
      ...request.sdk,
      baseUrl: request.baseUrl,
      ...(request.auth && request.auth.scheme !== options.primaryScheme ? { authScheme: request.auth.scheme } : {}),
    },
    sdkPackage: options.sdkPackage,
  };
}
