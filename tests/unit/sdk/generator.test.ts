import { describe, expect, test } from 'vitest';
import { generateSdk } from '../../../scripts/generate-sdk.ts';
import { loadModel } from '../../../src/api/index.ts';
import { presets } from '../../../src/api/presets/index.ts';

describe.each(Object.keys(presets))('the SDK generated for %s', (name) => {
  const model = loadModel(name);
  const { files } = generateSdk(model, `preset "${name}"`);
  const resources = Object.entries(files).filter(([path]) => path.startsWith('resources/') && path !== 'resources/index.ts');

  test('has one method per endpoint, with its method and path from the model', () => {
    const routes = resources.flatMap(([, source]) =>
      [...source.matchAll(/^ {4}(\w+): '(\w+) ([^ ']+)/gm)].map((m) => `${m[2]} ${m[3]} ${m[1]}`),
    );
    for (const endpoint of model.endpoints) {
      expect(routes, endpoint.id).toContain(`${endpoint.method} ${endpoint.path} ${endpoint.id.split('.')[1]}`);
    }
  });

  test('gives every list with a cursor an iterator', () => {
    const iterators = resources.filter(([, source]) => source.includes(" *',")).length;
    const lists = new Set(model.endpoints.filter((e) => e.query && e.action.type !== 'get').map((e) => e.id.split('.')[0]));
    expect(iterators).toBe(lists.size);
  });

  test('writes the run-time data as plain constants, without zod or the model', () => {
    for (const [path, source] of Object.entries(files)) {
      expect(source, path).not.toMatch(/from ['"](zod|.*src\/api)/);
    }
    expect(files['preset.ts']).toContain(`envVar: '${model.product.envVar}'`);
    for (const env of model.environments) expect(files['preset.ts']).toContain(`keyPrefix: '${env.keyPrefix}'`);
    for (const error of model.errors) expect(files['preset.ts']).toContain(`id: '${error.id}', status: ${error.status}`);
  });

  test('names the types of key management as the docs do', () => {
    for (const type of ['ApiKey', 'CreatedApiKey', 'RolledApiKey', 'WhoAmI', 'Usage', 'AuditEvent', 'ListParams', 'ApiKeyCreateParams']) {
      expect(files['types.ts']).toContain(`export interface ${type} {`);
    }
    for (const collection of model.collections) expect(files['types.ts']).toContain(`export interface ${collection.name} {`);
  });
});

test('nested copies of a named type print as a reference to it', () => {
  const { files } = generateSdk(loadModel('huechat'), 'preset "huechat"');
  expect(files['types.ts']).toMatch(/export interface RolledApiKey \{\n {2}key: CreatedApiKey;\n {2}previous: ApiKey;\n\}/);
});
