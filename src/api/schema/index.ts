/**
 * The root schema of an API model: one strict object composed of one schema per area, with the
 * cross-field rules that keep a preset consistent. Types come from here, never written twice.
 */
import { z } from 'zod';
import { authSchema } from './auth.ts';
import { collectionSchema, endpointSchema } from './endpoints.ts';
import { environmentsSchema } from './environments.ts';
import { REQUIRED_ERROR_IDS } from '../runtime/errors.ts';
import { fullAccessOnly } from '../runtime/scopes.ts';
import { errorFormatSchema, errorSchema } from './errors.ts';
import { keyFormatSchema } from './key-format.ts';
import { keyPolicySchema } from './key-policy.ts';
import { monitoringSchema } from './monitoring.ts';
import { productSchema } from './product.ts';
import { rateLimitsSchema } from './rate-limits.ts';
import { accessSchema, keyTemplateSchema, scopeSchema } from './scopes.ts';
import { webhooksSchema } from './webhooks.ts';

export const managementSchema = z.strictObject({
  /** Path of the key-management endpoints, e.g. "/api-keys". */
  keysPath: z.string().regex(/^(\/[a-z0-9-]+)+$/),
  /** Path of the "who am I" endpoint, e.g. "/me". */
  whoamiPath: z.string().regex(/^(\/[a-z0-9-]+)+$/),
  /** Scopes a key needs to manage keys; the full-access scope in most products. */
  scopes: z.array(z.string()),
});

