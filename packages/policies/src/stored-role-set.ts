import type { OrganizationRoles, StoredRole } from '@rosterkit/core';
import { type Permission, permissions } from './permissions.js';
import type { Role, RoleSet } from './role-set.js';

const defaultFields = Object.freeze(['firstName', 'lastName', 'profile.*']);

// A stored role as the role set's: only what the set knows (a permission or
// restriction it no longer has is dropped, not trusted), and always below
// the owner's role, whatever the row says.
function toRole(roleSet: RoleSet, stored: StoredRole): Role {
  const known = stored.permissions.filter((name): name is Permission =>
    (permissions as readonly string[]).includes(name),
  );
  return Object.freeze({
    name: stored.name,
    label: stored.label,
    description: stored.description,
    rank: Math.min(stored.rank, roleSet.ownerRole.rank - 1),
    permissions: Object.freeze([...new Set(known)]),
    scope: stored.scope,
    owner: false,
    shared: false,
    profileFields: Object.freeze({ own: defaultFields, others: defaultFields }),
    rules: Object.freeze([]),
    restrictions: Object.freeze(
      stored.restrictions.filter((name) => roleSet.restrictions[name] !== undefined),
    ),
  });
}

/**
 * A role set with an organization's stored roles beside its own (a stored
 * role never replaces one of the set's): what an actor of that organization
 * is decided with. Its version is the set's, the organization's and the
 * stored roles', so abilities built from it are cached apart and rebuilt
 * when a role changes.
 *
 * @param orgId - the stored roles' organization.
 * @example
 * ```ts
 * import { presets, withStoredRoles } from '@rosterkit/policies';
 * const roles = withStoredRoles(presets.teamWorkspace, orgId, actor.organizationRoles);
 * roles.role('lead')?.rank; // 30
 * ```
 */
export function withStoredRoles(
  roleSet: RoleSet,
  orgId: string,
  organizationRoles: OrganizationRoles | undefined,
): RoleSet {
  if (organizationRoles === undefined || organizationRoles.roles.length === 0) return roleSet;
  const added = organizationRoles.roles
    .filter((stored) => stored.orgId === orgId && roleSet.role(stored.name) === undefined)
    .map((stored) => toRole(roleSet, stored));
  if (added.length === 0) return roleSet;
  const roles = Object.freeze([...roleSet.roles, ...added].sort((a, b) => b.rank - a.rank));
  const byName = new Map(roles.map((role) => [role.name, role]));
  return Object.freeze({
    ...roleSet,
    version: `${roleSet.version}+${orgId}@${organizationRoles.version}`,
    roles,
    role: (name: string) => byName.get(name),
    hasPermission: (roleName: string, permission: Permission) =>
      byName.get(roleName)?.permissions.includes(permission) ?? false,
  });
}
