/**
 * Turns a preset into the API model everything else reads: validated, with the built-in
 * endpoints added. Lookups on it (environments, scopes, errors) are zod-free, in `runtime/`.
 */
import { z } from 'zod';
import { builtinEndpoints } from './builtins.ts';
import { endpointSchema, type Endpoint } from './schema/endpoints.ts';
import { presetSchema, type Preset, type PresetInput } from './schema/index.ts';
import { apiBodySchema } from './text-rules.ts';

export interface ApiModel extends Preset {
  /**
   * The preset's endpoints followed by "who am I" and key management. Their bodies refuse unknown
   * fields and text the API does not accept (`text-rules.ts`).
   */
  endpoints: Endpoint[];
}

export class PresetConfigError extends Error {
  override name = 'PresetConfigError';
}

/** Validates a preset; throws a `PresetConfigError` listing every problem and where it is. */
export function buildModel(input: PresetInput, label = 'preset'): ApiModel {
  const result = presetSchema.safeParse(input);
  if (!result.success) throw new PresetConfigError(formatIssues(label, result.error));
  const preset = result.data;
  const builtins = z.array(endpointSchema).parse(builtinEndpoints(preset.management, preset.keyPolicy.nameMaxLength));
  const endpoints = [...preset.endpoints, ...builtins].map((endpoint) =>
    endpoint.body ? { ...endpoint, body: apiBodySchema(endpoint.body) } : endpoint,
  );
  const clashes = keyParamClashes(preset, endpoints);
  if (clashes.length) throw new PresetConfigError(`The Keyport ${label} is not valid:\n${clashes.map((line) => `- ${line}`).join('\n')}`);
  return { ...preset, endpoints };
}

/**
 * A query parameter that carries the key cannot also be one of an endpoint's own (built-in ones
 * included, e.g. `limit`): the sandbox would read it as the key.
 */
function keyParamClashes(preset: Preset, endpoints: Endpoint[]): string[] {
  return preset.auth.schemes.flatMap((scheme) => {
    if (scheme.type !== 'query') return [];
    const taking = endpoints.filter((endpoint) => Object.keys(endpoint.query?.shape ?? {}).includes(scheme.name));
    if (!taking.length) return [];
    const routes = taking.map((endpoint) => `\`${endpoint.method} ${endpoint.path}\``).join(', ');
    return [
      `auth.schemes: the query parameter \`${scheme.name}\` carries the API key, but ${taking.length === 1 ? 'endpoint' : 'endpoints'} ${routes} ${taking.length === 1 ? 'takes' : 'take'} a parameter of that name too. Rename the key's parameter.`,
    ];
  });
}

function formatIssues(label: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown setting ${issue.keys.map((key) => `\`${key}\``).join(', ')}: check the spelling, or remove it.`
        : issue.message;
    return `- ${where}: ${message}`;
  });
  return `The Keyport ${label} is not valid:\n${lines.join('\n')}`;
}
