import type { MembershipState } from '../model/membership.js';
import type { Assert, Equals } from '../model/type-equals.js';
import { type LifecycleContext, lifecycleGuards } from './lifecycle-context.js';
import { defineMachine, type EffectOf, type EventOf, type StateOf } from './machine.js';

const table = {
  id: 'membership',
  initial: 'account-only',
  states: {
    'account-only': {
      description:
        'Has an account in the organization but no access to this space; still on All Users.',
      on: {
        addToTeam: {
          target: 'member',
          guards: [],
          effects: ['startMembershipPeriod'],
          description:
            'Same account, no duplicate; a new period starts with the role chosen again.',
        },
      },
    },
    member: {
      description: 'Has access to the space with a role, restrictions, groups and a manager.',
      on: {
        removeFromTeam: {
          target: 'account-only',
          guards: ['notOwner', 'reportsReassigned'],
          effects: ['endMembershipPeriod', 'clearGroups', 'reassignReports', 'runResourceHandlers'],
          description:
            'The period ends and is kept in history; groups are cleared; the account stays.',
        },
      },
    },
  },
} as const;

/**
 * Membership of one space (DESIGN §3): `member ⇄ account-only`. Removing
 * ends the current period and keeps the account; adding back restores the
 * same record with a new period.
 *
 * @example
 * ```ts
 * import { membershipMachine, transition } from '@rosterkit/core';
 *
 * transition(membershipMachine, 'member', 'removeFromTeam', { accountId: 'acc_2', ownerId: 'acc_1' });
 * // { ok: true, state: 'account-only', effects: ['endMembershipPeriod', 'clearGroups', ...] }
 * ```
 */
export const membershipMachine = defineMachine<typeof table, LifecycleContext>(
  table,
  lifecycleGuards,
);

/** The membership lifecycle's table type. */
export type MembershipMachineTable = typeof table;
/** A membership state: `member` or `account-only`. */
export type MembershipLifecycleState = StateOf<MembershipMachineTable>;
// The table's states are the model's membership states, no more and no fewer.
type _StatesAreTheModels = Assert<Equals<MembershipLifecycleState, MembershipState>>;
/** An event the membership lifecycle accepts. */
export type MembershipEvent = EventOf<MembershipMachineTable>;
/** An effect the membership lifecycle asks its caller to perform. */
export type MembershipEffect = EffectOf<MembershipMachineTable>;
/** What the membership lifecycle's guards read. */
export type MembershipContext = LifecycleContext;
