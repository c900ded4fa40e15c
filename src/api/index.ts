/**
 * The API model of this build: the single source of truth for docs, sandbox, SDK, snippets and
 * OpenAPI. It comes from the OpenAPI document given as `KEYPORT_SPEC` when there is one (carried in
 * `generated/imported-document.ts` by `npm run generate`), else from the preset `KEYPORT_PRESET`
 * names.
 */
import { importedDocument } from './generated/imported-document.ts';
import type { OpenApiDocument } from './import/document.ts';
import { importOpenApi } from './import/import-document.ts';
import { resolveLocalRefs } from './import/local-refs.ts';
import { buildModel, type ApiModel } from './model.ts';
import { DEFAULT_PRESET, presets } from './presets/index.ts';

export function presetName(): string {
  const fromBuild = import.meta.env?.KEYPORT_PRESET as string | undefined;
  const fromProcess = typeof process === 'undefined' ? undefined : process.env['KEYPORT_PRESET'];
  return fromBuild || fromProcess || DEFAULT_PRESET;
}

export function loadModel(name: string = presetName()): ApiModel {
  const preset = presets[name];
  if (!preset) {
    throw new Error(`Unknown KEYPORT_PRESET "${name}". Choose one of: ${Object.keys(presets).join(', ')}.`);
  }
  return buildModel(preset, `preset "${name}"`);
}

/** What this build's model was made from, for generated files' headers and messages. */
export function modelSource(): string {
  return importedDocument ? `OpenAPI document ${importedDocument.file}` : `preset "${presetName()}"`;
}

/** The model for this build. */
export const model: ApiModel = importedDocument
  ? importOpenApi(resolveLocalRefs(importedDocument.document) as OpenApiDocument, importedDocument.file).model
  : loadModel();

export type { ApiModel } from './model.ts';
export * from './model.ts';
export * from './runtime/index.ts';
