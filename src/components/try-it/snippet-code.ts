/**
 * Code for the console's request in one language. Loaded with `import()` when the reader first
 * opens the code panel: it brings the generators, which no page should load before they are
 * needed. Everything it knows of the model comes from the console's data (`SnippetSettings`).
 */
import type { CodeTarget } from '../../api/code-targets.ts';
import { requestFor, type KeyPlacement, type RequestTarget } from '../../api/runtime/index.ts';
import type { EnvironmentId } from '../../api/schema/environments.ts';
import type { SnippetLanguage } from '../snippets/languages.ts';
import { optionsFor, renderSnippet, type SnippetSettings } from '../snippets/render.ts';

export interface SnippetInput {
  endpoint: RequestTarget;
  id: string;
  /** The path's parameters before `{id}`, by name. */
  parents?: Record<string, string> | undefined;
  query: Record<string, string>;
  /** The parsed body; `undefined` for none. */
  body: unknown;
  /** Where the key goes; `null` sends none. */
  auth: KeyPlacement | null;
  /** The environment of the chosen key; the test environment when unknown. */
  environment: EnvironmentId;
  /** Where the code sends its request. */
  target: CodeTarget;
  /** The real key, only when the reader chose to show it. */
  revealKey?: string | undefined;
}

export function renderConsoleSnippet(language: SnippetLanguage, input: SnippetInput, settings: SnippetSettings): string {
  const request = requestFor(input.endpoint, {
    baseUrl: settings.targets[input.target][input.environment].baseUrl,
    auth: input.auth,
    id: input.id,
    path: input.parents,
    query: input.query,
    // An empty body is sent as none; the API reads that as `{}`.
    body: input.body ?? {},
  });
  return renderSnippet(language, request, optionsFor(settings, input.target, input.environment, input.revealKey));
}
