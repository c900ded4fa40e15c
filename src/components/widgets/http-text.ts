/** HTTP as the widgets show it: status lines, bodies as text, header look-ups. */

const PHRASES: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** `401` → "401 Unauthorized"; the bare number for a status without a phrase here. */
export const statusLine = (status: number): string => `${status} ${PHRASES[status] ?? ''}`.trim();

/** A body as received: parsed JSON, else the text itself; `undefined` when empty. */
export function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A body for reading: JSON indented, text as it is, "(no body)" when there was none. */
export function prettyBody(body: unknown): string {
  if (body === undefined) return '(no body)';
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}

/** A header's value by name, case-insensitively; `null` when absent. */
export const headerValue = (headers: Array<[string, string]>, name: string): string | null =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ?? null;
