import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { declarations, MODULE_NAME } from '../../../scripts/build-sdk.ts';

test('the declaration bundle type-checks a playground program on its own', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyport-dts-'));
  writeFileSync(join(dir, 'keyport-sdk.d.ts'), declarations());
  writeFileSync(
    join(dir, 'program.ts'),
    `import { createClient, isAuthenticationError, verifyWebhook, type ApiKey } from '${MODULE_NAME}';
const client = createClient({ apiKey: 'key' });
export async function main(): Promise<ApiKey | undefined> {
  try {
    const me = await client.whoami.get();
    console.log(me.scopes.join(', '));
  } catch (error) {
    if (isAuthenticationError(error)) console.error(error.reason);
  }
  await verifyWebhook({ payload: '{}', headers: {}, secret: 's' });
  for await (const key of client.keys.iterate()) return key;
  return undefined;
}
// @ts-expect-error not exported
import { createCall } from '${MODULE_NAME}';
`,
  );
  const program = ts.createProgram([join(dir, 'keyport-sdk.d.ts'), join(dir, 'program.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.asynciterable.d.ts'],
    types: [],
    skipLibCheck: false,
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(problems).toEqual([]);
});
