/**
 * What an endpoint's action hands back to the pipeline: a body with its status, or an error id
 * from the model's catalogue with the values for its message. The pipeline turns both into a
 * Response with the right headers, so actions never build responses themselves.
 */
import type { MessageParams } from '../src/api/error-body.ts';
import type { RequiredErrorId } from '../src/api/runtime/index.ts';

export type ActionResult = { status: number; body: unknown } | { error: RequiredErrorId; params: MessageParams };

export const ok = (body: unknown, status = 200): ActionResult => ({ status, body });

export const fail = (error: RequiredErrorId, params: MessageParams = {}): ActionResult => ({ error, params });

/** 422 naming the field, e.g. "Invalid value for `scopes`: …". */
export const invalid = (field: string, detail: string): ActionResult => fail('validation_failed', { field, detail });
