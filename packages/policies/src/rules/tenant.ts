import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

/**
 * The last word, over every other rule: an actor whose account is not
 * active in the organization may do nothing, and nobody touches another
 * organization's records.
 */
export function tenantRules({ cannot }: Rules, { actor, orgId }: ActorFacts): void {
  const { account } = actor;
  if (account.status !== 'active' || account.orgId !== orgId) {
    cannot('manage', 'all').because(ruleReasons.inactive(account.status));
  }
  cannot('manage', 'all', { orgId: { $ne: orgId } }).because(ruleReasons.tenant);
}
