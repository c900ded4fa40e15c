/**
 * Renders a request as a complete program in each snippet language, with one small generator
 * per language (`generators/`). Every program reads the key from the environment variable the
 * model names (or, when the reader asks, holds the key itself), stops with a message naming the
 * variable when it is unset, prints the status and the body, and fails on a transport error.
 * The docs' samples and the try-it console both render through here.
 */
import { targetBaseUrl, targetSentence, type CodeTarget } from '../../api/code-targets.ts';
import { defaultScheme, keyPlacement, type ExampleRequest } from '../../api/runtime/index.ts';
import type { ApiModel } from '../../api/model.ts';
import type { EnvironmentId } from '../../api/schema/environments.ts';
import { csharp } from './generators/csharp.ts';
import { curl } from './generators/curl.ts';
import { go } from './generators/go.ts';
import { java } from './generators/java.ts';
import { node } from './generators/node.ts';
import { php } from './generators/php.ts';
import { python } from './generators/python.ts';
import { ruby } from './generators/ruby.ts';
import { sdk } from './generators/sdk.ts';
import type { SnippetLanguage } from './languages.ts';
import { toProgram, type RenderOptions, type SnippetProgram } from './program.ts';

export type { RenderOptions } from './program.ts';

const GENERATORS: Record<SnippetLanguage, (program: SnippetProgram) => string> = { curl, sdk, node, python, go, php, ruby, java, csharp };

export function renderSnippet(language: SnippetLanguage, request: ExampleRequest, options: RenderOptions): string {
  return GENERATORS[language](toProgram(request, options));
}

/** What snippets need of the model, as plain data: the console renders from it without loading the model. */
export interface SnippetSettings {
  envVar: string;
  sdkPackage: string;
  primaryScheme: string;
  /** For each target and environment: the base URL, and the sentence that opens the snippet. */
  targets: Record<CodeTarget, Record<EnvironmentId, { baseUrl: string; sentence: string }>>;
}

const TARGETS: readonly CodeTarget[] = ['browser', 'local', 'api'];
const ENVIRONMENTS: readonly EnvironmentId[] = ['test', 'live'];

export function snippetSettings(model: ApiModel): SnippetSettings {
  const where = (target: CodeTarget) =>
    Object.fromEntries(
      ENVIRONMENTS.map((env) => [env, { baseUrl: targetBaseUrl(model, target, env), sentence: targetSentence(model, target, env) }]),
    ) as SnippetSettings['targets'][CodeTarget];
  return {
    envVar: model.product.envVar,
    sdkPackage: model.product.sdkPackage,
    primaryScheme: keyPlacement(defaultScheme(model.auth.schemes)).scheme,
    targets: Object.fromEntries(TARGETS.map((target) => [target, where(target)])) as SnippetSettings['targets'],
  };
}

/** The options for snippets sent to `target` in environment `environment`. */
export function optionsFor(settings: SnippetSettings, target: CodeTarget, environment: EnvironmentId, revealKey?: string): RenderOptions {
  const { envVar, sdkPackage, primaryScheme } = settings;
  return { envVar, sdkPackage, primaryScheme, target: settings.targets[target][environment].sentence, ...(revealKey ? { revealKey } : {}) };
}

/** The options for this model's snippets sent to `target` in environment `environment`. */
export function renderOptions(model: ApiModel, target: CodeTarget, environment: EnvironmentId, revealKey?: string): RenderOptions {
  return optionsFor(snippetSettings(model), target, environment, revealKey);
}
