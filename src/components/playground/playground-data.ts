/**
 * What the playground island needs from the model, computed at build time (the island never
 * imports the model: it would bring zod and every preset). Server-side only.
 */
import type { ApiModel } from '../../api/model.ts';
import { consoleData, type ApiInfo } from '../widgets/widget-data.ts';
import { gallery, type Example } from './gallery.ts';

export interface PlaygroundData {
  /** For the sandbox helper (`startSandboxFor`) and the wallet. */
  api: ApiInfo;
  /** The environment variable the chosen key is put in, e.g. `HUECHAT_API_KEY`. */
  envVar: string;
  /** What the code imports, e.g. `@huechat/sdk`. */
  sdkPackage: string;
  /** Base URLs the code may reach (each environment's); the sandbox's service worker answers them. */
  baseUrls: string[];
  keyPrefixes: string[];
  examples: Example[];
  /** Where the run stops by itself. */
  timeLimitSeconds: number;
}

export const TIME_LIMIT_SECONDS = 10;

export function playgroundData(model: ApiModel): PlaygroundData {
  const { product, environments, schemes, fullAccessScope, managementScopes } = consoleData(model);
  return {
    api: { product, environments, schemes, fullAccessScope, managementScopes },
    envVar: model.product.envVar,
    sdkPackage: model.product.sdkPackage,
    baseUrls: model.environments.map((env) => env.baseUrl.replace(/\/$/, '')),
    keyPrefixes: model.environments.map((env) => env.keyPrefix),
    examples: gallery(model),
    timeLimitSeconds: TIME_LIMIT_SECONDS,
  };
}
