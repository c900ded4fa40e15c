/** Looking up the model's environments, which always include `live` and `test`. */
import type { Environment, EnvironmentId } from '../schema/environments.ts';

interface WithEnvironments<E> {
  environments: readonly E[];
}

export function environment<E extends Pick<Environment, 'id'>>(model: WithEnvironments<E>, id: EnvironmentId): E {
  return model.environments.find((env) => env.id === id)!;
}

/** The environment a key belongs to by its prefix, if any. */
export function environmentOfKey<E extends Pick<Environment, 'keyPrefix'>>(model: WithEnvironments<E>, key: string): E | undefined {
  return model.environments.find((env) => key.startsWith(env.keyPrefix));
}
