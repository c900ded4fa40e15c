import { describe, expect, test } from 'vitest';
import { buildModel, loadModel } from '../../../src/api/index.ts';
import { presets } from '../../../src/api/presets/index.ts';

describe('every preset', () => {
  test.each(Object.keys(presets))('%s validates against the schema', (name) => {
    expect(() => buildModel(presets[name]!, name)).not.toThrow();
  });

  test.each(Object.keys(presets))('%s has "who am I" and every key-management endpoint', (name) => {
    const ids = loadModel(name).endpoints.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'whoami.get',
        'keys.list',
        'keys.create',
        'keys.get',
        'keys.update',
        'keys.roll',
        'keys.revoke',
        'keys.usage',
        'keys.events',
      ]),
    );
  });
});

test('an unknown preset name says which presets exist', () => {
  expect(() => loadModel('nope')).toThrowErrorMatchingInlineSnapshot(
    `[Error: Unknown KEYPORT_PRESET "nope". Choose one of: huechat, chatbot-platform, aloochat, chameleon.]`,
  );
});

test('huechat accepts X-API-Key and Bearer, primary first', () => {
  expect(loadModel('huechat').auth.schemes).toEqual([{ type: 'header', name: 'X-API-Key' }, { type: 'bearer' }]);
});
