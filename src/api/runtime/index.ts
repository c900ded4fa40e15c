/**
 * The model's derived facts without zod: what the browser, the SDK generator, the sandbox and
 * the docs all need (where a key goes, scope rules, environments, header names, error ids, the
 * text and key-name rules, durations in words). Importing this never brings in the schema.
 */
export * from './auth-schemes.ts';
export * from './durations.ts';
export * from './environments.ts';
export * from './errors.ts';
export * from './headers.ts';
export * from './key-name.ts';
export * from './request-limits.ts';
export * from './request.ts';
export * from './scopes.ts';
export * from './text.ts';
