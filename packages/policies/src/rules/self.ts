import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

/**
 * DESIGN rule 3: nobody deactivates or reactivates themselves, nor changes
 * their own access (the owner, outside the default space, excepted) or their
 * own manager; and an account is deleted only by its own user.
 */
export function selfRules({ cannot }: Rules, { me, isOwner, actor }: ActorFacts): void {
  for (const action of ['deactivate', 'reactivate'] as const) {
    cannot(action, 'Account', { id: me }).because(ruleReasons.self(action));
  }
  const ownAccess = isOwner
    ? { accountId: me, spaceId: actor.organization.defaultSpaceId }
    : { accountId: me };
  for (const action of [
    'changeRole',
    'setRestrictions',
    'addToTeam',
    'removeFromTeam',
    'assignGroups',
  ] as const) {
    cannot(action, 'Membership', ownAccess).because(ruleReasons.self(action));
  }
  cannot('setManager', 'Membership', { accountId: me }).because(ruleReasons.self('setManager'));
  cannot('deleteOwnAccount', 'Account', { id: { $ne: me } }).because(ruleReasons.deleteOthers);
}
