import { RosterError } from '../errors/roster-error.js';

/** One transition of a machine table: where an event leads, what must hold, what to do. */
export interface TransitionSpec {
  /** The state the event leads to. */
  readonly target: string;
  /** Names of the guards that must all pass, in order; the first to fail refuses the event. */
  readonly guards: readonly string[];
  /** Names of the effects the caller performs, in order, in the same transaction as the change. */
  readonly effects: readonly string[];
  /** One sentence for people, shown in the docs. */
  readonly description: string;
}

/** One state of a machine table. */
export interface StateSpec {
  /** One sentence for people, shown in the docs. */
  readonly description: string;
  /** A final state accepts no event. */
  readonly final?: boolean;
  /** The events this state accepts, and where each leads. */
  readonly on: { readonly [event: string]: TransitionSpec };
}

/** A lifecycle machine as data: the single table that code, docs and tests read. */
export interface MachineTable {
  /** The machine's name, used in errors (`'account'`). */
  readonly id: string;
  /** The state a new record starts in. */
  readonly initial: string;
  /** Every state and its transitions. */
  readonly states: { readonly [state: string]: StateSpec };
}

/**
 * A guard: a pure check run before a transition, given the caller's context
 * and the event, returning the error that refuses it, or `undefined` to let
 * it through.
 *
 * @typeParam C - what the guard reads.
 */
export type Guard<C> = (context: C, event: string) => RosterError | undefined;

/** A machine: its table, the guards the table names, and the list of its states. */
export interface Machine<T extends MachineTable, C> {
  /** The machine's name. */
  readonly id: T['id'];
  /** The initial state. */
  readonly initial: T['initial'];
  /** The transition table. */
  readonly states: T['states'];
  /** Every state name, in table order (for zod enums and diagrams). */
  readonly stateNames: readonly [StateOf<T>, ...StateOf<T>[]];
  /** The implementation of every guard the table names. */
  readonly guards: { readonly [G in GuardOf<T>]: Guard<C> };
}

/** The states of a machine table. */
export type StateOf<T extends MachineTable> = keyof T['states'] & string;
/** The events of a machine table, in any state. */
export type EventOf<T extends MachineTable> = {
  [S in keyof T['states']]: keyof T['states'][S]['on'];
}[keyof T['states']] &
  string;
/** The guard names a machine table uses. */
export type GuardOf<T extends MachineTable> = {
  [S in keyof T['states']]: {
    [E in keyof T['states'][S]['on']]: T['states'][S]['on'][E]['guards'][number];
  }[keyof T['states'][S]['on']];
}[keyof T['states']] &
  string;
/** The effect names a machine table uses. */
export type EffectOf<T extends MachineTable> = {
  [S in keyof T['states']]: {
    [E in keyof T['states'][S]['on']]: T['states'][S]['on'][E]['effects'][number];
  }[keyof T['states'][S]['on']];
}[keyof T['states']] &
  string;

/**
 * What {@link transition} returns: the next state and the effects to perform,
 * or why not, with the name of the guard that refused (absent when the table
 * has no such transition).
 */
export type TransitionResult<T extends MachineTable> =
  | { readonly ok: true; readonly state: StateOf<T>; readonly effects: readonly EffectOf<T>[] }
  | { readonly ok: false; readonly error: RosterError; readonly guard?: GuardOf<T> };

/**
 * Builds a machine from its table and the implementations of the guards the
 * table names. The table should be written `as const` so that states, events,
 * guards and effects are literal types.
 *
 * @example
 * ```ts
 * const door = defineMachine(
 *   { id: 'door', initial: 'closed', states: {
 *     closed: { description: 'Shut.', on: { open: { target: 'open', guards: [], effects: ['creak'], description: 'Open it.' } } },
 *     open: { description: 'Wide open.', on: {} },
 *   } } as const,
 *   {},
 * );
 * ```
 */
