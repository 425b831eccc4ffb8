import type {
  Policy,
  PolicyActor,
  PolicyAnyRequest,
  PolicyDecision,
  PolicyRequest,
  PolicySubject,
  ReadFilter,
  SubjectType,
} from '@rosterkit/core';
import { toAbilitySubject } from './ability-subject.js';
import { defineAbilityFor } from './define-ability.js';
import { toReadFilter } from './read-filter.js';
import type { RoleSet } from './role-set.js';
import { actorRank } from './rules/actor-facts.js';
import type { RosterAbility, RosterRule } from './rules/roster-rule.js';
import { withStoredRoles } from './stored-role-set.js';

/** Options of {@link createPolicy}. */
export interface PolicyOptions {
  /**
   * How many actors' abilities to keep, least recently built dropped first.
   * @default 1000
   */
  readonly cacheSize?: number;
}

/** The policy {@link createPolicy} returns: core's {@link @rosterkit/core!Policy} plus its abilities and read filters. */
export interface RosterPolicy extends Policy {
  /** Decides one request synchronously: allowed, or refused with the deciding rule's reason. */
  check(request: PolicyRequest): PolicyDecision;
  /** Whether the actor may do the action on some record of the type (CASL's check on a subject type). */
  checkAny(request: PolicyAnyRequest): PolicyDecision;
  /** The actor's CASL ability (cached per actor and role-set version). */
  abilityFor(actor: PolicyActor): RosterAbility;
  /** The filter a store applies so a list of `subjectType` returns only what the actor may `read` (or another action). */
  readFilter(
    actor: PolicyActor,
    subjectType: SubjectType,
    action?: PolicyRequest['action'],
  ): ReadFilter;
  /** The role set in force. */
  readonly roleSet: RoleSet;
  /** The role set in force, as core's {@link @rosterkit/core!Policy.roles}: what `createRoster` grants. */
  readonly roles: RoleSet;
}

interface Entry {
  readonly key: string;
  readonly version: string;
  readonly ability: RosterAbility;
}

const allowed: PolicyDecision = Object.freeze({ allowed: true });

// Everything an actor's rules are built from, so a changed role, plan,
// owner, status or membership never reuses a stale ability.
function fingerprint(roleSet: RoleSet, actor: PolicyActor): string {
  const { organization } = actor;
  if (actor.kind === 'provisioner') {
    const { connection } = actor;
    return `${roleSet.version}\u0000${organization.id}:${organization.version}:${organization.plan}:${organization.ownerId}\u0000provisioner:${connection.id}:${connection.orgId}:${connection.version}:${connection.status}`;
  }
  const { account } = actor;
  let key = `${roleSet.version}\u0000${organization.id}:${organization.version}:${organization.plan}:${organization.ownerId}\u0000${account.id}:${account.orgId}:${account.version}:${account.status}`;
  for (const m of actor.memberships) {
    key += `\u0000${m.id}:${m.version}:${m.orgId}:${m.spaceId}:${m.state}:${m.role}:${m.managerId}:${m.restrictions.join(',')}`;
  }
  return key;
}

/**
 * Implements core's {@link @rosterkit/core!Policy} port with CASL abilities
 * built from a role set. Each actor's ability is built once and cached per
 * actor and role-set version (a changed membership, plan or owner rebuilds
 * it), so a check costs about what a bare CASL check costs.
 *
 * A refusal carries the reason of the rule that decided it: the
 * organization's isolation, a missing permission, one's own access, rank,
 * owner protection, scope, a restriction, or the plan.
 *
 * An organization's stored roles (`defineRole`) come with the actor
 * (`actor.organizationRoles`, read in the command's transaction) and are
 * merged into the role set for that actor ({@link withStoredRoles}), cached
 * per organization and roles version: a changed role is decided on at once,
 * in every process, without a restart.
 *
 * @param roleSet - the roles, or a function returning the roles in force (a
 * host that edits its code-defined roles at runtime returns a new {@link RoleSet}, with a new version).
 *
 * @example
 * ```ts
 * import { createRoster } from '@rosterkit/core';
 * import { createPolicy, presets } from '@rosterkit/policies';
 *
 * const policy = createPolicy(presets.contactCenter);
 * const decision = policy.check({ actor, action: 'deactivate', subject: { type: 'Account', orgId, id, memberships } });
 * if (!decision.allowed) console.log(decision.reason);
 * ```
 */
