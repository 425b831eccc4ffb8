import type { Role, RoleSet } from './role-set.js';

/**
 * The authority of a provisioning connection (an identity provider's SCIM
 * client) under a role set: it manages users and groups across the whole
 * organization (`manageUsers`, `manageGroups`), ranked as the highest role
 * that is not the owner's, so it may grant, and act on holders of, every
 * role but the owner's; it edits others' names and profile fields. It holds
 * no membership, so rules about one's own access never apply to it.
 *
 * @param roleSet - the role set in force (with the organization's stored roles).
 * @returns a role no account holds, named `(provisioner)`.
 *
 * @example
 * ```ts
 * import { presets, provisionerRole } from '@rosterkit/policies';
 *
 * provisionerRole(presets.contactCenter).rank; // the rank of `director`, below `owner`
 * ```
 */
export function provisionerRole(roleSet: RoleSet): Role {
  const below = roleSet.roles.filter((role) => !role.owner);
  return {
    name: '(provisioner)',
    label: 'Provisioning connection',
    description: 'An identity provider provisioning users and groups through SCIM.',
    rank: below[0]?.rank ?? roleSet.ownerRole.rank - 1,
    permissions: ['manageUsers', 'manageGroups'],
    scope: 'organization',
    owner: false,
    shared: false,
    profileFields: { own: [], others: ['firstName', 'lastName', 'profile.*'] },
    rules: [],
    restrictions: [],
  };
}
