/**
 * Responses an imported document describes, answered as documented: the `example` action (the
 * documented success), and `Prefer: code=NNN`, which asks for any documented status as Prism
 * lets readers do, so every response in the reference can be reproduced.
 *
 * Only endpoints that carry `responses` (those imported from an OpenAPI document) read `Prefer`;
 * a preset's sandbox is stateful end to end and ignores it.
 */
import { errorBody, exampleParams } from '../src/api/error-body.ts';
import type { ApiModel } from '../src/api/model.ts';
import type { DocumentedResponse, Endpoint } from '../src/api/schema/endpoints.ts';
import { invalid, type ActionResult } from './action-result.ts';

/** The documented success response's body, for the `example` action. */
export function documentedSuccess(endpoint: Endpoint): ActionResult {
  const documented = endpoint.responses?.find((r) => r.status === endpoint.successStatus);
  return { status: endpoint.successStatus, body: documented?.example ?? null };
}

/** The status asked for with `Prefer: code=NNN`, or undefined when the header asks for none. */
export function preferredCode(headers: Headers): string | undefined {
  const prefer = headers.get('Prefer');
  if (!prefer) return undefined;
  for (const preference of prefer.split(/[,;]/)) {
    const match = /^\s*code\s*=\s*"?([^"\s]*)"?\s*$/i.exec(preference);
    if (match) return match[1];
  }
  return undefined;
}

/** The body of a documented error status: the catalogue's error of that status, so it has the API's error format. */
function errorOfStatus(model: ApiModel, documented: DocumentedResponse): unknown {
  const error = model.errors.find((e) => e.status === documented.status);
  return error ? errorBody(model, error.id, exampleParams(model)) : documented.example;
}

/**
 * The answer `Prefer: code=NNN` asks for, or undefined when it does not apply (no header, a preset's
 * endpoint, or the success status of an operation the sandbox runs). An undocumented code is a 422
 * that lists the documented ones.
 */
export function preferredResponse(model: ApiModel, endpoint: Endpoint, headers: Headers): ActionResult | undefined {
  const responses = endpoint.responses;
  const code = responses && preferredCode(headers);
  if (!responses || code === undefined) return undefined;
  const documented = responses.find((r) => String(r.status) === code);
  if (!documented) {
    const codes = responses.map((r) => r.status).join(', ');
    return invalid(
      'Prefer',
      `code=${code} is not a documented response of \`${endpoint.method} ${endpoint.path}\`; ask for one of ${codes}.`,
    );
  }
  // The success of a stateful operation (a collection's, a key's) is what running it answers.
  if (documented.status === endpoint.successStatus && endpoint.action.type !== 'example') return undefined;
  const body = documented.status >= 400 ? errorOfStatus(model, documented) : documented.example;
  return { status: documented.status, body: body ?? null };
}
