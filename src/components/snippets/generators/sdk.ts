/**
 * The product's SDK in Node.js 22+ (an ES module). The client is given the key, the base URL
 * the snippet targets and, when it is not the default, the auth scheme; an API error prints
 * its status, code and body instead of a stack trace.
 */
import { literal } from '../literal.ts';
import type { SnippetProgram } from '../program.ts';
import { jsKeyLines, jsString, jsSyntax } from './node.ts';

export function sdk(program: SnippetProgram): string {
  const call = program.sdk;
  const args = [...call.params.map(jsString), ...(call.args === undefined ? [] : [literal(call.args, jsSyntax, 1)])];
  const options = [
    'apiKey',
    `baseUrl: ${jsString(call.baseUrl)}`,
    call.authScheme ? `authScheme: ${jsString(call.authScheme)}` : null,
  ].filter(Boolean);
  const lines = [
    ...program.comment.map((line) => `// ${line}`),
    ...(program.auth ? [] : ['// The SDK always sends a key, so this request is sent with one.']),
    '// Node.js 22 or later: save as request.mjs, then run `node request.mjs`.',
    `import { createClient, isApiError } from ${jsString(program.sdkPackage)};`,
    '',
    ...jsKeyLines(program.key),
    `const client = createClient({ ${options.join(', ')} });`,
    '',
    'try {',
    `  const result = await client.${call.resource}.${call.method}(${args.join(', ')});`,
    "  console.log(JSON.stringify(result, null, 2) ?? 'Done: no content.');",
    '} catch (error) {',
    '  if (!isApiError(error)) throw error;',
    '  console.error(error.status, error.code, error.message);',
    '  console.error(error.body);',
    '  process.exitCode = 1;',
    '}',
  ];
  return lines.join('\n');
}
