import type { Membership, RosterAction } from '@rosterkit/core';
import { permissionActions } from '../permissions.js';
import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

/**
 * A membership's restrictions limit its holder in that membership's space
 * only: on the memberships, invitations and groups of the space, the space
 * itself, and the accounts that are in it but in none of the holder's spaces
 * where they may still take the action. The default space is where
 * organization-wide roles are held, so its restrictions also reach the
 * organization and accounts in no space at all. An unrestricted
 * organization-wide role that grants the action keeps it on accounts.
 */
export function restrictionRules({ cannot }: Rules, facts: ActorFacts): void {
  const { roleSet, memberships } = facts;
  const { defaultSpaceId } = facts.actor.organization;
  // A membership carries its own restrictions and its role's.
  const carried = (membership: Membership) => [
    ...membership.restrictions,
    ...(roleSet.role(membership.role)?.restrictions ?? []),
  ];
  const denying = (membership: Membership, action: RosterAction) =>
    carried(membership).find((name) => roleSet.restrictions[name]?.denies.includes(action));
  const grants = (membership: Membership, action: RosterAction) =>
    roleSet
      .role(membership.role)
      ?.permissions.some((permission) => permissionActions[permission].includes(action)) ?? false;
  const reasonOf = (membership: Membership, action: RosterAction) => {
    const name = denying(membership, action) as string;
    return ruleReasons.restricted(name, roleSet.restrictions[name]?.description ?? name);
  };
  const actions = new Set(
    memberships.flatMap((m) => carried(m).flatMap((n) => roleSet.restrictions[n]?.denies ?? [])),
  );
  for (const action of actions) {
    const restricted = memberships.filter((m) => denying(m, action) !== undefined);
    for (const membership of restricted) {
      const reason = reasonOf(membership, action);
      cannot(action, ['Membership', 'Invitation', 'Group'], {
        spaceId: membership.spaceId,
      }).because(reason);
      cannot(action, 'Space', { id: membership.spaceId }).because(reason);
    }
    const free = memberships.filter((m) => denying(m, action) === undefined && grants(m, action));
    if (free.some((m) => roleSet.role(m.role)?.scope === 'organization')) continue;
    const freeSpaces = free.map((m) => m.spaceId);
    const first = restricted[0];
    if (first === undefined) continue;
    const reason = reasonOf(first, action);
    const inDefault = restricted.some((m) => m.spaceId === defaultSpaceId);
    if (inDefault) cannot(action, ['Organization', 'AuditEvent']).because(reason);
    cannot(
      action,
      'Account',
      inDefault
        ? { spaceIds: { $nin: freeSpaces } }
        : { spaceIds: { $in: restricted.map((m) => m.spaceId), $nin: freeSpaces } },
    ).because(reason);
  }
}
