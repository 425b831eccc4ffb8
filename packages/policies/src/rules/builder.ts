import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type { RuleAction, RuleConditions, RuleSubject } from '../role-rule.js';
import type { RosterAbility, RosterRule } from './roster-rule.js';

/** CASL's builder of an actor's rules: `can` and `cannot` append, in priority order. */
export type Rules = AbilityBuilder<RosterAbility>;

/** What `can` and `cannot` return: the rule just added, to give a reason. */
export type AddedRule = ReturnType<Rules['cannot']>;

/** A builder with no rules yet. */
export function newRules(): Rules {
  return new AbilityBuilder<RosterAbility>(createMongoAbility);
}

/**
 * `cannot`, for a refusal of DESIGN rule 4: the raw rule is marked with the
 * rank it compares, which {@link createPolicy} reads from the CASL rule's
 * `origin`. (The rule builder's `_rule` is declared but renamed in CASL's
 * bundle, so the rule is found as the builder's last.)
 */
export function cannotOutrank(
  rules: Rules,
  compared: 'account' | 'role',
  action: RuleAction | RuleAction[],
  subject: RuleSubject,
  conditions: RuleConditions,
): AddedRule {
  const added = rules.cannot(action, subject, conditions);
  (rules.rules[rules.rules.length - 1] as RosterRule).rank = compared;
  return added;
}
