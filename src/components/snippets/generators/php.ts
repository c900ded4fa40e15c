/**
 * PHP 7.3+ with the curl extension. The body is an array literal given to `json_encode`
 * (objects that PHP would otherwise encode as lists are written as `(object)` casts).
 */
import { backslashQuoted, hex, isVisible, literal, type LiteralSyntax } from '../literal.ts';
import { keyUrlPrefix, missingKeyMessage, type SnippetProgram } from '../program.ts';

/** Single quotes where every character can stand as itself (nothing is interpolated there), double quotes with escapes otherwise. */
export function phpString(text: string): string {
  if ([...text].every(isVisible)) return `'${text.replace(/[\\']/g, '\\$&')}'`;
  return backslashQuoted(text, '"', { escaped: '$', unicode: (_, code) => `\\u{${hex(code, 4)}}` });
}

/** PHP arrays whose keys are 0, 1, … n-1 encode as JSON lists, and `[]` as `[]`. */
const listLike = (keys: string[]) => keys.every((key, i) => key === String(i));

const syntax: LiteralSyntax = {
  string: phpString,
  true: 'true',
  false: 'false',
  null: 'null',
  array: ['[', ']'],
  object: (keys) => (listLike(keys) ? ['(object) [', ']'] : ['[', ']']),
  emptyObject: 'new stdClass()',
  entry: (key, value) => `${phpString(key)} => ${value}`,
  indent: '    ',
};

export function php(program: SnippetProgram): string {
  const { auth, key, hasBody } = program;
  const lines = ['<?php', ...program.comment.map((line) => `// ${line}`), '// Save as request.php, then run `php request.php`.', ''];
  if (auth && key.literal) lines.push(`$apiKey = ${phpString(key.literal)};`, '');
  if (auth && !key.literal) {
    lines.push(
      `$apiKey = getenv(${phpString(key.envVar)});`,
      "if ($apiKey === false || $apiKey === '') {",
      `    fwrite(STDERR, ${phpString(`${missingKeyMessage(key.envVar)}\n`)});`,
      '    exit(1);',
      '}',
      '',
    );
  }
  if (hasBody)
    lines.push(
      `$body = json_encode(${literal(program.body, syntax, 0)}, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);`,
      '',
    );
  const headers = [
    ...(auth?.in === 'header' ? [`${phpString(`${auth.header}: ${auth.prefix}`)} . $apiKey`] : []),
    ...program.headers.map(([name, value]) => phpString(`${name}: ${value}`)),
  ];
  const prefix = keyUrlPrefix(program);
  const url = prefix === null ? phpString(program.url) : `${phpString(prefix)} . rawurlencode($apiKey)`;
  lines.push(`$curl = curl_init(${url});`, 'curl_setopt_array($curl, [', '    CURLOPT_RETURNTRANSFER => true,');
  if (program.method !== 'GET') lines.push(`    CURLOPT_CUSTOMREQUEST => ${phpString(program.method)},`);
  if (headers.length) lines.push('    CURLOPT_HTTPHEADER => [', ...headers.map((h) => `        ${h},`), '    ],');
  if (hasBody) lines.push('    CURLOPT_POSTFIELDS => $body,');
  lines.push(
    ']);',
    '$response = curl_exec($curl);',
    'if ($response === false) {',
    '    fwrite(STDERR, curl_error($curl) . "\\n");',
    '    exit(1);',
    '}',
    'echo curl_getinfo($curl, CURLINFO_RESPONSE_CODE), "\\n";',
    'echo $response, "\\n";',
  );
  return lines.join('\n');
}
