import type { RosterAction } from '@rosterkit/core';
import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

/** Plan-gated actions, refused to everyone on the other plans. */
export function planGateRules({ cannot }: Rules, { roleSet, actor }: ActorFacts): void {
  const { plan } = actor.organization;
  for (const [action, plans] of Object.entries(roleSet.planGates) as [RosterAction, string[]][]) {
    if (!plans.includes(plan)) cannot(action, 'all').because(ruleReasons.plan(action, plans));
  }
}
