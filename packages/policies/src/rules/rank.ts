import type { RuleAction } from '../role-rule.js';
import type { ActorFacts } from './actor-facts.js';
import { cannotOutrank, type Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

const onAccounts: readonly RuleAction[] = [
  'updateProfile',
  'deactivate',
  'reactivate',
  'requestPasswordReset',
  'linkExternalId',
  'viewStatistics',
  'reassignReports',
];
const onMembers: readonly RuleAction[] = [
  'addToTeam',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'assignGroups',
  'setManager',
  'reassignReports',
];

/**
 * DESIGN rule 4: nobody grants a role above their own, nor acts on an
 * account that holds one. Each refusal is marked with the rank it compares.
 */
export function rankRules(rules: Rules, { roleSet, rank }: ActorFacts): void {
  const higherRoles = roleSet.roles.filter((role) => role.rank > rank).map((role) => role.name);
  if (higherRoles.length === 0) return;
  const higher = { $in: higherRoles };
  const { grantRank, targetRank } = ruleReasons;
  const granting: RuleAction[] = ['invite', 'resendInvitation', 'revokeInvitation'];
  cannotOutrank(rules, 'role', granting, 'Invitation', { role: higher }).because(grantRank);
  cannotOutrank(rules, 'role', 'addToTeam', 'Membership', { role: higher }).because(grantRank);
  cannotOutrank(rules, 'role', 'changeRole', 'Membership', { grantedRole: higher }).because(
    grantRank,
  );
  cannotOutrank(rules, 'account', [...onAccounts], 'Account', { roles: higher }).because(
    targetRank,
  );
  // DESIGN §8: a membership's account is ranked by every role it holds in
  // the organization, not only by this membership's.
  cannotOutrank(rules, 'account', onMembers.slice(1), 'Membership', { role: higher }).because(
    targetRank,
  );
  cannotOutrank(rules, 'account', [...onMembers], 'Membership', {
    accountRoles: higher,
  }).because(targetRank);
}
