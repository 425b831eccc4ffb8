import type { MongoAbility } from '@casl/ability';
import type { PolicySubject } from '@rosterkit/core';
import type { RuleAction, RuleConditions, RuleSubject } from '../role-rule.js';

/** A CASL rule as rosterkit builds it: a {@link RoleRule} whose arrays are mutable, as CASL's raw rules are. */
export interface RosterRule {
  action: RuleAction | RuleAction[];
  subject: RuleSubject | RuleSubject[];
  conditions?: RuleConditions;
  fields?: string[];
  inverted?: boolean;
  reason?: string;
  /**
   * Set on the refusals of DESIGN rule 4: which rank they compare, the
   * target account's or the granted role's. {@link createPolicy} answers
   * them with the ranks, which core raises as `RANK_EXCEEDED`.
   */
  rank?: 'account' | 'role';
}

/**
 * The CASL ability rosterkit builds for an actor: MongoDB-style conditions,
 * subjects told apart by their `type` attribute.
 */
export type RosterAbility = MongoAbility<[RuleAction, RuleSubject | PolicySubject]>;
