import { RosterError } from '../errors/roster-error.js';

/**
 * Refuses privilege escalation (DESIGN rule 4): granting a role ranked above
 * the actor's own, or acting on an account ranked above the actor. Ranks are
 * numbers where a larger number means more authority; equal ranks are allowed.
 *
 * @param input.actorRank - the rank of the actor's role.
 * @param input.targetRank - the rank of the account acted on, if any.
 * @param input.grantedRank - the rank of the role being granted, if any.
 * @returns `RANK_EXCEEDED` for the first violation; `undefined` when neither rank exceeds the actor's.
 *
 * @example
 * ```ts
 * checkRank({ actorRank: 50, grantedRank: 90 }); // RANK_EXCEEDED, target 'role'
 * checkRank({ actorRank: 50, targetRank: 10, grantedRank: 50 }); // undefined
 * ```
 */
export function checkRank(input: {
  readonly actorRank: number;
  readonly targetRank?: number;
  readonly grantedRank?: number;
}): RosterError<'RANK_EXCEEDED'> | undefined {
  const { actorRank, targetRank, grantedRank } = input;
  // Written as !(x <= y) so that a NaN rank (a role that failed to resolve) refuses, never allows.
  if (targetRank !== undefined && !(targetRank <= actorRank)) {
    return new RosterError(
      'RANK_EXCEEDED',
      'You cannot act on an account whose role ranks above yours.',
      {
        actorRank,
        targetRank,
        target: 'account',
      },
    );
  }
  if (grantedRank !== undefined && !(grantedRank <= actorRank)) {
    return new RosterError('RANK_EXCEEDED', 'You cannot grant a role that ranks above your own.', {
      actorRank,
      targetRank: grantedRank,
      target: 'role',
    });
  }
  return undefined;
}
