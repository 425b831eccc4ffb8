import { invalidInput } from '@rosterkit/core/extra';
import { z } from 'zod';
import { type RoleRule, type RoleRuleContext, roleRuleSchema } from '../role-rule.js';
import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import type { RosterRule } from './roster-rule.js';

const roleRulesSchema = z.array(roleRuleSchema);

function validated(rules: readonly RoleRule[], roleName: string): RosterRule[] {
  const parsed = roleRulesSchema.safeParse(rules);
  if (!parsed.success) throw invalidInput(`rules of role "${roleName}"`, parsed.error);
  return structuredClone(parsed.data) as RosterRule[];
}

/**
 * Each held role's own rules, as the host wrote them (a function of the
 * actor is called with what it knows of them), validated and copied.
 *
 * @throws {@link @rosterkit/core!RosterError} `INVALID_INPUT` when a role's function returns a malformed rule.
 */
export function customRules(rules: Rules, facts: ActorFacts): void {
  const { me, orgId, actor, memberSpaceIds, rank } = facts;
  for (const { role, heldIn } of facts.holdings) {
    const context: RoleRuleContext = {
      accountId: me,
      orgId,
      ownerId: actor.organization.ownerId,
      plan: actor.organization.plan,
      spaceIds: heldIn,
      memberSpaceIds,
      rank,
    };
    const custom = typeof role.rules === 'function' ? role.rules(context) : role.rules;
    rules.rules.push(...(validated(custom, role.name) as Rules['rules']));
  }
}
