import type { RuleAction } from '../role-rule.js';
import type { ActorFacts } from './actor-facts.js';
import { cannotOutrank, type Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

const editing: RuleAction[] = ['defineRole', 'updateRole'];

/**
 * DESIGN rule 4 for defining roles: nobody defines, changes or deletes a
 * role ranked above their own, nor gives a role a permission they lack (an
 * organization-wide role, one they lack across the organization); no stored
 * role reaches the owner's rank; and nobody changes or deletes a role they
 * hold (rule 3: their own access).
 */
export function roleDefinitionRules(rules: Rules, facts: ActorFacts): void {
  const { cannot } = rules;
  const { roleSet, rank, holdings } = facts;
  cannotOutrank(rules, 'role', [...editing, 'deleteRole'], 'Role', {
    rank: { $gt: rank },
  }).because(ruleReasons.grantRank);
  cannot(editing, 'Role', { rank: { $gte: roleSet.ownerRole.rank } }).because(
    ruleReasons.ownerRank,
  );
  const held = new Set(holdings.flatMap((h) => h.role.permissions));
  const heldOrgWide = new Set(
    holdings.filter((h) => h.spaceIds === null).flatMap((h) => h.role.permissions),
  );
  const all = roleSet.storedRoles.permissions;
  const lacking = all.filter((permission) => !held.has(permission as never));
  if (lacking.length > 0) {
    cannot(editing, 'Role', { permissions: { $in: lacking } }).because(
      ruleReasons.lackedPermission,
    );
  }
  const lackingOrgWide = all.filter(
    (permission) => held.has(permission as never) && !heldOrgWide.has(permission as never),
  );
  if (lackingOrgWide.length > 0) {
    cannot(editing, 'Role', {
      scope: 'organization',
      permissions: { $in: lackingOrgWide },
    }).because(ruleReasons.lackedPermission);
  }
  const mine = holdings.map((h) => h.role.name);
  if (mine.length > 0) {
    cannot(['updateRole', 'deleteRole'], 'Role', { name: { $in: mine } }).because(
      ruleReasons.ownRole,
    );
  }
}
