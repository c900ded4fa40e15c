/**
 * Java 11+ single-file source with OkHttp 3 or 4 on the class path. Java's standard library has
 * no JSON encoder, so the body is the JSON text itself, as ASCII-only string literals (a
 * single-file program is read in the platform's encoding, which may not be UTF-8).
 */
import { backslashQuoted, hex, jsonText } from '../literal.ts';
import { keyUrlPrefix, missingKeyMessage, type SnippetProgram } from '../program.ts';

/**
 * A Java string literal in ASCII. `\u` escapes stand for non-ASCII characters; the JSON escapes
 * inside the text keep their backslash doubled, so Java reads them as text, not as escapes.
 */
export function javaString(text: string): string {
  return backslashQuoted(text, '"', {
    shown: (_, code) => code >= 0x20 && code < 0x7f,
    // Java has no escape above U+FFFF: a character there is its two UTF-16 units.
    unicode: (char) =>
      char
        .split('')
        .map((unit) => `\\u${hex(unit.charCodeAt(0), 4)}`)
        .join(''),
  });
}

/** Multi-line text as one literal per line, joined with `+` (text blocks would strip spaces). */
export function javaText(text: string, indent: string): string {
  const lines = text.split('\n');
  return lines.map((line, i) => `${i ? `${indent}+ ` : ''}${javaString(i < lines.length - 1 ? `${line}\n` : line)}`).join('\n');
}

const BUILDER_CALL: Record<string, (body: string) => string> = {
  GET: () => '.get()',
  POST: (body) => `.post(${body})`,
  PUT: (body) => `.put(${body})`,
  PATCH: (body) => `.patch(${body})`,
  DELETE: (body) => (body === 'EMPTY' ? '.delete()' : `.delete(${body})`),
};

export function java(program: SnippetProgram): string {
  const { auth, key, hasBody } = program;
  const needsBody = hasBody || (program.method !== 'GET' && program.method !== 'DELETE');
  const prefix = keyUrlPrefix(program);
  const imports = [
    'java.io.IOException',
    ...(prefix === null ? [] : ['java.net.URLEncoder']),
    ...(needsBody ? ['okhttp3.MediaType'] : []),
    'okhttp3.OkHttpClient',
    'okhttp3.Request',
    ...(needsBody ? ['okhttp3.RequestBody'] : []),
    'okhttp3.Response',
  ];
  const lines = [
    ...program.comment.map((line) => `// ${line}`),
    '// Save as Main.java, then run `java -cp okhttp.jar:okio.jar Main.java` (Java 11+, OkHttp 3 or 4).',
    ...imports.map((name) => `import ${name};`),
    '',
    'public class Main {',
    '    public static void main(String[] args) throws IOException {',
  ];
  if (auth && key.literal) lines.push(`        String apiKey = ${javaString(key.literal)};`, '');
  if (auth && !key.literal) {
    lines.push(
      `        String apiKey = System.getenv(${javaString(key.envVar)});`,
      '        if (apiKey == null || apiKey.isEmpty()) {',
      `            System.err.println(${javaString(missingKeyMessage(key.envVar))});`,
      '            System.exit(1);',
      '        }',
      '',
    );
  }
  let body = 'EMPTY';
  if (hasBody) {
    lines.push(`        String json = ${javaText(jsonText(program.body), '            ')};`);
    lines.push('        RequestBody body = RequestBody.create(MediaType.parse("application/json; charset=utf-8"), json);', '');
    body = 'body';
  } else if (needsBody) {
    // OkHttp wants a body for POST, PUT and PATCH, even an empty one.
    lines.push('        RequestBody body = RequestBody.create((MediaType) null, new byte[0]);', '');
    body = 'body';
  }
  lines.push(
    '        Request request = new Request.Builder()',
    `            .url(${prefix === null ? javaString(program.url) : `${javaString(prefix)} + URLEncoder.encode(apiKey, "UTF-8")`})`,
    `            ${BUILDER_CALL[program.method]!(body)}`,
  );
  if (auth?.in === 'header')
    lines.push(`            .header(${javaString(auth.header)}, ${auth.prefix ? `${javaString(auth.prefix)} + apiKey` : 'apiKey'})`);
  // OkHttp sets Content-Type from the body's media type.
  for (const [name, value] of program.headers)
    if (!(hasBody && name.toLowerCase() === 'content-type')) lines.push(`            .header(${javaString(name)}, ${javaString(value)})`);
  lines.push(
    '            .build();',
    '',
    '        OkHttpClient client = new OkHttpClient();',
    '        try (Response response = client.newCall(request).execute()) {',
    '            System.out.println(response.code() + " " + response.message());',
    '            System.out.println(response.body().string());',
    '        }',
    '    }',
    '}',
  );
  return lines.join('\n');
}
