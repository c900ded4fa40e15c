import { z } from 'zod';

/**
 * How a key is built: `<environment prefix><random part><checksum>`.
 * The random part is base62 from a CSPRNG; the checksum lets clients catch typos offline
 * and lets secret scanners find leaked keys by pattern.
 */
export const keyFormatSchema = z.strictObject({
  /** Characters of base62 randomness; 27 or more gives at least 160 bits. */
  randomLength: z.number().int().min(27, 'Use at least 27 random characters (≈160 bits) in `keyFormat.randomLength`.').max(64),
  /** Characters of CRC-32 checksum appended in base62 (6 holds all 32 bits). */
  checksumLength: z.literal(6),
  /** How the service stores keys: only this digest of the whole key, plus a display prefix. */
  storedHash: z.literal('sha256'),
});

export type KeyFormat = z.output<typeof keyFormatSchema>;
