/**
 * curl in a POSIX shell (bash, zsh, sh). Everything is single-quoted, so the shell expands
 * nothing the reader did not ask for ($, `, \, !); the key is the one expansion, and
 * `${VAR:?…}` stops with a message naming the variable when it is unset. A key sent as a query
 * parameter goes through `--url-query` (curl 7.87+), which URL-encodes it and appends it to the
 * URL's own parameters.
 */
import { jsonText } from '../literal.ts';
import { missingKeyMessage, type SnippetProgram } from '../program.ts';

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The option that sends the key: `--header "X-API-Key: $VAR"` or `--url-query "api_key=$VAR"`. */
function keyOption(program: SnippetProgram): string | null {
  const { auth, key } = program;
  if (!auth) return null;
  const [option, before] = auth.in === 'header' ? ['--header', `${auth.header}: ${auth.prefix}`] : ['--url-query', `${auth.param}=`];
  if (key.literal) return `${option} ${quote(`${before}${key.literal}`)}`;
  return `${option} "${before}\${${key.envVar}:?${missingKeyMessage(key.envVar)}}"`;
}

/** The method, unless curl infers it (GET, or POST with a body): curl warns about a redundant one. */
function methodOption({ method, hasBody }: SnippetProgram): string {
  return (method === 'GET' && !hasBody) || (method === 'POST' && hasBody) ? '' : `--request ${method} `;
}

export function curl(program: SnippetProgram): string {
  const lines = [`curl --include ${methodOption(program)}${quote(program.url)}`];
  const key = keyOption(program);
  if (key) lines.push(key);
  for (const [name, value] of program.headers) lines.push(`--header ${quote(`${name}: ${value}`)}`);
  if (program.hasBody) lines.push(`--data-raw ${quote(jsonText(program.body))}`);
  const comment = program.auth?.in === 'query' ? [...program.comment, 'Needs curl 7.87 or later, for --url-query.'] : program.comment;
  return [...comment.map((line) => `# ${line}`), lines.join(' \\\n  ')].join('\n');
}
