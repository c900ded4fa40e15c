/**
 * The examples fit every preset (they are written from the model), and for the preset this
 * checkout built, they type-check against the SDK's built declarations with the editor's settings.
 */
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { loadModel, presetName } from '../../../../src/api/index.ts';
import { presets } from '../../../../src/api/presets/index.ts';
import { COMPILER_OPTIONS, environmentDeclarations } from '../../../../src/components/playground/editor-config.ts';
import { gallery } from '../../../../src/components/playground/gallery.ts';
import { sampleProgram } from '../../../../src/components/playground/sample-program.ts';

const DTS = new URL('../../../../sdk-dist/keyport-sdk.d.ts', import.meta.url);

describe.each(Object.keys(presets))('the gallery for the %s preset', (name) => {
  const model = loadModel(name);
  const examples = gallery(model);

  test('has every example, each calling only what the API has', () => {
    expect(examples.map((e) => e.id)).toEqual([
      'first-request',
      'typed-errors',
      'retry-after',
      'rotation',
      'paginate-and-create',
      'webhooks',
    ]);
    const resources = new Set(model.endpoints.map((e) => e.id.split('.')[0]));
    for (const example of examples) {
      expect(example.code).toContain(`from '${model.product.sdkPackage}'`);
      for (const [, resource] of example.code.matchAll(/\bclient\.(\w+)\.\w+\(/g)) expect(resources).toContain(resource);
      expect(example.expect.length).toBeGreaterThan(1);
    }
  });

  test('provokes a 401, a 403 and a 429', () => {
    const errors = examples.find((e) => e.id === 'typed-errors')!;
    expect(errors.expect).toEqual(
      expect.arrayContaining([expect.stringMatching(/^401/), expect.stringMatching(/^403/), expect.stringMatching(/^429/)]),
    );
  });
});

function typeErrors(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    ...COMPILER_OPTIONS,
    lib: [...COMPILER_OPTIONS.lib],
    moduleDetection: ts.ModuleDetectionKind.Force,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => files[file] ?? read(file);
  host.fileExists = (file) => file in files || ts.sys.fileExists(file);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) =>
    file in files ? ts.createSourceFile(file, files[file]!, language) : getSourceFile(file, language);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

// `npm run test:unit` builds the SDK for this preset first (pretest:unit), so sdk-dist/ matches.
const built = existsSync(DTS) ? readFileSync(DTS, 'utf8') : '';
const current = loadModel();

describe(`with the built SDK (${presetName()} preset)`, () => {
  test('sdk-dist/ holds this preset’s declarations (run `npm run build:sdk`)', () => {
    expect(built).toContain(`declare module '${current.product.sdkPackage}'`);
  });

  const model = current;
  const libs = { '/sdk.d.ts': built, '/env.d.ts': environmentDeclarations(model.product.envVar) };

  test.each(gallery(model).map((e) => [e.id, e.code]))('the %s example type-checks', (_, code) => {
    expect(typeErrors({ ...libs, '/playground.ts': code })).toEqual([]);
  });

  test('a bad option and a wrong narrowing are type errors', () => {
    const code = `import { createClient, isPermissionError } from '${model.product.sdkPackage}';
const client = createClient({ apiKey: process.env.${model.product.envVar}, retries: 3 });
try { await client.whoami.get(); } catch (error) { if (isPermissionError(error)) console.log(error.retryAfter); }`;
    const errors = typeErrors({ ...libs, '/playground.ts': code });
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/'retries' does not exist in type 'ClientOptions'/);
    expect(errors.join('\n')).toMatch(/Property 'retryAfter' does not exist on type 'PermissionError'/);
  });

  test('docs samples become programs: the SDK imports they use and a client', () => {
    const program = sampleProgram(
      { code: `try {\n  await client.whoami.get();\n} catch (error) {\n  if (isRateLimitError(error)) console.log(error.retryAfter);\n}` },
      model.product.sdkPackage,
      model.product.envVar,
    );
    expect(program).toBe(
      `import { createClient, isRateLimitError } from '${model.product.sdkPackage}';\n\nconst client = createClient({ apiKey: process.env.${model.product.envVar} });\n\ntry {\n  await client.whoami.get();\n} catch (error) {\n  if (isRateLimitError(error)) console.log(error.retryAfter);\n}\n`,
    );
    expect(typeErrors({ ...libs, '/playground.ts': program })).toEqual([]);
  });
});
