/**
 * Helpers for writing presets: `definePreset` gives type checking and completion while the
 * preset stays plain data; validation happens once, in `buildModel`.
 */
import type { PresetInput } from './schema/index.ts';
import type { Collection } from './schema/endpoints.ts';
import type { z } from 'zod';

export function definePreset(preset: PresetInput): PresetInput {
  return preset;
}

export function defineCollection<F extends z.ZodObject, C extends z.ZodObject>(collection: {
  id: string;
  name: string;
  idPrefix: string;
  fields: F;
  create: C;
  seed: Array<z.input<F>>;
  testModeOverrides?: Partial<z.input<F>>;
}): Collection {
  return { idFormat: 'prefixed', timeFormat: 'iso', ...collection };
}
