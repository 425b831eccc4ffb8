import type { Membership, PolicyActor } from '@rosterkit/core';
import { provisionerRole } from '../provisioner-role.js';
import type { Role, RoleSet } from '../role-set.js';

/** One role the actor holds, and where. */
export interface Holding {
  readonly role: Role;
  /** Where its permissions apply; `null`: across the organization. */
  readonly spaceIds: string[] | null;
  /** Every space where the actor holds it, whatever its scope. */
  readonly heldIn: string[];
}

/** What the rules need to know about an actor, derived once per ability. */
export interface ActorFacts {
  readonly roleSet: RoleSet;
  readonly actor: PolicyActor;
  /** The actor's account id. */
  readonly me: string;
  readonly orgId: string;
  /** The actor's current memberships of their organization. */
  readonly memberships: readonly Membership[];
  /** The spaces of those memberships, each once. */
  readonly memberSpaceIds: readonly string[];
  /** The known roles of those memberships, in the order first held. */
  readonly holdings: readonly Holding[];
  /** See {@link actorRank}. */
  readonly rank: number;
  readonly isOwner: boolean;
}

/** @internal Derives the {@link ActorFacts} of an actor under a role set. */
export function actorFacts(roleSet: RoleSet, actor: PolicyActor): ActorFacts {
  const orgId = actor.organization.id;
  if (actor.kind === 'provisioner') {
    const role = provisionerRole(roleSet);
    return {
      roleSet,
      actor,
      // A connection's id is never an account's: it is never "oneself".
      me: actor.connection.id,
      orgId,
      memberships: [],
      memberSpaceIds: [],
      holdings: [{ role, spaceIds: null, heldIn: [] }],
      rank: role.rank,
      isOwner: false,
    };
  }
  const memberships = actor.memberships.filter(
    (membership) => membership.state === 'member' && membership.orgId === orgId,
  );
  const holdings = new Map<string, Holding>();
  for (const membership of memberships) {
    const role = roleSet.role(membership.role);
    if (role === undefined) continue;
    const holding = holdings.get(role.name) ?? {
      role,
      spaceIds: role.scope === 'organization' ? null : [],
      heldIn: [],
    };
    holding.spaceIds?.push(membership.spaceId);
    holding.heldIn.push(membership.spaceId);
    holdings.set(role.name, holding);
  }
  return {
    roleSet,
    actor,
    me: actor.account.id,
    orgId,
    memberships,
    memberSpaceIds: [...new Set(memberships.map((membership) => membership.spaceId))],
    holdings: [...holdings.values()],
    rank: actorRank(roleSet, actor),
    isOwner: actor.organization.ownerId === actor.account.id,
  };
}

/**
 * The rank of an actor under a role set: the highest rank among the roles of
 * their current memberships of their organization (DESIGN §8: ranks compare
 * account to account); -1 for an actor who holds none; a provisioning
 * connection's is its {@link provisionerRole}'s.
 *
 * @example
 * ```ts
 * import { actorRank, presets } from '@rosterkit/policies';
 * actorRank(presets.multiSite, actor); // 100 for a super admin
 * ```
 */
export function actorRank(roleSet: RoleSet, actor: PolicyActor): number {
  if (actor.kind === 'provisioner') return provisionerRole(roleSet).rank;
  let rank = -1;
  for (const membership of actor.memberships) {
    if (membership.state !== 'member' || membership.orgId !== actor.organization.id) continue;
    rank = Math.max(rank, roleSet.role(membership.role)?.rank ?? -1);
  }
  return rank;
}
