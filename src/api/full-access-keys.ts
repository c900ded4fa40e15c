/**
 * What the docs and the key manager say about keys of an API that is full-access only (see
 * `fullAccessOnly`): every key may call every endpoint, and the ways this API's key policy
 * offers to limit what a leaked key can do, only those it really has.
 */
import type { ApiModel } from './model.ts';
import { fullAccessOnly } from './runtime/scopes.ts';

export interface FullAccessOnlyNote {
  /** Keys are full-access only, in one or two sentences. */
  summary: string;
  /** Ways to limit the damage a leaked key can do, one sentence each. */
  limits: string[];
}

/** The note for a full-access-only API, or `null` when keys have scopes to choose from. */
export function fullAccessOnlyNote(model: Pick<ApiModel, 'scopes' | 'product' | 'environments' | 'keyPolicy'>): FullAccessOnlyNote | null {
  if (!fullAccessOnly(model)) return null;
  const test = model.environments.find((environment) => environment.id === 'test')!;
  const policy = model.keyPolicy;
  const limits = [
    'Create a separate key for each system that calls the API, so one can be revoked without stopping the others.',
    `Build and test with test keys (\`${test.keyPrefix}…\`): they work only in the ${test.name} environment${test.realEffects ? '' : ', where nothing real happens'}.`,
    policy.ipAllowlist ? 'Lock each live key to the IP addresses of the servers that use it.' : null,
    policy.expiryDays.some((days) => days !== null)
      ? 'Give a key that is needed only for a while an expiry date when you create it.'
      : null,
    `Rotate keys every ${policy.rotateEveryDays} days, and revoke a key at once if it may have leaked.`,
  ].filter((limit) => limit !== null);
  return {
    summary: `Every ${model.product.name} key has full access: it may call every endpoint of the API. There are no scopes to choose, so a key cannot be limited to some endpoints.`,
    limits,
  };
}
