import { RosterError } from '../errors/roster-error.js';

/**
 * The actions on one's own access that nobody may take on themselves (DESIGN
 * rule 3). Editing one's own name and profile is not among them.
 */
export const selfProtectedActions = [
  'changeRole',
  'setRestrictions',
  'addToTeam',
  'removeFromTeam',
  'deactivate',
  'reactivate',
] as const;

/** An action from {@link selfProtectedActions}. */
export type SelfProtectedAction = (typeof selfProtectedActions)[number];

/**
 * Refuses an actor acting on their own access.
 *
 * @returns `SELF_ACTION` when the actor is the target and the action is in
 * {@link selfProtectedActions}; `undefined` otherwise.
 *
 * @example
 * ```ts
 * checkSelfAction({ actorId: 'acc_2', targetId: 'acc_2', action: 'changeRole' });    // SELF_ACTION
 * checkSelfAction({ actorId: 'acc_2', targetId: 'acc_2', action: 'updateProfile' }); // undefined
 * ```
 */
export function checkSelfAction(input: {
  readonly actorId: string;
  readonly targetId: string;
  readonly action: string;
}): RosterError<'SELF_ACTION'> | undefined {
  if (input.actorId !== input.targetId) return undefined;
  if (!(selfProtectedActions as readonly string[]).includes(input.action)) return undefined;
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
    case 'deactivate':
      return 'deactivate';
    case 'reactivate':
      return 'reactivate';
  }
}
