import { RosterError } from '../errors/roster-error.js';
import { ownerManagedActions } from './owner-protection.js';

/**
 * The actions on one's own access that nobody may take on themselves (DESIGN
 * rule 3): one's role, restrictions, spaces, groups and manager, and one's
 * own deactivation. Editing one's own name and profile is not among them.
 */
export const selfProtectedActions = [
  'changeRole',
  'setRestrictions',
  'addToTeam',
  'removeFromTeam',
  'assignGroups',
  'setManager',
  'deactivate',
  'reactivate',
] as const;

/** An action from {@link selfProtectedActions}. */
export type SelfProtectedAction = (typeof selfProtectedActions)[number];

/**
 * Refuses an actor acting on their own access. The one exception is the
 * organization's owner, who manages their own memberships of spaces other
 * than the default one (see {@link ownerManagedActions}): nobody else may
 * (DESIGN rule 1), and the owner holds every right already.
 *
 * @param input.actorId - who acts.
 * @param input.targetId - the account acted on.
 * @param input.action - the command.
 * @param input.ownerId - the organization's owner, for the owner's exception.
 * @param input.spaceId - the space of the membership acted on, for membership actions.
 * @param input.defaultSpaceId - the organization's default space.
 * @returns `SELF_ACTION` when the actor is the target and the action is in
 * {@link selfProtectedActions}; `undefined` otherwise.
 *
 * @example
 * ```ts
 * checkSelfAction({ actorId: 'acc_2', targetId: 'acc_2', action: 'changeRole' });    // SELF_ACTION
 * checkSelfAction({ actorId: 'acc_2', targetId: 'acc_2', action: 'assignGroups' });  // SELF_ACTION
 * checkSelfAction({ actorId: 'acc_2', targetId: 'acc_2', action: 'updateProfile' }); // undefined
 * ```
 */
export function checkSelfAction(input: {
  readonly actorId: string;
  readonly targetId: string;
  readonly action: string;
  readonly ownerId?: string;
  readonly spaceId?: string;
  readonly defaultSpaceId?: string;
}): RosterError<'SELF_ACTION'> | undefined {
  if (input.actorId !== input.targetId) return undefined;
  if (!(selfProtectedActions as readonly string[]).includes(input.action)) return undefined;
  const ownerElsewhere =
    input.ownerId === input.actorId &&
    input.spaceId !== undefined &&
    input.defaultSpaceId !== undefined &&
    input.spaceId !== input.defaultSpaceId;
  if (ownerElsewhere && (ownerManagedActions as readonly string[]).includes(input.action)) {
    return undefined;
  }
  return new RosterError(
    'SELF_ACTION',
    `You cannot ${input.action === 'removeFromTeam' ? 'remove yourself from the team' : `${describe(input.action as SelfProtectedAction)} your own account`}; another person who manages users must do it.`,
    { accountId: input.actorId, action: input.action },
  );
}

function describe(action: SelfProtectedAction): string {
  switch (action) {
    case 'changeRole':
      return 'change the role of';
    case 'setRestrictions':
      return 'change the restrictions of';
    case 'addToTeam':
      return 'change the spaces of';
    case 'removeFromTeam':
      return 'remove';
    case 'assignGroups':
      return 'change the groups of';
    case 'setManager':
      return 'set the manager of';
    case 'deactivate':
      return 'deactivate';
    case 'reactivate':
      return 'reactivate';
  }
}
