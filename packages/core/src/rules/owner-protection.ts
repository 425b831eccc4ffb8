import { RosterError } from '../errors/roster-error.js';

/**
 * What nobody may do to the organization's owner while the organization
 * exists (DESIGN rule 1). Demotion and restrictions would take away the top
 * role the owner must keep; a manager would put someone above the owner.
 */
export const ownerProtectedActions = [
  'deactivate',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'deleteOwnAccount',
  'addToTeam',
  'setManager',
] as const;

/** An action from {@link ownerProtectedActions}. */
export type OwnerProtectedAction = (typeof ownerProtectedActions)[number];

/**
 * The membership actions that, outside the default space, only the owner
 * takes on the owner's memberships: someone else attaching the owner to a
 * space, or regrouping them there, could never be undone by the owner
 * otherwise. The owner may take them on themselves there (DESIGN rule 3's one
 * exception: the owner already holds every right, so nothing is escalated).
 */
export const ownerManagedActions = [
  'addToTeam',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'assignGroups',
] as const;

const what: Record<OwnerProtectedAction | 'assignGroups', string> = {
  deactivate: 'deactivated',
  removeFromTeam: 'removed from the team',
  changeRole: 'given another role',
  setRestrictions: 'restricted',
  deleteOwnAccount: 'deleted while the organization exists (delete the organization instead)',
  addToTeam: 'added to a space by someone else',
  setManager: 'given a manager',
  assignGroups: 'regrouped outside the default space by someone else',
};

/**
 * Refuses an owner-protected action on the organization's owner (DESIGN
 * rule 1). In the default space, and for the account itself, the actions of
 * {@link ownerProtectedActions} are refused to everyone. In any other space,
 * the owner's memberships are the owner's own business: every membership
 * action by someone else is refused, and the owner may take the
 * {@link ownerManagedActions} on themselves.
 *
 * @param input.accountId - the account acted on.
 * @param input.ownerId - the organization's owner.
 * @param input.action - the command.
 * @param input.actorId - who acts; with `spaceId`, lets the owner manage their own memberships beyond the default space.
 * @param input.spaceId - the space of the membership acted on, for membership actions.
 * @param input.defaultSpaceId - the organization's default space.
 * @returns `OWNER_PROTECTED` when the action may not go on; `undefined` when it may.
 *
 * @example
 * ```ts
 * checkOwnerProtection({ accountId: org.ownerId, ownerId: org.ownerId, action: 'deactivate' });
 * // RosterError OWNER_PROTECTED
 * checkOwnerProtection({ accountId: org.ownerId, ownerId: org.ownerId, action: 'addToTeam', actorId: adminId, spaceId: leedsId, defaultSpaceId: org.defaultSpaceId });
 * // RosterError OWNER_PROTECTED: only the owner attaches the owner to a space
 * ```
 */
export function checkOwnerProtection(input: {
  readonly accountId: string;
  readonly ownerId: string;
  readonly action: string;
  readonly actorId?: string;
  readonly spaceId?: string;
  readonly defaultSpaceId?: string;
}): RosterError<'OWNER_PROTECTED'> | undefined {
  if (input.accountId !== input.ownerId) return undefined;
  const elsewhere =
    input.spaceId !== undefined &&
    input.defaultSpaceId !== undefined &&
    input.spaceId !== input.defaultSpaceId;
  const membershipAction = [...ownerManagedActions, 'setManager'].includes(input.action);
  const refused =
    elsewhere && membershipAction
      ? input.actorId !== input.ownerId ||
        !(ownerManagedActions as readonly string[]).includes(input.action)
      : (ownerProtectedActions as readonly string[]).includes(input.action);
  if (!refused) return undefined;
  return new RosterError(
    'OWNER_PROTECTED',
    `The organization owner cannot be ${what[input.action as OwnerProtectedAction | 'assignGroups']}. Transfer ownership to another active member first.`,
    { accountId: input.accountId, action: input.action },
  );
}

/**
 * Refuses granting the owner role when the role set does not share it: its
 * holder is the owner alone, and it moves only by `transferOwnership`
 * (DESIGN rule 1).
 *
 * @returns `OWNER_PROTECTED` with action `grantOwnerRole` and the owner's id,
 * or `undefined` for any other role or a shared owner role.
 *
 * @example
 * ```ts
 * checkOwnerRoleGrant({ role: 'owner', ownerRole: { name: 'owner' }, ownerId: 'acc_1' });
 * // RosterError OWNER_PROTECTED
 * ```
 */
export function checkOwnerRoleGrant(input: {
  readonly role: string;
  readonly ownerRole: { readonly name: string; readonly shared?: boolean };
  readonly ownerId: string;
}): RosterError<'OWNER_PROTECTED'> | undefined {
  if (input.role !== input.ownerRole.name || input.ownerRole.shared === true) return undefined;
  return new RosterError(
    'OWNER_PROTECTED',
    `The ${input.role} role is the organization owner's alone; it moves only by transferring ownership.`,
    { accountId: input.ownerId, action: 'grantOwnerRole' },
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
