/**
 * Key helpers bound to this API's key format: check a key offline and mask it for display.
 * The format itself (prefix, random part, CRC-32 checksum) lives in `src/api/key-format.ts`,
 * a file with no imports that the sandbox shares, so both sides agree on what a key is.
 */
import { maskKey, parseKey, type KeyProblem, type KeyShape } from '../api/key-format.ts';
import { environments, keyFormat, type EnvironmentId } from './generated/preset.ts';

export type { KeyProblem };

const shape: KeyShape = {
  prefixes: Object.fromEntries(environments.map((env) => [env.keyPrefix, env.id])),
  randomLength: keyFormat.randomLength,
};

/** What can be told about a key without sending it. */
export type ApiKeyInfo =
  | {
      valid: true;
      /** The environment the prefix names. */
      environment: EnvironmentId;
      prefix: string;
      /** Where requests with this key go. */
      baseUrl: string;
      checksumValid: true;
      problem: null;
      detail: null;
    }
  | {
      valid: false;
      environment: EnvironmentId | null;
      prefix: string | null;
      baseUrl: string | null;
      /** `false` also when the checksum could not be checked (wrong length or characters). */
      checksumValid: false;
      problem: KeyProblem;
      /** What looks wrong, in words; it never repeats the key. */
      detail: string;
    };

/**
 * Checks a key offline: prefix, length, characters and checksum. Sends nothing.
 * @example
 * ```ts
 * const info = parseApiKey(process.env.API_KEY ?? '');
 * if (!info.valid) console.error(`The key looks wrong: ${info.detail}`);
 * ```
 */
export function parseApiKey(key: string): ApiKeyInfo {
  const parsed = parseKey(key, shape);
  const baseUrl = environments.find((env) => env.id === parsed.environment)?.baseUrl ?? null;
  return parsed.valid
    ? { ...parsed, baseUrl: baseUrl!, checksumValid: true, problem: null, detail: null }
    : { ...parsed, baseUrl, checksumValid: false };
}

/**
 * The key as it may be shown or logged: prefix, four characters, an ellipsis and the last four
 * (`sk_test_AbCd…wxyz`).
 */
export function maskApiKey(key: string): string {
  return maskKey(key, Object.keys(shape.prefixes));
}
