/**
 * Go 1.18+ with net/http: a whole `package main`. The body is a `map[string]any` literal given
 * to encoding/json; imports are only those the program uses (Go refuses unused ones).
 */
import { backslashQuoted, hex, literal, type LiteralSyntax } from '../literal.ts';
import { keyUrlPrefix, missingKeyMessage, type SnippetProgram } from '../program.ts';

export function goString(text: string): string {
  return backslashQuoted(text, '"', {
    unicode: (_, code) => (code < 0x80 ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`),
  });
}

const syntax: LiteralSyntax = {
  string: goString,
  // A whole number beyond int64 must be a float constant, or `any` cannot hold it.
  number: (n) => (Number.isInteger(n) && !Number.isSafeInteger(n) && !/e/i.test(String(n)) ? `${n}.0` : String(n)),
  true: 'true',
  false: 'false',
  null: 'nil',
  array: ['[]any{', '}'],
  object: () => ['map[string]any{', '}'],
  emptyObject: 'map[string]any{}',
  entry: (key, value) => `${goString(key)}: ${value}`,
  indent: '\t',
};

const fail = (what: string) => [`\tif err != nil {`, `\t\tfmt.Fprintln(os.Stderr, ${what})`, '\t\tos.Exit(1)', '\t}'];

export function go(program: SnippetProgram): string {
  const { auth, key, hasBody } = program;
  const prefix = keyUrlPrefix(program);
  const imports = [...(hasBody ? ['bytes', 'encoding/json'] : []), 'fmt', 'io', 'net/http', ...(prefix === null ? [] : ['net/url']), 'os'];
  const url = prefix === null ? goString(program.url) : `${goString(prefix)}+url.QueryEscape(apiKey)`;
  const lines = [
    ...program.comment.map((line) => `// ${line}`),
    '// Save as main.go, then run `go run main.go`.',
    'package main',
    '',
    'import (',
    ...imports.map((name) => `\t"${name}"`),
    ')',
    '',
    'func main() {',
  ];
  if (auth && key.literal) lines.push(`\tapiKey := ${goString(key.literal)}`, '');
  if (auth && !key.literal) {
    lines.push(
      `\tapiKey := os.Getenv(${goString(key.envVar)})`,
      '\tif apiKey == "" {',
      `\t\tfmt.Fprintln(os.Stderr, ${goString(missingKeyMessage(key.envVar))})`,
      '\t\tos.Exit(1)',
      '\t}',
      '',
    );
  }
  if (hasBody) {
    lines.push(`\tpayload, err := json.Marshal(${literal(program.body, syntax, 1)})`, ...fail('err'), '');
    lines.push(`\treq, err := http.NewRequest(${goString(program.method)}, ${url}, bytes.NewReader(payload))`);
  } else {
    lines.push(`\treq, err := http.NewRequest(${goString(program.method)}, ${url}, nil)`);
  }
  lines.push(...fail('err'));
  if (auth?.in === 'header')
    lines.push(`\treq.Header.Set(${goString(auth.header)}, ${auth.prefix ? `${goString(auth.prefix)}+apiKey` : 'apiKey'})`);
  for (const [name, value] of program.headers) lines.push(`\treq.Header.Set(${goString(name)}, ${goString(value)})`);
  lines.push('', '\tres, err := http.DefaultClient.Do(req)', ...fail('err'), '\tdefer res.Body.Close()', '');
  lines.push('\tbody, err := io.ReadAll(res.Body)', ...fail('err'), '\tfmt.Println(res.Status)', '\tfmt.Println(string(body))', '}');
  return lines.join('\n');
}