export function defineMachine<const T extends MachineTable, C>(
  table: T,
  guards: { readonly [G in GuardOf<T>]: Guard<C> },
): Machine<T, C> {
  const stateNames = Object.keys(table.states) as StateOf<T>[];
  if (!stateNames.includes(table.initial as StateOf<T>)) {
    throw new TypeError(
      `Machine "${table.id}": initial state "${table.initial}" is not in its table`,
    );
  }
  for (const [state, spec] of Object.entries(table.states)) {
    for (const [event, next] of Object.entries(spec.on)) {
      if (!Object.hasOwn(table.states, next.target)) {
        throw new TypeError(
          `Machine "${table.id}": ${state} --${event}--> unknown state "${next.target}"`,
        );
      }
    }
  }
  // transition() hands out the table's own effect arrays: freeze them so that no
  // caller can change a machine for everyone else in the process.
  deepFreeze(table);
  return {
    id: table.id,
    initial: table.initial,
    states: table.states,
    stateNames: stateNames as unknown as readonly [StateOf<T>, ...StateOf<T>[]],
    guards,
  };
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  for (const child of Object.values(value)) deepFreeze(child);
  Object.freeze(value);
}

function specFor(
  states: MachineTable['states'],
  from: string,
  event: string,
): TransitionSpec | undefined {
  const state = Object.hasOwn(states, from) ? states[from] : undefined;
  if (state === undefined || !Object.hasOwn(state.on, event)) return undefined;
  return state.on[event];
}

/**
 * Whether the table has a transition for `event` from `from` (guards aside).
 * Pure; use it to show or hide an action in a UI.
 *
 * @example
 * ```ts
 * can(accountMachine, 'deactivated', 'reactivate'); // true
 * can(accountMachine, 'pending', 'deactivate');     // false
 * ```
 */
export function can<T extends MachineTable, C>(
  machine: Machine<T, C>,
  from: StateOf<T>,
  event: EventOf<T>,
): boolean {
  return specFor(machine.states, from, event) !== undefined;
}

/**
 * Applies `event` to a record in state `from`: runs the transition's guards
 * against `context`, then returns the next state and the effects the caller
 * must perform. Pure: it reads only its arguments and does no I/O.
 *
 * Refusals are returned, not thrown: `INVALID_TRANSITION` (with `machine`,
 * `from` and `event`) when the table has no such transition, or the error of
 * the first guard that fails, with that guard's name as `guard`.
 *
 * @example
 * ```ts
 * const result = transition(accountMachine, 'active', 'deactivate', {
 *   accountId: 'acc_2', ownerId: 'acc_1', person: { firstName: 'Bo', lastName: 'Li' },
 * });
 * if (result.ok) console.log(result.state, result.effects); // 'deactivated', ['clearGroups', ...]
 * else throw result.error;
 * ```
 */
export function transition<T extends MachineTable, C>(
  machine: Machine<T, C>,
  from: StateOf<T>,
  event: EventOf<T>,
  context: C,
): TransitionResult<T> {
  const spec = specFor(machine.states, from, event);
  if (spec === undefined) {
    return {
      ok: false,
      error: new RosterError(
        'INVALID_TRANSITION',
        `Cannot ${String(event)} ${/^[aeiou]/i.test(machine.id) ? 'an' : 'a'} ${machine.id} that is ${String(from)}.`,
        { machine: machine.id, from: String(from), event: String(event) },
      ),
    };
  }
  const guards = machine.guards as Readonly<Record<string, Guard<C>>>;
  for (const name of spec.guards) {
    const guard = guards[name];
    if (guard === undefined) throw new TypeError(`Machine "${machine.id}" has no guard "${name}"`);
    const error = guard(context, event);
    if (error !== undefined) return { ok: false, error, guard: name as GuardOf<T> };
  }
  return {
    ok: true,
    state: spec.target as StateOf<T>,
    effects: spec.effects as readonly EffectOf<T>[],
  };
}
