import { expect, test } from 'vitest';
import { fullAccessScope, loadModel, missingScopes } from '../../../../src/api/index.ts';
import { presets } from '../../../../src/api/presets/index.ts';
import { KEY_PLACEHOLDER, withKey } from '../../../../src/components/widgets/key-placeholder.ts';
import { defaultAccess, firstRequestInfo, templatesNarrowestFirst } from '../../../../src/components/widgets/widget-data.ts';

/** Endpoints other than GET that a key with these scopes may call. */
function writes(name: string, scopes: string[]): number {
  const model = loadModel(name);
  return model.endpoints.filter((e) => e.method !== 'GET' && missingScopes(e, scopes, fullAccessScope(model).id).length === 0).length;
}

test.each(Object.keys(presets))('%s: templates come narrowest first, and a new key defaults to the narrowest', (name) => {
  const model = loadModel(name);
  const ordered = templatesNarrowestFirst(model);
  expect(ordered.map((t) => t.id).sort()).toEqual(model.keyTemplates.map((t) => t.id).sort());
  const counts = ordered.map((t) => writes(name, t.scopes));
  expect(counts).toEqual([...counts].sort((a, b) => a - b));

  const access = defaultAccess(model);
  if (model.access.mode === 'account-role') expect(access.kind).toBe('role');
  else if (ordered[0]) expect(access).toEqual({ kind: 'template', id: ordered[0].id, label: ordered[0].name });
  else expect(access.kind).toBe('scopes');
});

test('HueChat: the read-only template, which changes nothing, comes first', () => {
  expect(defaultAccess(loadModel('huechat'))).toEqual({ kind: 'template', id: 'read-only-analytics', label: 'Read-only analytics' });
});

test('the first request is who-am-I, and its curl takes the key only where the marker is', () => {
  const info = firstRequestInfo(loadModel('huechat'));
  expect(info.endpoint.id).toBe('whoami.get');
  expect(info.curl.test.split(KEY_PLACEHOLDER)).toHaveLength(2);
  const curl = withKey(info.curl.test, 'sk_test_abc');
  expect(curl).toContain("curl --include 'http://127.0.0.1:8787/v2/me'");
  expect(curl).toContain("--header 'X-API-Key: sk_test_abc'");
  expect(withKey(info.curl.live, 'sk_live_abc')).toContain("'http://127.0.0.1:8787/live/v2/me'");
});
