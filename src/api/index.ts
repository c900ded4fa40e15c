/**
 * The API model of the selected preset: the single source of truth for docs, sandbox, SDK,
 * snippets and OpenAPI. The preset is chosen at build time with `KEYPORT_PRESET`.
 */
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

/** The model for this build. */
export const model: ApiModel = loadModel();

export type { ApiModel } from './model.ts';
export * from './model.ts';
export * from './runtime/index.ts';
