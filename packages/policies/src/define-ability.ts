import { createMongoAbility } from '@casl/ability';
import type { PolicyActor, PolicySubject } from '@rosterkit/core';
import type { RoleSet } from './role-set.js';
import type { RosterAbility } from './rules/roster-rule.js';
import { rulesFor } from './rules-for.js';

/** CASL options of every rosterkit ability: subjects carry their kind in `type`. */
export const abilityOptions = {
  detectSubjectType: (subject: PolicySubject) => subject.type,
} as const;

/**
 * Builds the CASL ability of an actor under a role set, from {@link rulesFor}.
 * Subjects are plain objects with a `type` (a {@link @rosterkit/core!PolicySubject});
 * pass account subjects through {@link toAbilitySubject} so rank and scope rules see their roles and spaces.
 * {@link createPolicy} caches these; call this directly for CASL's own helpers.
 *
 * @example
 * ```ts
 * import { defineAbilityFor, presets } from '@rosterkit/policies';
 *
 * const ability = defineAbilityFor(presets.contactCenter, actor);
 * ability.can('invite', { type: 'Invitation', orgId: actor.organization.id, spaceId, role: 'agent' });
 * ```
 */
export function defineAbilityFor(roleSet: RoleSet, actor: PolicyActor): RosterAbility {
  return createMongoAbility<RosterAbility>(
    rulesFor(roleSet, actor) as never,
    abilityOptions as never,
  );
}
