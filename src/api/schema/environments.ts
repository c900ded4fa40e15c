import { z } from 'zod';

export const environmentIdSchema = z.enum(['live', 'test']);
export type EnvironmentId = z.output<typeof environmentIdSchema>;

/** One environment of the API: where it answers and how its keys begin. */
export const environmentSchema = z.strictObject({
  id: environmentIdSchema,
  /** Shown in tables, e.g. "Production". */
  name: z.string().min(1),
  /** Absolute base URL without a trailing slash, e.g. "https://api.huechat.ai/v2". */
  baseUrl: z.url().refine((url) => !url.endsWith('/'), 'Write `baseUrl` without a trailing slash.'),
  /** Every key of this environment starts with it, e.g. "sk_live_". */
  keyPrefix: z
    .string()
    .regex(/^[a-z][a-z0-9]*_[a-z0-9_]*$/, 'A key prefix is lowercase letters, digits and underscores, e.g. "sk_live_".')
    .refine((prefix) => prefix.endsWith('_'), 'End the key prefix with "_" so the random part stands out.'),
  /** Whether requests have real effects (messages really sent) or are simulated. */
  realEffects: z.boolean(),
  /** What a reader should know about this environment. */
  description: z.string().min(1),
});

export type Environment = z.output<typeof environmentSchema>;

export const environmentsSchema = z
  .array(environmentSchema)
  .length(2, 'Describe exactly two environments: one `live` and one `test`.')
  .refine(
    (envs) => envs.some((e) => e.id === 'live') && envs.some((e) => e.id === 'test'),
    'Describe one `live` and one `test` environment.',
  )
  .refine(
    (envs) => envs[0]!.keyPrefix !== envs[1]!.keyPrefix,
    'Live and test keys need different prefixes, or a key could not say which environment it belongs to.',
  )
  .refine(
    (envs) => envs[0]!.baseUrl !== envs[1]!.baseUrl,
    'Live and test need different base URLs, so a key sent to the wrong one can be told apart.',
  );