export const presetSchema = z
  .strictObject({
    product: productSchema,
    environments: environmentsSchema,
    auth: authSchema,
    keyFormat: keyFormatSchema,
    keyPolicy: keyPolicySchema,
    scopes: z.array(scopeSchema).min(1),
    access: accessSchema,
    keyTemplates: z.array(keyTemplateSchema),
    collections: z.array(collectionSchema),
    endpoints: z.array(endpointSchema).min(1),
    management: managementSchema,
    errorFormat: errorFormatSchema,
    errors: z.array(errorSchema),
    rateLimits: rateLimitsSchema,
    webhooks: webhooksSchema,
    monitoring: monitoringSchema,
  })
  .superRefine((preset, ctx) => {
    const scopeIds = new Set(preset.scopes.map((s) => s.id));
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    duplicates(preset.scopes.map((s) => s.id)).forEach((id) =>
      fail(['scopes'], `Scope \`${id}\` is defined twice; give each scope one entry.`),
    );
    const grantsAll = preset.scopes.filter((s) => s.grantsAll);
    if (grantsAll.length !== 1) {
      fail(['scopes'], `Mark exactly one scope with \`grantsAll: true\` (the full-access scope); found ${grantsAll.length}.`);
    }

    const unknownScope = (path: (string | number)[], owner: string, scope: string) =>
      fail(path, `${owner} requires scope \`${scope}\`, which is not defined in \`scopes\`. Add it there or fix the spelling.`);

    preset.endpoints.forEach((endpoint, i) => {
      endpoint.scopes.forEach((scope) => {
        if (!scopeIds.has(scope)) unknownScope(['endpoints', i, 'scopes'], `endpoint \`${endpoint.method} ${endpoint.path}\``, scope);
      });
      const action = endpoint.action;
      if ('collection' in action && !preset.collections.some((c) => c.id === action.collection)) {
        fail(
          ['endpoints', i, 'action'],
          `endpoint \`${endpoint.id}\` works on collection \`${action.collection}\`, which is not defined in \`collections\`.`,
        );
      }
      if (action.type === 'example' && !endpoint.responses?.some((r) => r.status === endpoint.successStatus)) {
        fail(
          ['endpoints', i, 'responses'],
          `endpoint \`${endpoint.id}\` answers its documented example, but \`responses\` has none for status ${endpoint.successStatus}. Add one.`,
        );
      }
      const params = [...endpoint.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
      if (params.length && params.at(-1) !== 'id') {
        fail(
          ['endpoints', i, 'path'],
          `endpoint \`${endpoint.id}\`: the last path parameter must be \`{id}\`, e.g. "/domains/{domain}/records/{id}".`,
        );
      } else if (params.slice(0, -1).some((name) => name === 'id' || !/^[a-z][a-z0-9_]*$/.test(name))) {
        fail(
          ['endpoints', i, 'path'],
          `endpoint \`${endpoint.id}\`: path parameters before \`{id}\` are snake_case names other than \`id\`, e.g. "{domain_name}".`,
        );
      }
    });
    duplicates(preset.endpoints.map((e) => e.id)).forEach((id) =>
      fail(['endpoints'], `Endpoint id \`${id}\` is used twice; each endpoint needs its own id.`),
    );
    duplicates(preset.endpoints.map((e) => `${e.method} ${e.path}`)).forEach((route) =>
      fail(['endpoints'], `Two endpoints answer \`${route}\`; remove one.`),
    );
    const reserved = [preset.management.keysPath, preset.management.whoamiPath];
    preset.endpoints.forEach((endpoint, i) => {
      if (reserved.some((path) => endpoint.path === path || endpoint.path.startsWith(`${path}/`))) {
        fail(
          ['endpoints', i, 'path'],
          `\`${endpoint.path}\` is reserved for key management and "who am I"; Keyport adds those endpoints itself.`,
        );
      }
    });
    preset.management.scopes.forEach((scope) => {
      if (!scopeIds.has(scope)) unknownScope(['management', 'scopes'], 'key management', scope);
    });

    preset.keyTemplates.forEach((template, i) =>
      template.scopes.forEach((scope) => {
        if (!scopeIds.has(scope)) unknownScope(['keyTemplates', i, 'scopes'], `key template \`${template.name}\``, scope);
      }),
    );

    const tierIds = new Set(preset.rateLimits.tiers.map((t) => t.id));
    if (!tierIds.has(preset.rateLimits.sandboxTier)) {
      fail(
        ['rateLimits', 'sandboxTier'],
        `\`sandboxTier\` is \`${preset.rateLimits.sandboxTier}\`, but the tiers are ${[...tierIds].map((t) => `\`${t}\``).join(', ')}.`,
      );
    }
    if (preset.access.mode === 'account-role') {
      const { roles, sandboxRole } = preset.access;
      roles.forEach((role, i) => {
        role.scopes.forEach((scope) => {
          if (!scopeIds.has(scope)) unknownScope(['access', 'roles', i, 'scopes'], `role \`${role.id}\``, scope);
        });
        if (!tierIds.has(role.rateLimitTier)) {
          fail(
            ['access', 'roles', i, 'rateLimitTier'],
            `role \`${role.id}\` uses rate-limit tier \`${role.rateLimitTier}\`, which is not defined in \`rateLimits.tiers\`.`,
          );
        }
      });
      if (!roles.some((role) => role.id === sandboxRole)) {
        fail(['access', 'sandboxRole'], `\`sandboxRole\` is \`${sandboxRole}\`, which is not one of the roles.`);
      }
    }

    const errorIds = new Set(preset.errors.map((e) => e.id));
    // Errors tied to a feature exist exactly when the feature does, so the docs never list
    // an error a reader cannot meet.
    const featureErrors: Record<string, { enabled: boolean; off: string; fix: string }> = {
      ip_not_allowed: { enabled: preset.keyPolicy.ipAllowlist, off: '`keyPolicy.ipAllowlist` is false', fix: 'turn the setting on' },
      inactive_api_key: { enabled: preset.keyPolicy.canDisable, off: '`keyPolicy.canDisable` is false', fix: 'turn the setting on' },
      // Every key of a full-access-only API holds the full-access scope, so none can lack one.
      insufficient_scope: {
        enabled: !fullAccessOnly(preset),
        off: '`scopes` holds only the full-access scope',
        fix: 'add the scopes endpoints require',
      },
    };
    REQUIRED_ERROR_IDS.forEach((id) => {
      const { enabled, off, fix } = featureErrors[id] ?? { enabled: true, off: '', fix: '' };
      if (enabled && !errorIds.has(id)) {
        fail(
          ['errors'],
          `The sandbox raises \`${id}\`, but \`errors\` does not describe it. Add an entry with its status, message, cause and fix.`,
        );
      }
      if (!enabled && errorIds.has(id)) {
        fail(['errors'], `\`errors\` describes \`${id}\`, but ${off}, so it can never happen. Remove the entry or ${fix}.`);
      }
    });
    duplicates(preset.errors.map((e) => e.id)).forEach((id) => fail(['errors'], `Error \`${id}\` is described twice.`));
    preset.errors.forEach((error, i) => {
      if (error.status === 401 && !error.authReason) {
        fail(
          ['errors', i, 'authReason'],
          `Error \`${error.id}\` is a 401: say why with \`authReason\` (missing, invalid, revoked, …) so the SDK can report it.`,
        );
      }
    });

    duplicates(preset.collections.map((c) => c.id)).forEach((id) => fail(['collections'], `Collection \`${id}\` is defined twice.`));
    preset.collections.forEach((collection, i) => {
      collection.seed.forEach((record, j) => {
        const result = collection.fields.safeParse(record);
        if (!result.success) {
          fail(
            ['collections', i, 'seed', j],
            `Sample record ${j} of \`${collection.id}\` does not match its fields: ${result.error.issues[0]?.message} at \`${result.error.issues[0]?.path.join('.')}\`.`,
          );
        }
      });
    });
  });

export type PresetInput = z.input<typeof presetSchema>;
export type Preset = z.output<typeof presetSchema>;

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
}
