/**
 * The fields the sandbox sets on every record of a collection, as the docs show and the sandbox
 * serves them. Ids: `<prefix>seed_<n>` for seeded records and `<prefix>` + random letters for
 * created ones, or UUIDs where the API's document says its ids are UUIDs (`idFormat`).
 * `created_at`: an ISO 8601 time, or Unix seconds where the document says so (`timeFormat`).
 */
import type { Collection } from './schema/endpoints.ts';

/** The id of a collection's seeded record number `index` (from 0): `ct_seed_1`, or a fixed UUID. */
export function seedRecordId(collection: Collection, index: number): string {
  return collection.idFormat === 'uuid'
    ? `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`
    : `${collection.idPrefix}seed_${index + 1}`;
}

/** The id example responses show for a record just created. */
export function exampleRecordId(collection: Collection): string {
  return collection.idFormat === 'uuid' ? '3f1b7a9e-2c4d-4e8f-9a0b-1c2d3e4f5a6b' : `${collection.idPrefix}9dK2xQ`;
}

/** `created_at` for a record made at `ms`: ISO 8601 text, or whole Unix seconds. */
export function recordTime(collection: Collection, ms: number): string | number {
  return collection.timeFormat === 'unix' ? Math.floor(ms / 1000) : new Date(ms).toISOString();
}
