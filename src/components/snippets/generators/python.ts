/** Python 3 with requests. The body is a dict literal that requests serialises (`json=`). */
import { backslashQuoted, hex, literal, type LiteralSyntax } from '../literal.ts';
import { missingKeyMessage, type SnippetProgram } from '../program.ts';

export function pyString(text: string): string {
  return backslashQuoted(text, '"', {
    unicode: (_, code) => (code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`),
  });
}

const syntax: LiteralSyntax = {
  string: pyString,
  true: 'True',
  false: 'False',
  null: 'None',
  array: ['[', ']'],
  object: () => ['{', '}'],
  emptyObject: '{}',
  entry: (key, value) => `${pyString(key)}: ${value}`,
  indent: '    ',
};

export function python(program: SnippetProgram): string {
  const { auth, key } = program;
  const readsEnv = auth !== null && !key.literal;
  const lines = [
    ...program.comment.map((line) => `# ${line}`),
    ...(readsEnv ? ['import os', 'import sys', ''] : []),
    'import requests',
    '',
  ];
  if (auth && key.literal) lines.push(`api_key = ${pyString(key.literal)}`, '');
  if (readsEnv)
    lines.push(
      `api_key = os.environ.get(${pyString(key.envVar)})`,
      'if not api_key:',
      `    sys.exit(${pyString(missingKeyMessage(key.envVar))})`,
      '',
    );
  const headers = [
    ...(auth?.in === 'header' ? [`${pyString(auth.header)}: ${auth.prefix ? `${pyString(auth.prefix)} + api_key` : 'api_key'}`] : []),
    // requests sets Content-Type itself for json=.
    ...program.headers
      .filter(([name]) => !(program.hasBody && name.toLowerCase() === 'content-type'))
      .map(([name, value]) => `${pyString(name)}: ${pyString(value)}`),
  ];
  const args = [pyString(program.url)];
  // requests URL-encodes params= and appends them to the URL's own query.
  if (auth?.in === 'query') args.push(`params={${pyString(auth.param)}: api_key}`);
  if (headers.length) args.push(`headers={${headers.join(', ')}}`);
  if (program.hasBody) args.push(`json=${literal(program.body, syntax, 1)}`);
  args.push('timeout=30');
  // The model's methods (GET, POST, PUT, PATCH, DELETE) each have a function in requests.
  lines.push(`response = requests.${program.method.toLowerCase()}(`, ...args.map((arg) => `    ${arg},`), ')');
  lines.push('print(response.status_code, response.reason)', 'print(response.text)');
  return lines.join('\n');
}
