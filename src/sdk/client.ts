/**
 * `createClient()`: checks the key(s) offline, picks the environment from the key's prefix and
 * returns the generated resources bound to one transport.
 */
import { parseApiKey } from './api-key.ts';
import { KeyFormatError } from './errors.ts';
import { product } from './generated/preset.ts';
import { createResources, type Resources } from './generated/resources/index.ts';
import type { ClientOptions } from './options.ts';
import { createCall, schemes, type KeyRing } from './transport.ts';

export interface KeyportClient extends Resources {
  /**
   * Replaces the key, or the keys newest first, e.g. after rolling. Checked like the keys given
   * to `createClient()`; requests already under way finish with the old key.
   * @example
   * ```ts
   * const { key } = await client.keys.roll(oldKeyId, { grace_seconds: 3600 });
   * client.setApiKey(key.secret);
   * ```
   */
  setApiKey(key: string | ReadonlyArray<string | null | undefined>): void;
}

type GivenKeys = string | ReadonlyArray<string | null | undefined> | undefined;

/** The keys to use, each checked offline; throws `KeyFormatError` before anything is sent. */
function checkKeys(given: GivenKeys, check: boolean): string[] {
  const keys = (typeof given === 'string' ? [given] : (given ?? [])).filter((key) => key != null);
  if (!keys.length) {
    // Node and other server runtimes only; in a browser there is no environment to read.
    const fromEnv = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[product.envVar];
    if (!fromEnv) {
      throw new KeyFormatError(`No ${product.name} API key: pass \`apiKey\` or set the ${product.envVar} environment variable.`, {
        problem: 'missing',
      });
    }
    keys.push(fromEnv);
  }
  const environments = new Set<string>();
  for (const [i, key] of keys.entries()) {
    const info = parseApiKey(key);
    if (!check) continue;
    if (!info.valid) {
      const which = keys.length > 1 ? ` #${i + 1}` : '';
      throw new KeyFormatError(`The ${product.name} API key${which} looks wrong: ${info.detail}. No request was sent.`, {
        problem: info.problem,
      });
    }
    environments.add(info.environment);
  }
  if (environments.size > 1) {
    throw new KeyFormatError('The API keys mix live and test keys; rotate between keys of one environment.', {
      problem: 'mixed_environments',
    });
  }
  return keys;
}

/**
 * Creates a client for the API. The key's prefix picks the environment and base URL; a key
 * with a typo is refused before any request is sent.
 * @example
 * ```ts
 * const client = createClient(); // reads the key from the API's environment variable
 * const me = await client.whoami.get();
 * console.log(me.name, me.scopes);
 * ```
 */
export function createClient(options: ClientOptions = {}): KeyportClient {
  const check = options.checkKeyFormat !== false;
  const ring: KeyRing = { keys: checkKeys(options.apiKeys ?? options.apiKey, check), active: 0 };
  const wanted = options.authScheme;
  // Header names are case-insensitive; query parameter names are not.
  const scheme = wanted
    ? schemes.find((s) => (s.in === 'query' ? s.scheme === wanted : s.scheme.toLowerCase() === wanted.toLowerCase()))
    : schemes[0];
  if (!scheme) {
    throw new TypeError(`authScheme must be one of: ${schemes.map((s) => s.scheme).join(', ')}.`);
  }
  return {
    ...createResources(createCall(ring, scheme, options)),
    setApiKey(key) {
      ring.keys = checkKeys(key, check);
      ring.active = 0;
    },
  };
}
