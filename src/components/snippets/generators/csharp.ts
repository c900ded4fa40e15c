/**
 * C# with HttpClient: a `Program` class whose `Main` waits for an async `Send`. Both .NET and
 * Mono's `mcs` compile it: `mcs` has neither top-level statements nor `async Main`. Mono has no
 * JSON encoder in its base library, so the body is the JSON text itself.
 */
import { backslashQuoted, hex, jsonText } from '../literal.ts';
import { keyUrlPrefix, missingKeyMessage, type SnippetProgram } from '../program.ts';

export function csString(text: string): string {
  return backslashQuoted(text, '"', {
    shown: (_, code) => code >= 0x20 && code < 0x7f,
    unicode: (_, code) => (code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`),
  });
}

function csText(text: string, indent: string): string {
  const lines = text.split('\n');
  return lines.map((line, i) => `${i ? `${indent}+ ` : ''}${csString(i < lines.length - 1 ? `${line}\n` : line)}`).join('\n');
}

export function csharp(program: SnippetProgram): string {
  const { auth, key, hasBody } = program;
  const lines = [
    ...program.comment.map((line) => `// ${line}`),
    '// Save as Program.cs. .NET: put it in a console project and `dotnet run`.',
    '// Mono: `mcs -r:System.Net.Http.dll Program.cs && mono Program.exe`.',
    'using System;',
    'using System.Net.Http;',
    ...(hasBody ? ['using System.Text;'] : []),
    'using System.Threading.Tasks;',
    '',
    'class Program',
    '{',
    '    static int Main()',
    '    {',
    '        return Send().GetAwaiter().GetResult();',
    '    }',
    '',
    '    static async Task<int> Send()',
    '    {',
  ];
  if (auth && key.literal) lines.push(`        var apiKey = ${csString(key.literal)};`, '');
  if (auth && !key.literal) {
    lines.push(
      `        var apiKey = Environment.GetEnvironmentVariable(${csString(key.envVar)});`,
      '        if (string.IsNullOrEmpty(apiKey))',
      '        {',
      `            Console.Error.WriteLine(${csString(missingKeyMessage(key.envVar))});`,
      '            return 1;',
      '        }',
      '',
    );
  }
  if (hasBody) lines.push(`        var json = ${csText(jsonText(program.body), '            ')};`, '');
  const prefix = keyUrlPrefix(program);
  const url = prefix === null ? csString(program.url) : `${csString(prefix)} + Uri.EscapeDataString(apiKey)`;
  lines.push(
    '        using (var client = new HttpClient())',
    `        using (var request = new HttpRequestMessage(new HttpMethod(${csString(program.method)}), ${url}))`,
    '        {',
  );
  if (auth?.in === 'header')
    lines.push(
      `            request.Headers.TryAddWithoutValidation(${csString(auth.header)}, ${auth.prefix ? `${csString(auth.prefix)} + apiKey` : 'apiKey'});`,
    );
  // Content-Type belongs to the content, not to the request's headers.
  for (const [name, value] of program.headers)
    if (name.toLowerCase() !== 'content-type')
      lines.push(`            request.Headers.TryAddWithoutValidation(${csString(name)}, ${csString(value)});`);
  if (hasBody) lines.push('            request.Content = new StringContent(json, Encoding.UTF8, "application/json");');
  lines.push(
    '            using (var response = await client.SendAsync(request))',
    '            {',
    '                Console.WriteLine((int)response.StatusCode + " " + response.ReasonPhrase);',
    '                Console.WriteLine(await response.Content.ReadAsStringAsync());',
    '            }',
    '        }',
    '        return 0;',
    '    }',
    '}',
  );
  return lines.join('\n');
}
