/**
 * Renders a request as code in each language. The general languages come from httpsnippet-lite;
 * the SDK snippet is Keyport's own. By default the key is read from the environment variable the
 * model names; `revealKey` writes the key itself instead.
 */
import { HTTPSnippet, type HarRequest } from 'httpsnippet-lite';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from './languages.ts';
import { KEY_TOKEN, type ExampleRequest as SnippetRequest } from '../../api/example-request.ts';

export interface RenderOptions {
  envVar: string;
  sdkPackage: string;
  /** The real key, when the reader explicitly asked to see it in the code. */
  revealKey?: string;
}

function har(request: SnippetRequest): HarRequest {
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  return {
    method: request.method,
    url: request.url,
    httpVersion: 'HTTP/1.1',
    headers: request.headers.map(([name, value]) => ({ name, value })),
    queryString: request.query.map(([name, value]) => ({ name, value })),
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    ...(body ? { postData: { mimeType: 'application/json', text: body } } : {}),
  };
}

/** How each language reads an environment variable, and joins it to text around it. */
const ENV_READ: Record<Exclude<SnippetLanguage, 'sdk'>, (env: string, before: string, after: string, quote: string) => string> = {
  curl: (env, before, after) => `"${before}$${env}${after}"`,
  node: (env, before, after) => (before || after ? `\`${before}\${process.env.${env}}${after}\`` : `process.env.${env}`),
  python: (env, before, after) => (before || after ? `f"${before}{os.environ['${env}']}${after}"` : `os.environ["${env}"]`),
  go: (env, before, after) => join(`os.Getenv("${env}")`, before, after, '"', ' + '),
  php: (env, before, after) => join(`getenv('${env}')`, before, after, '"', ' . '),
  ruby: (env, before, after) => (before || after ? `"${before}#{ENV.fetch('${env}')}${after}"` : `ENV.fetch('${env}')`),
  java: (env, before, after) => join(`System.getenv("${env}")`, before, after, '"', ' + '),
  csharp: (env, before, after) => join(`Environment.GetEnvironmentVariable("${env}")`, before, after, '"', ' + '),
};

function join(expression: string, before: string, after: string, quote: string, plus: string): string {
  return [before && `${quote}${before}${quote}`, expression, after && `${quote}${after}${quote}`].filter(Boolean).join(plus);
}

/** Imports a language needs once it reads the environment. */
const ENV_IMPORT: Partial<Record<SnippetLanguage, (code: string) => string>> = {
  python: (code) => `import os\n${code}`,
  go: (code) => code.replace('import (\n', 'import (\n\t"os"\n'),
};

function useEnvVar(language: Exclude<SnippetLanguage, 'sdk'>, code: string, envVar: string): string {
  const literal = new RegExp(`(["'])((?:(?!\\1).)*?)${KEY_TOKEN}((?:(?!\\1).)*?)\\1`, 'g');
  const replaced = code.replace(literal, (_, quote: string, before: string, after: string) => ENV_READ[language](envVar, before, after, quote));
  return replaced === code ? code : (ENV_IMPORT[language]?.(replaced) ?? replaced);
}

/** Adjustments that make the generated code run as printed on a current runtime. */
function polish(language: SnippetLanguage, code: string): string {
  switch (language) {
    case 'curl':
      // Show the status line and headers (rate limits, request id) with the body.
      return code.replace(/^curl /, 'curl --include ');
    case 'node':
      // fetch is built into Node 18+; top-level await needs an ES module (.mjs).
      return code
        .replace(/^const fetch = require\('node-fetch'\);\n\n/, '// Node 18+ (fetch is built in); save as request.mjs\n')
        .replace('console.log(data);', 'console.log(response.status, data);');
    case 'python':
      return code.replace('print(response.json())', 'print(response.status_code, response.json())');
    default:
      return code;
  }
}

function literal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"([A-Za-z_$][\w$]*)":/g, '$1:');
}

/** The SDK call for a request; the key comes from `createClient()`'s environment lookup. */
export function sdkSnippet(request: SnippetRequest, options: RenderOptions): string {
  const call = request.sdk;
  if (!call) return '// This request has no SDK method.';
  const args = [call.id === undefined ? null : `'${call.id.replace(/'/g, "\\'")}'`, call.args === undefined ? null : literal(call.args)].filter(
    (arg): arg is string => arg !== null,
  );
  const client = options.revealKey
    ? `createClient({ apiKey: '${options.revealKey}' })`
    : `createClient(); // reads ${options.envVar}`;
  return [
    `import { createClient } from '${options.sdkPackage}';`,
    '',
    `const client = ${client}`,
    '',
    `const result = await client.${call.resource}.${call.method}(${args.join(', ')});`,
    'console.log(result);',
  ].join('\n');
}

export async function renderSnippet(language: SnippetLanguage, request: SnippetRequest, options: RenderOptions): Promise<string> {
  if (language === 'sdk') return sdkSnippet(request, options);
  const spec = SNIPPET_LANGUAGES.find((l) => l.id === language)!;
  const [target, client] = spec.target!;
  const withKey: SnippetRequest = options.revealKey
    ? { ...request, headers: request.headers.map(([name, value]) => [name, value.replace(KEY_TOKEN, options.revealKey!)]) }
    : request;
  const raw = await new HTTPSnippet(har(withKey)).convert(target as never, client);
  const code = Array.isArray(raw) ? raw[0]! : (raw as string);
  return polish(language, options.revealKey ? code : useEnvVar(language, code, options.envVar));
}
