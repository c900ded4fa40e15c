import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { prepareProgram } from '../../../../src/components/playground/program.ts';
import { SDK_PLACEHOLDER } from '../../../../src/components/playground/protocol.ts';
import { isSandboxUrl } from '../../../../src/components/playground/runner.ts';
import { decodeMappings } from '../../../../src/components/playground/source-map.ts';

describe('preparing compiled code', () => {
  test('points the SDK import at the bundle and refuses other packages', () => {
    const { code, unknownImports } = prepareProgram(
      `import { createClient } from '@huechat/sdk';\nimport lodash from "lodash";\nexport * from '@huechat/sdk';\nconst m = await import('node:fs');\n//# sourceMappingURL=playground.js.map`,
      '@huechat/sdk',
    );
    expect(code).toContain(`import { createClient } from '${SDK_PLACEHOLDER}';`);
    expect(code).toContain(`export * from '${SDK_PLACEHOLDER}';`);
    expect(code).not.toContain('sourceMappingURL');
    expect(unknownImports).toEqual(['lodash', 'node:fs']);
  });

  test('reads no import in strings, comments or names that contain the word', () => {
    const source = `console.log('Starting the import', 'now');\n// import 'left-pad'\nconst important = "export * from 'x'";\nconst reimport = 1;\n`;
    expect(prepareProgram(source, '@huechat/sdk')).toEqual({ code: source, unknownImports: [] });
  });
});

describe('source maps', () => {
  test('lead a position in the compiled code back to the line the reader wrote', () => {
    const source = `interface Order {\n  id: string;\n}\n\nconst order: Order = { id: 'o_1' };\nthrow new Error(order.id);\n`;
    const output = ts.transpileModule(source, {
      compilerOptions: { sourceMap: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    });
    const lines = decodeMappings((JSON.parse(output.sourceMapText!) as { mappings: string }).mappings);
    const compiled = output.outputText.split('\n');
    const at = compiled.findIndex((line) => line.includes('throw new Error'));
    expect(at).toBeLessThan(5); // the interface is gone: lines moved
    const column = compiled[at]!.indexOf('new Error');
    const segment = [...lines[at]!].reverse().find(([generated]) => generated <= column)!;
    expect([segment[1] + 1, segment[2] + 1]).toEqual([6, 7]);
  });
});

describe('what the sandbox may reach', () => {
  const bases = ['https://api.huechat.ai/v2', 'https://sandbox.huechat.ai/v2'];
  test.each([
    ['https://sandbox.huechat.ai/v2/me', true],
    ['https://sandbox.huechat.ai/v2', true],
    ['https://sandbox.huechat.ai/v2?x=1', true],
    ['https://api.huechat.ai/v2/contacts', true],
    ['https://sandbox.huechat.ai/v2/../admin', false],
    ['https://sandbox.huechat.ai/v20/me', false],
    ['https://sandbox.huechat.ai.evil.example/v2/me', false],
    ['https://user:pw@sandbox.huechat.ai/v2/me', false],
    ['http://sandbox.huechat.ai/v2/me', false],
    ['http://127.0.0.1:4321/playground/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isSandboxUrl(url, bases)).toBe(allowed);
  });
});
