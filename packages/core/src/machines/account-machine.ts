import type { AccountStatus } from '../model/account.js';
import type { Assert, Equals } from '../model/type-equals.js';
import { type LifecycleContext, lifecycleGuards } from './lifecycle-context.js';
import { defineMachine, type EffectOf, type EventOf, type StateOf } from './machine.js';

const table = {
  id: 'account',
  initial: 'pending',
  states: {
    pending: {
      description: 'Invited, not yet accepted. Cannot sign in.',
      on: {
        acceptInvitation: {
          target: 'active',
          guards: [],
          effects: ['consumeInvitation', 'startMembershipPeriod'],
          description: 'The invitee opens the link and completes their profile.',
        },
        resendInvitation: {
          target: 'pending',
          guards: [],
          effects: ['rotateInvitationToken', 'sendInvitation'],
          description: 'A new token and expiry replace the old ones, which stop working.',
        },
        revokeInvitation: {
          target: 'deleted',
          guards: [],
          effects: ['revokeInvitation', 'erasePersonalData'],
          description: 'The invitation is withdrawn and the pending account disappears.',
        },
        declineInvitation: {
          target: 'deleted',
          guards: [],
          effects: ['declineInvitation', 'erasePersonalData'],
          description: 'The invitee turns the invitation down; the pending account disappears.',
        },
        deleteOrganization: {
          target: 'deleted',
          guards: [],
          effects: ['erasePersonalData'],
          description: 'Deleting the organization deletes every account in it.',
        },
      },
    },
    active: {
      description: 'Can sign in.',
      on: {
        deactivate: {
          target: 'deactivated',
          guards: ['notOwner', 'profileComplete', 'reportsReassigned'],
          effects: ['clearGroups', 'reassignReports', 'runResourceHandlers', 'revokeSessions'],
          description:
            'Removed from every group and signed out; membership, role and history are kept.',
        },
        deleteOwnAccount: {
          target: 'deleted',
          guards: ['notOwner', 'reportsReassigned'],
          effects: [
            'endMemberships',
            'reassignReports',
            'runResourceHandlers',
            'revokeSessions',
            'erasePersonalData',
          ],
          description: 'The person deletes their own account; nobody else can.',
        },
        deleteOrganization: {
          target: 'deleted',
          guards: [],
          effects: ['revokeSessions', 'erasePersonalData'],
          description: 'Deleting the organization deletes every account in it, the owner’s too.',
        },
      },
    },
    deactivated: {
      description: 'Cannot sign in; membership, role and history are kept.',
      on: {
        reactivate: {
          target: 'active',
          guards: ['profileComplete'],
          effects: [],
          description: 'Same account and credentials; groups are not restored.',
        },
        deleteOwnAccount: {
          target: 'deleted',
          guards: ['notOwner', 'reportsReassigned'],
          effects: [
            'endMemberships',
            'reassignReports',
            'runResourceHandlers',
            'erasePersonalData',
          ],
          description: 'The person deletes their own account; nobody else can.',
        },
        deleteOrganization: {
          target: 'deleted',
          guards: [],
          effects: ['erasePersonalData'],
          description: 'Deleting the organization deletes every account in it.',
        },
      },
    },
    deleted: {
      description: 'Personal data erased; audit events keep the id as a pseudonym. Final.',
      final: true,
      on: {},
    },
  },
} as const;

/**
 * The account lifecycle (DESIGN §3): `pending → active ⇄ deactivated`, and
 * `→ deleted` (final). Apply it with {@link transition}; ask {@link can}
 * whether an event applies at all.
 *
 * @example
 * ```ts
 * import { accountMachine, transition } from '@rosterkit/core';
 *
 * const result = transition(accountMachine, 'deactivated', 'reactivate', {
 *   accountId: 'acc_2', ownerId: 'acc_1', person: { firstName: 'Bo', lastName: 'Li' },
 * });
 * // { ok: true, state: 'active', effects: [] }
 * ```
 */
export const accountMachine = defineMachine<typeof table, LifecycleContext>(table, lifecycleGuards);

/** The account lifecycle's table type. */
export type AccountMachineTable = typeof table;
/** An account state: `pending`, `active`, `deactivated` or `deleted`. */
export type AccountState = StateOf<AccountMachineTable>;
// The table's states are the model's account statuses, no more and no fewer.
type _StatesAreTheModels = Assert<Equals<AccountState, AccountStatus>>;
/** An event the account lifecycle accepts. */
export type AccountEvent = EventOf<AccountMachineTable>;
/** An effect the account lifecycle asks its caller to perform. */
export type AccountEffect = EffectOf<AccountMachineTable>;
/** What the account lifecycle's guards read. */
export type AccountContext = LifecycleContext;
