import { RosterError } from '../errors/roster-error.js';

/**
 * What nobody may do to the organization's owner while the organization
 * exists (DESIGN rule 1). Demotion and restrictions would take away the top
 * role the owner must keep; ownership moves only by `transferOwnership`.
 */
export const ownerProtectedActions = [
  'deactivate',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'deleteOwnAccount',
] as const;

/** An action from {@link ownerProtectedActions}. */
export type OwnerProtectedAction = (typeof ownerProtectedActions)[number];

/**
 * Refuses an owner-protected action on the organization's owner.
 *
 * @returns `OWNER_PROTECTED` when `accountId` is the owner and `action` is
 * protected; `undefined` when the action may go on.
 *
 * @example
 * ```ts
 * checkOwnerProtection({ accountId: org.ownerId, ownerId: org.ownerId, action: 'deactivate' });
 * // RosterError OWNER_PROTECTED
 * ```
 */
export function checkOwnerProtection(input: {
  readonly accountId: string;
  readonly ownerId: string;
  readonly action: string;
}): RosterError<'OWNER_PROTECTED'> | undefined {
  if (input.accountId !== input.ownerId) return undefined;
  if (!(ownerProtectedActions as readonly string[]).includes(input.action)) return undefined;
  const what: Record<OwnerProtectedAction, string> = {
    deactivate: 'deactivated',
    removeFromTeam: 'removed from the team',
    changeRole: 'given another role',
    setRestrictions: 'restricted',
    deleteOwnAccount: 'deleted while the organization exists (delete the organization instead)',
  };
  return new RosterError(
    'OWNER_PROTECTED',
    `The organization owner cannot be ${what[input.action as OwnerProtectedAction]}. Transfer ownership to another active member first.`,
    { accountId: input.accountId, action: input.action },
  );
}

/**
 * Checks the new owner of a `transferOwnership`: another account, active, and
 * a member of the default space (DESIGN rule 1).
 *
 * @returns `INVALID_INPUT` naming `to` when the target cannot own the
 * organization; `undefined` when it can.
 *
 * @example
 * ```ts
 * checkOwnershipTransfer({ ownerId: 'acc_1', to: { accountId: 'acc_2', status: 'active', isMemberOfDefaultSpace: true } });
 * // undefined: allowed
 * ```
 */
export function checkOwnershipTransfer(input: {
  readonly ownerId: string;
  readonly to: {
    readonly accountId: string;
    readonly status: string;
    readonly isMemberOfDefaultSpace: boolean;
  };
}): RosterError<'INVALID_INPUT'> | undefined {
  const reason =
    input.to.accountId === input.ownerId
      ? 'is already the owner'
      : input.to.status !== 'active'
        ? `is ${input.to.status}, not active`
        : !input.to.isMemberOfDefaultSpace
          ? 'is not a member of the default space'
          : undefined;
  if (reason === undefined) return undefined;
  return new RosterError(
    'INVALID_INPUT',
    `Ownership can only move to another active member; this account ${reason}.`,
    {
      issues: [{ path: ['to'], message: `The new owner ${reason}` }],
    },
  );
}
