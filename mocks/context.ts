/**
 * What every part of the request pipeline reads: the model, the time, the randomness and the
 * current state. The state is reached through a function because another tab can replace it.
 */
import type { RandomBytes } from '../src/api/key-format.ts';
import type { ApiModel } from '../src/api/model.ts';
import type { RateWindow, SandboxState } from './state.ts';

export interface SandboxContext {
  readonly model: ApiModel;
  readonly random: RandomBytes;
  /** The injected clock plus the sandbox's fast-forward offset, in ms. */
  now(this: void): number;
  state(): SandboxState;
  /** Marks the state as changed so it is saved soon. */
  changed(): void;
  /** Failed authentications per client address in the current window; not saved (`auth-failures.ts`). */
  readonly authFailures: Record<string, RateWindow>;
}