export function createPolicy(
  roleSet: RoleSet | (() => RoleSet),
  options: PolicyOptions = {},
): RosterPolicy {
  const current = typeof roleSet === 'function' ? roleSet : () => roleSet;
  const cacheSize = options.cacheSize ?? 1000;
  const byActor = new WeakMap<PolicyActor, Entry>();
  const byKey = new Map<string, Entry>();

  // The last actor checked: a command asks several questions for one actor in
  // a row, and an identity comparison is cheaper than any map.
  let lastActor: PolicyActor | undefined;
  let lastEntry: Entry | undefined;
  const entryFor = (actor: PolicyActor, roles: RoleSet): Entry => {
    if (actor === lastActor && lastEntry !== undefined && lastEntry.version === roles.version) {
      return lastEntry;
    }
    const entry = lookup(actor, roles);
    lastActor = actor;
    lastEntry = entry;
    return entry;
  };
  const lookup = (actor: PolicyActor, roles: RoleSet): Entry => {
    const known = byActor.get(actor);
    if (known !== undefined && known.version === roles.version) return known;
    const key = fingerprint(roles, actor);
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { key, version: roles.version, ability: defineAbilityFor(roles, actor) };
      if (byKey.size >= cacheSize) {
        const oldest = byKey.keys().next();
        if (oldest.done !== true) byKey.delete(oldest.value);
      }
      byKey.set(key, entry);
    }
    byActor.set(actor, entry);
    return entry;
  };

  // The role set of an actor: the policy's, with their organization's
  // stored roles; one per organization and roles version, kept while the
  // base set is the same.
  let mergedFor: RoleSet | undefined;
  const merged = new Map<string, RoleSet>();
  const rolesOf = (actor: PolicyActor): RoleSet => {
    const base = current();
    const stored = actor.organizationRoles;
    if (stored === undefined || stored.roles.length === 0) return base;
    if (mergedFor !== base) {
      merged.clear();
      mergedFor = base;
    }
    const key = `${actor.organization.id}\u0000${stored.version}`;
    let roles = merged.get(key);
    if (roles === undefined) {
      roles = withStoredRoles(base, actor.organization.id, stored);
      if (merged.size >= cacheSize) merged.delete(merged.keys().next().value as string);
      merged.set(key, roles);
    }
    return roles;
  };

  return {
    get roleSet() {
      return current();
    },
    get roles() {
      return current();
    },
    abilityFor: (actor) => entryFor(actor, rolesOf(actor)).ability,
    checkAny({ actor, action, subjectType }) {
      const { ability } = entryFor(actor, rolesOf(actor));
      const rule = ability.relevantRuleFor(action, subjectType);
      if (rule !== null && !rule.inverted) return allowed;
      return { allowed: false, reason: rule?.reason ?? 'Not allowed.' };
    },
    check(request) {
      const roles = rolesOf(request.actor);
      const { ability } = entryFor(request.actor, roles);
      const subject = toAbilitySubject(request.subject);
      const rule = ability.relevantRuleFor(request.action, subject, request.field);
      if (rule !== null && !rule.inverted) return allowed;
      const reason = rule?.reason ?? 'Not allowed.';
      const compared = (rule?.origin as RosterRule | undefined)?.rank;
      if (compared === undefined) return { allowed: false, reason };
      return {
        allowed: false,
        reason,
        rank: {
          actorRank: actorRank(roles, request.actor),
          targetRank: targetRank(roles, subject, compared),
          target: compared,
        },
      };
    },
    readFilter: (actor, subjectType, action = 'read') =>
      toReadFilter(entryFor(actor, rolesOf(actor)).ability, action, subjectType),
  };
}

/** The rank a rank refusal compared with the actor's: the target account's highest, or the granted role's. */
function targetRank(roles: RoleSet, subject: PolicySubject, compared: 'account' | 'role'): number {
  const rankOf = (name: unknown) =>
    typeof name === 'string' ? (roles.role(name)?.rank ?? -1) : -1;
  if (compared === 'role' && subject.type === 'Role' && typeof subject.rank === 'number') {
    return subject.rank;
  }
  if (compared === 'role') return rankOf(subject.grantedRole ?? subject.role);
  const held = [
    ...(Array.isArray(subject.roles) ? subject.roles : []),
    ...(Array.isArray(subject.accountRoles) ? subject.accountRoles : []),
    ...(subject.type === 'Membership' && subject.state === 'member' ? [subject.role] : []),
  ];
  return Math.max(-1, ...held.map(rankOf));
}
