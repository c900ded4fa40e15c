/**
 * Node.js 18+ with the built-in `fetch`, as an ES module (top-level await). The body is a
 * JavaScript object literal given to `JSON.stringify`.
 */
import { backslashQuoted, hex, literal, type LiteralSyntax } from '../literal.ts';
import { keyUrlPrefix, missingKeyMessage, type SnippetProgram } from '../program.ts';

export function jsString(text: string): string {
  return backslashQuoted(text, "'", { unicode: (_, code) => (code > 0xffff ? `\\u{${hex(code, 1)}}` : `\\u${hex(code, 4)}`) });
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export const jsSyntax: LiteralSyntax = {
  string: jsString,
  true: 'true',
  false: 'false',
  null: 'null',
  array: ['[', ']'],
  object: () => ['{', '}'],
  emptyObject: '{}',
  // `__proto__: x` would set the prototype instead of adding the key that JSON has.
  entry: (key, value) => `${key === '__proto__' ? `['__proto__']` : IDENTIFIER.test(key) ? key : jsString(key)}: ${value}`,
  indent: '  ',
};

/** The lines that put the key in `apiKey`. */
export function jsKeyLines(key: SnippetProgram['key']): string[] {
  if (key.literal) return [`const apiKey = ${jsString(key.literal)};`, ''];
  return [
    `const apiKey = process.env.${key.envVar};`,
    'if (!apiKey) {',
    `  console.error(${jsString(missingKeyMessage(key.envVar))});`,
    '  process.exit(1);',
    '}',
    '',
  ];
}

export function node(program: SnippetProgram): string {
  const { auth } = program;
  const headers = [
    ...(auth?.in === 'header' ? [`${jsString(auth.header)}: ${auth.prefix ? `${jsString(auth.prefix)} + apiKey` : 'apiKey'}`] : []),
    ...program.headers.map(([name, value]) => `${jsString(name)}: ${jsString(value)}`),
  ];
  const options = [`  method: ${jsString(program.method)},`];
  if (headers.length) options.push('  headers: {', ...headers.map((h) => `    ${h},`), '  },');
  if (program.hasBody) options.push(`  body: JSON.stringify(${literal(program.body, jsSyntax, 1)}),`);
  const prefix = keyUrlPrefix(program);
  const url = prefix === null ? jsString(program.url) : `${jsString(prefix)} + encodeURIComponent(apiKey)`;
  return [
    ...program.comment.map((line) => `// ${line}`),
    '// Node.js 18 or later: save as request.mjs, then run `node request.mjs`.',
    '',
    ...(program.auth ? jsKeyLines(program.key) : []),
    `const response = await fetch(${url}, {`,
    ...options,
    '});',
    'console.log(response.status, response.statusText);',
    'console.log(await response.text());',
  ].join('\n');
}
