import { describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/api/model.ts';
import { presets } from '../../../src/api/presets/index.ts';
import type { PresetInput } from '../../../src/api/schema/index.ts';

const huechat = presets['huechat']!;

/** A copy of HueChat with one change, to see the message a broken config gets. */
function broken(change: (preset: PresetInput) => void): () => void {
  const preset = { ...huechat, endpoints: [...huechat.endpoints], errors: [...huechat.errors], scopes: [...huechat.scopes] };
  change(preset);
  return () => buildModel(preset, 'preset "broken"');
}

describe('a broken preset is refused with a message that says how to fix it', () => {
  test('an endpoint requiring an undefined scope', () => {
    expect(
      broken((p) => {
        p.endpoints[2] = { ...p.endpoints[2]!, scopes: ['contacts:wirte'] };
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - endpoints.2.scopes: endpoint \`POST /contacts\` requires scope \`contacts:wirte\`, which is not defined in \`scopes\`. Add it there or fix the spelling.]
    `);
  });

  test('an error the sandbox raises is not described', () => {
    expect(
      broken((p) => {
        p.errors = p.errors.filter((e) => e.id !== 'revoked_api_key');
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - errors: The sandbox raises \`revoked_api_key\`, but \`errors\` does not describe it. Add an entry with its status, message, cause and fix.]
    `);
  });

  test('live and test keys share a prefix', () => {
    expect(
      broken((p) => {
        p.environments = [p.environments[0]!, { ...p.environments[1]!, keyPrefix: p.environments[0]!.keyPrefix }];
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - environments: Live and test keys need different prefixes, or a key could not say which environment it belongs to.]
    `);
  });

  test('too little randomness in keys', () => {
    expect(
      broken((p) => {
        p.keyFormat = { ...p.keyFormat, randomLength: 16 };
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - keyFormat.randomLength: Use at least 27 random characters (≈160 bits) in \`keyFormat.randomLength\`.]
    `);
  });

  test('two scopes that grant everything', () => {
    expect(
      broken((p) => {
        p.scopes = [...p.scopes, { id: 'root', description: 'Everything', group: 'Admin', grantsAll: true }];
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - scopes: Mark exactly one scope with \`grantsAll: true\` (the full-access scope); found 2.]
    `);
  });

  test('a key template naming an unknown scope, and an unknown field', () => {
    expect(
      broken((p) => {
        p.keyTemplates = [{ id: 'ops', name: 'Ops', description: 'For ops', scopes: ['ops:all'] }];
        (p as Record<string, unknown>)['colour'] = 'blue';
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - (root): unknown setting \`colour\`: check the spelling, or remove it.
      - keyTemplates.0.scopes: key template \`Ops\` requires scope \`ops:all\`, which is not defined in \`scopes\`. Add it there or fix the spelling.]
    `);
  });

  test('an error that can never happen because its feature is off', () => {
    expect(
      broken((p) => {
        p.keyPolicy = { ...p.keyPolicy, ipAllowlist: false };
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - errors: \`errors\` describes \`ip_not_allowed\`, but \`keyPolicy.ipAllowlist\` is false, so it can never happen. Remove the entry or turn the setting on.]
    `);
  });

  test('an error about missing scopes where keys are full-access only', () => {
    expect(
      broken((p) => {
        p.scopes = p.scopes.filter((scope) => scope.grantsAll);
        p.endpoints = p.endpoints.map((endpoint) => ({ ...endpoint, scopes: [] }));
        p.keyTemplates = [];
        p.management = { ...p.management, scopes: [] };
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PresetConfigError: The Keyport preset "broken" is not valid:
      - errors: \`errors\` describes \`insufficient_scope\`, but \`scopes\` holds only the full-access scope, so it can never happen. Remove the entry or add the scopes endpoints require.]
    `);
  });
});
