import type { EffectOf, MachineTable, StateOf, TransitionResult } from '../../machines/machine.js';

/**
 * The guards whose refusal a command reports before it asks the Policy: the
 * owner's protection (DESIGN rule 1), like nobody's-own-access (rule 3,
 * `refuseSelf`), says who may not be acted on at all, whatever the actor's
 * rights, so the caller learns that rather than a `FORBIDDEN`.
 */
const answeredBeforePolicy: ReadonlySet<string> = new Set(['notOwner']);

/**
 * Orders a transition's verdict around the Policy. `transition` is pure, so a
 * command applies it as soon as the facts its guards read are loaded; then
 * the owner's protection refuses at once, `ask` (the Policy, and the checks
 * the command makes after it) runs, and only then any other refusal of the
 * machine (the state, required profile fields, direct reports). Returns the
 * next state and the effects to run.
 * @internal
 */
export async function settleTransition<T extends MachineTable>(
  result: TransitionResult<T>,
  ask: () => Promise<void> | void,
): Promise<{ readonly state: StateOf<T>; readonly effects: readonly EffectOf<T>[] }> {
  if (!result.ok && isAnsweredBeforePolicy(result.guard)) throw result.error;
  await ask();
  if (!result.ok) throw result.error;
  return result;
}

function isAnsweredBeforePolicy(guard: string | undefined): boolean {
  return guard !== undefined && answeredBeforePolicy.has(guard);
}
