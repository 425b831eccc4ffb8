import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

/**
 * DESIGN rule 1: the owner's account is neither deactivated nor deleted;
 * the owner's membership of the default space is fixed, and elsewhere the
 * owner's memberships are the owner's alone to manage.
 */
export function ownerRules({ cannot }: Rules, { actor, isOwner }: ActorFacts): void {
  const { ownerId, defaultSpaceId } = actor.organization;
  for (const action of ['deactivate', 'deleteOwnAccount'] as const) {
    cannot(action, 'Account', { id: ownerId }).because(ruleReasons.owner(action));
  }
  if (isOwner) return;
  for (const action of [
    'removeFromTeam',
    'changeRole',
    'setRestrictions',
    'addToTeam',
    'setManager',
  ] as const) {
    cannot(action, 'Membership', { accountId: ownerId }).because(ruleReasons.owner(action));
  }
  cannot('assignGroups', 'Membership', {
    accountId: ownerId,
    spaceId: { $ne: defaultSpaceId },
  }).because(ruleReasons.owner('assignGroups'));
}
