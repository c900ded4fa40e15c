/**
 * Code for the console's request in one language. Loaded with `import()` when the reader first
 * opens the code panel: it brings the generators and the model (shared with the sandbox's lazy
 * chunk), which no page should load before it is needed.
 */
import { targetBaseUrl, type CodeTarget } from '../../api/code-targets.ts';
import { buildRequest } from '../../api/example-request.ts';
import { findScheme, model } from '../../api/index.ts';
import { renderOptions, renderSnippet } from '../snippets/render.ts';
import type { SnippetLanguage } from '../snippets/languages.ts';

export interface SnippetInput {
  endpoint: string;
  id: string;
  query: Record<string, string>;
  /** The parsed body; `undefined` for none. */
  body: unknown;
  /** Scheme id or `none`. */
  scheme: string;
  /** The environment of the chosen key; the test environment when unknown. */
  environment: 'live' | 'test';
  /** Where the code sends its request. */
  target: CodeTarget;
  /** The real key, only when the reader chose to show it. */
  revealKey?: string | undefined;
}

export function renderConsoleSnippet(language: SnippetLanguage, input: SnippetInput): string {
  const endpoint = model.endpoints.find((e) => e.id === input.endpoint);
  if (!endpoint) return `// The API has no endpoint "${input.endpoint}".`;
  const scheme = input.scheme === 'none' ? null : (findScheme(model.auth.schemes, input.scheme) ?? null);
  const request = buildRequest(model, endpoint, {
    scheme,
    id: input.id,
    query: input.query,
    // An empty body is sent as none; the API reads that as `{}`.
    ...(endpoint.body ? { body: input.body ?? {} } : {}),
    baseUrl: targetBaseUrl(model, input.target, input.environment),
  });
  return renderSnippet(language, request, renderOptions(model, input.target, input.environment, input.revealKey));
}
