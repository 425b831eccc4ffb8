import type { PolicySubject } from '@rosterkit/core';

/** The membership fields an account subject's `memberships` need. */
interface MembershipLike {
  readonly spaceId: string;
  readonly role: string;
  readonly state?: string;
}

/**
 * Turns a {@link @rosterkit/core!PolicySubject} into the object the ability's
 * conditions read. An `Account` subject that carries its `memberships` gains
 * `roles` and `spaceIds`: the roles it holds and the spaces it is a member of
 * (memberships in state `member`), which the rank and scope rules compare.
 * A subject that already has `roles`, or is of another type, is returned as is.
 *
 * The same derived fields are what a store must expose for accounts when it
 * applies a {@link @rosterkit/core!ReadFilter} built by {@link toReadFilter}.
 *
 * @example
 * ```ts
 * import { toAbilitySubject } from '@rosterkit/policies';
 * toAbilitySubject({ type: 'Account', orgId: 'o1', id: 'a2', memberships: [{ spaceId: 's1', role: 'agent', state: 'member' }] });
 * // { type: 'Account', orgId: 'o1', id: 'a2', memberships: [...], roles: ['agent'], spaceIds: ['s1'] }
 * ```
 */
export function toAbilitySubject(subject: PolicySubject): PolicySubject {
  if (subject.type !== 'Account' || subject.roles !== undefined) return subject;
  const memberships = subject.memberships;
  if (!Array.isArray(memberships)) return subject;
  const roles: string[] = [];
  const spaceIds: string[] = [];
  for (const membership of memberships as readonly MembershipLike[]) {
    if (membership.state !== undefined && membership.state !== 'member') continue;
    if (!roles.includes(membership.role)) roles.push(membership.role);
    spaceIds.push(membership.spaceId);
  }
  // Object.assign then two stores: V8 builds this several times faster than a
  // spread with extra keys, and a WeakMap cache costs more than it saves.
  const result: Record<string, unknown> = Object.assign({}, subject);
  result.roles = roles;
  result.spaceIds = spaceIds;
  return result as PolicySubject;
}
