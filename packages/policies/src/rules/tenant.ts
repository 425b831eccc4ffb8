import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

/**
 * The last word, over every other rule: an actor whose account is not
 * active in the organization (or a provisioning connection that is not) may
 * do nothing, and nobody touches another organization's records.
 */
export function tenantRules({ cannot }: Rules, { actor, orgId }: ActorFacts): void {
  const provisioner = actor.kind === 'provisioner';
  const { status, orgId: ownOrgId } = provisioner ? actor.connection : actor.account;
  if (status !== 'active' || ownOrgId !== orgId) {
    const reason = provisioner ? ruleReasons.inactiveConnection : ruleReasons.inactive;
    cannot('manage', 'all').because(reason(status));
  }
  cannot('manage', 'all', { orgId: { $ne: orgId } }).because(ruleReasons.tenant);
}
