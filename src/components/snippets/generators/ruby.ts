/**
 * Ruby 2.7+ with net/http and json from the standard library. The body is a hash literal given
 * to `JSON.generate`; strings are double-quoted with `#` escaped, so `#{…}` is never run.
 */
import { backslashQuoted, hex, literal, type LiteralSyntax } from '../literal.ts';
import { keyUrlPrefix, missingKeyMessage, type SnippetProgram } from '../program.ts';

export function rubyString(text: string): string {
  return backslashQuoted(text, '"', { escaped: '#', unicode: (_, code) => `\\u{${hex(code, 4)}}` });
}

const syntax: LiteralSyntax = {
  string: rubyString,
  true: 'true',
  false: 'false',
  null: 'nil',
  array: ['[', ']'],
  object: () => ['{', '}'],
  emptyObject: '{}',
  entry: (key, value) => `${rubyString(key)} => ${value}`,
  indent: '  ',
};

const REQUEST_CLASS: Record<string, string> = {
  GET: 'Get',
  POST: 'Post',
  PUT: 'Put',
  PATCH: 'Patch',
  DELETE: 'Delete',
  HEAD: 'Head',
  OPTIONS: 'Options',
};

export function ruby(program: SnippetProgram): string {
  const { auth, key, hasBody } = program;
  const lines = [
    ...program.comment.map((line) => `# ${line}`),
    '# Save as request.rb, then run `ruby request.rb`.',
    ...(hasBody ? ["require 'json'"] : []),
    "require 'net/http'",
    '',
  ];
  if (auth && key.literal) lines.push(`api_key = ${rubyString(key.literal)}`, '');
  if (auth && !key.literal)
    lines.push(
      `api_key = ENV.fetch(${rubyString(key.envVar)}, '')`,
      `abort ${rubyString(missingKeyMessage(key.envVar))} if api_key.empty?`,
      '',
    );
  const prefix = keyUrlPrefix(program);
  const url = prefix === null ? rubyString(program.url) : `${rubyString(prefix)} + URI.encode_www_form_component(api_key)`;
  lines.push(`uri = URI(${url})`, `request = Net::HTTP::${REQUEST_CLASS[program.method]}.new(uri)`);
  if (auth?.in === 'header')
    lines.push(`request[${rubyString(auth.header)}] = ${auth.prefix ? `${rubyString(auth.prefix)} + api_key` : 'api_key'}`);
  for (const [name, value] of program.headers) lines.push(`request[${rubyString(name)}] = ${rubyString(value)}`);
  if (hasBody) lines.push(`request.body = JSON.generate(${literal(program.body, syntax, 0)})`);
  lines.push(
    '',
    "response = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') do |http|",
    '  http.request(request)',
    'end',
    'puts "#{response.code} #{response.message}"',
    'puts response.body',
  );
  return lines.join('\n');
}
