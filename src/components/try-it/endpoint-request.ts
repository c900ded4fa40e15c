/**
 * The link behind a reference section's "Try it": the console's own request link (`#try-it=…`)
 * holding the endpoint with its sample id and example body, exactly what the console would
 * start from. Being a plain link, it means something before the console's script runs (and
 * when the console hydrates later, it reads the request from the hash).
 */
import type { ApiModel } from '../../api/model.ts';
import { defaultScheme, keyPlacement } from '../../api/runtime/index.ts';
import type { Endpoint } from '../../api/schema/endpoints.ts';
import { endpointInfo } from '../widgets/widget-data.ts';
import { defaultDraft } from './console-send.ts';
import { requestHash } from './request-draft.ts';

/** `#try-it=…` with the endpoint's example request, sent with the model's default auth scheme. */
export function endpointRequestHash(model: ApiModel, endpoint: Endpoint): string {
  const draft = defaultDraft(endpointInfo(model, endpoint), keyPlacement(defaultScheme(model.auth.schemes)).scheme);
  return requestHash(draft, { example: true });
}
