import { describe, expect, test } from 'vitest';
import { fullAccessScope, loadModel, missingScopes as modelMissing, scopesFor as modelScopesFor } from '../../../../src/api/index.ts';
import { presets } from '../../../../src/api/presets/index.ts';
import { missingScopes, scopesFor } from '../../../../src/components/labs/scope-rules.ts';

describe.each(Object.keys(presets))('the scope advisor’s rules agree with the model (%s)', (name) => {
  const model = loadModel(name);
  const full = fullAccessScope(model).id;

  test('scopesFor: every pair of endpoints', () => {
    for (const a of model.endpoints) for (const b of model.endpoints) expect(scopesFor([a, b])).toEqual(modelScopesFor([a, b]));
  });

  test('missingScopes: every endpoint against each single scope, none, and full access', () => {
    const grants = [[], [full], ...model.scopes.map((s) => [s.id])];
    for (const endpoint of model.endpoints) {
      for (const granted of grants) expect(missingScopes(endpoint, granted, full)).toEqual(modelMissing(model, endpoint, granted));
    }
  });
});
