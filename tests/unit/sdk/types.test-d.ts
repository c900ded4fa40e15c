/**
 * Type tests, run by Vitest's typecheck mode (`npm run test:unit`): a wrong type is a failed
 * test here, not only an error in `npm run typecheck`. The file is type-checked, never executed.
 */
import { expectTypeOf, test } from 'vitest';
import {
  createClient,
  isApiError,
  isAuthenticationError,
  isPermissionError,
  isRateLimitError,
  type ApiKey,
  type AuthenticationError,
  type AuthFailureReason,
  type CreatedApiKey,
  type ErrorCode,
  type KeyportClient,
  type List,
  type RateLimitError,
  type RolledApiKey,
  type Usage,
  type WhoAmI,
} from '../../../src/sdk/index.ts';
import { fakeFetch, json, makeKey } from './fake-api.ts';

const client: KeyportClient = createClient({ apiKey: makeKey(), fetch: fakeFetch(json(200, {})).fetch });

test('key management and "who am I" return the model’s shapes', () => {
  expectTypeOf(client.whoami.get).returns.resolves.toEqualTypeOf<WhoAmI>();
  expectTypeOf(client.keys.list).returns.resolves.toEqualTypeOf<List<ApiKey>>();
  expectTypeOf(client.keys.create).returns.resolves.toEqualTypeOf<CreatedApiKey>();
  expectTypeOf(client.keys.roll).returns.resolves.toEqualTypeOf<RolledApiKey>();
  expectTypeOf(client.keys.usage).returns.resolves.toEqualTypeOf<Usage>();
  expectTypeOf(client.keys.iterate).returns.toEqualTypeOf<AsyncGenerator<ApiKey, void, undefined>>();
  expectTypeOf<CreatedApiKey['secret']>().toEqualTypeOf<string>();
  expectTypeOf<ApiKey>().not.toHaveProperty('secret');
  expectTypeOf<RolledApiKey>().toEqualTypeOf<{ key: CreatedApiKey; previous: ApiKey }>();
  expectTypeOf<ApiKey['status']>().toEqualTypeOf<'active' | 'inactive' | 'revoked' | 'expired'>();
  expectTypeOf<ApiKey['last_used_at']>().toEqualTypeOf<string | null>();
});

test('arguments follow the endpoint: id first, then body or query, then options', () => {
  expectTypeOf(client.keys.roll).parameter(0).toEqualTypeOf<string>();
  expectTypeOf(client.keys.roll).parameter(1).toEqualTypeOf<{ grace_seconds?: number } | undefined>();
  expectTypeOf(client.keys.create).parameter(0).toHaveProperty('name').toEqualTypeOf<string>();
  expectTypeOf(client.keys.list).parameter(0).toEqualTypeOf<{ limit?: number; starting_after?: string } | undefined>();
  // @ts-expect-error a key needs a name
  void (() => client.keys.create({}));
  // @ts-expect-error the id is a string
  void (() => client.keys.get(42));
});

test('error guards narrow to the class with its fields', () => {
  const error: unknown = new Error('x');
  if (isAuthenticationError(error)) {
    expectTypeOf(error).toEqualTypeOf<AuthenticationError>();
    expectTypeOf(error.reason).toEqualTypeOf<AuthFailureReason>();
    expectTypeOf(error.status).toEqualTypeOf<number>();
  }
  if (isRateLimitError(error)) {
    expectTypeOf(error).toEqualTypeOf<RateLimitError>();
    expectTypeOf(error.retryAfter).toEqualTypeOf<number | null>();
  }
  if (isPermissionError(error)) expectTypeOf(error.missingScopes).toEqualTypeOf<string[]>();
  if (isApiError(error)) expectTypeOf(error.code).toExtend<ErrorCode | (string & {})>();
  expectTypeOf<'revoked_api_key'>().toExtend<ErrorCode>();
  expectTypeOf<AuthFailureReason>().toEqualTypeOf<
    'missing' | 'invalid' | 'revoked' | 'expired' | 'inactive' | 'not_yet_active' | 'wrong_environment'
  >();
});

test('createClient accepts what process.env gives', () => {
  const env: Record<string, string | undefined> = {};
  expectTypeOf(createClient).toBeCallableWith({ apiKey: env['X'] });
  expectTypeOf(createClient).toBeCallableWith({ apiKeys: [env['X'], env['X_OLD']] });
  expectTypeOf(createClient).toBeCallableWith();
});
