/**
 * curl in a POSIX shell (bash, zsh, sh). Everything is single-quoted, so the shell expands
 * nothing the reader did not ask for ($, `, \, !); the key is the one expansion, and
 * `${VAR:?…}` stops with a message naming the variable when it is unset.
 */
import { jsonText } from '../literal.ts';
import { missingKeyMessage, type SnippetProgram } from '../program.ts';

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function keyHeader(program: SnippetProgram): string | null {
  const { auth, key } = program;
  if (!auth) return null;
  if (key.literal) return quote(`${auth.header}: ${auth.prefix}${key.literal}`);
  return `"${auth.header}: ${auth.prefix}\${${key.envVar}:?${missingKeyMessage(key.envVar)}}"`;
}

/** The method, unless curl infers it (GET, or POST with a body): curl warns about a redundant one. */
function methodOption({ method, hasBody }: SnippetProgram): string {
  return (method === 'GET' && !hasBody) || (method === 'POST' && hasBody) ? '' : `--request ${method} `;
}

export function curl(program: SnippetProgram): string {
  const lines = [`curl --include ${methodOption(program)}${quote(program.url)}`];
  const header = keyHeader(program);
  if (header) lines.push(`--header ${header}`);
  for (const [name, value] of program.headers) lines.push(`--header ${quote(`${name}: ${value}`)}`);
  if (program.hasBody) lines.push(`--data-raw ${quote(jsonText(program.body))}`);
  return [...program.comment.map((line) => `# ${line}`), lines.join(' \\\n  ')].join('\n');
}
