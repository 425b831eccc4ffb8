import type { PolicyActor } from '@rosterkit/core';
import type { RoleSet } from './role-set.js';
import { type ActorFacts, actorFacts } from './rules/actor-facts.js';
import { newRules, type Rules } from './rules/builder.js';
import { customRules } from './rules/custom-rules.js';
import { defaultRefusals } from './rules/default-refusals.js';
import { emailRules } from './rules/email.js';
import { memberRules } from './rules/member-rules.js';
import { ownerRules } from './rules/owner.js';
import { permissionRules } from './rules/permission-rules.js';
import { planGateRules } from './rules/plan-gates.js';
import { rankRules } from './rules/rank.js';
import { restrictionRules } from './rules/restrictions.js';
import { roleDefinitionRules } from './rules/role-definition.js';
import type { RosterRule } from './rules/roster-rule.js';
import { scopeRules } from './rules/scope.js';
import { selfRules } from './rules/self.js';
import { tenantRules } from './rules/tenant.js';

// Lowest priority first: CASL lets a later rule override an earlier one.
const layers: readonly ((rules: Rules, facts: ActorFacts) => void)[] = [
  defaultRefusals,
  memberRules,
  permissionRules,
  customRules,
  planGateRules,
  restrictionRules,
  scopeRules,
  rankRules,
  roleDefinitionRules,
  ownerRules,
  emailRules,
  selfRules,
  tenantRules,
];

/**
 * The CASL rules of an actor under a role set, lowest priority first (CASL
 * lets later rules override earlier ones). In order:
 *
 * 1. default refusals, one per action, carrying the reason a request gets when nothing allows it;
 * 2. what every active member may do: see the organization, their own account and
 *    memberships, the people, spaces and groups of their spaces; edit their own
 *    profile fields; request their own password reset; delete their own account;
 * 3. what each role's permissions allow, across the organization or, for
 *    space-scoped roles, only in the spaces where the actor holds the role;
 * 4. each role's own rules;
 * 5. the protections, each with its reason, later ones winning: plan gates,
 *    restrictions, scope, rank of the granted role, rank of the target, the
 *    rank and permissions of a role defined, owner
 *    protection, the immutable email, no acting on one's own access, no
 *    deleting someone else's account, inactive actors, and last tenant isolation.
 *
 * @throws {@link @rosterkit/core!RosterError} `INVALID_INPUT` when a role's rule function returns a malformed rule.
 *
 * @example
 * ```ts
 * import { createMongoAbility } from '@casl/ability';
 * import { presets, rulesFor } from '@rosterkit/policies';
 *
 * const rules = rulesFor(presets.contactCenter, actor);
 * const bare = createMongoAbility(rules, { detectSubjectType: (subject) => subject.type });
 * ```
 */
export function rulesFor(roleSet: RoleSet, actor: PolicyActor): RosterRule[] {
  const rules = newRules();
  const facts = actorFacts(roleSet, actor);
  for (const layer of layers) layer(rules, facts);
  return rules.rules as RosterRule[];
}
