import { effectHandlers } from './effect-handlers.js';
import type { EffectScope, LifecycleEffect } from './effect-scope.js';

/**
 * Performs the effects a transition returned, in the table's order, each
 * through its handler, on one scope; the command then writes the drafts the
 * scope holds. Run it only once every check of the command passed: an effect
 * writes.
 * @internal
 */
export async function runEffects<S extends EffectScope>(
  scope: S,
  effects: readonly LifecycleEffect[],
): Promise<S> {
  for (const effect of effects) await effectHandlers[effect](scope);
  return scope;
}
