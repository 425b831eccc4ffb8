import type { OrganizationRoles, StoredRole } from '../model/stored-role.js';
import type { PolicyActor } from '../ports/policy.js';
import type { RoleCatalog } from '../ports/role-catalog.js';
import type { StoreTransaction } from '../ports/store.js';
import type { RosterDeps } from './command-context.js';

// FNV-1a: the same rows give the same version in every process, with no
// counter to store and keep in step (a deletion changes the set, an update
// the row's version).
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The organization-level version of a set of stored roles: it changes
 * whenever a role is defined, changed (its row version grows) or deleted.
 * @internal
 */
export function rolesVersionOf(roles: readonly StoredRole[]): string {
  const rows = roles.map((role) => `${role.id}@${role.version}`).sort();
  return `${rows.length}.${fingerprint(rows.join('\u0000'))}`;
}

/** Reads an organization's stored roles, when the catalog takes them. @internal */
export async function loadOrganizationRoles(
  tx: StoreTransaction,
  catalog: RoleCatalog,
  orgId: string,
): Promise<OrganizationRoles | undefined> {
  if (catalog.storedRoles === undefined) return undefined;
  return organizationRolesOf(await tx.roles.listByOrganization(orgId));
}

/** An organization's stored roles with their version. @internal */
export function organizationRolesOf(roles: readonly StoredRole[]): OrganizationRoles {
  return { version: rolesVersionOf(roles), roles };
}

/**
 * The catalog a command grants from: the policy's roles, plus the
 * organization's stored roles the actor was loaded with.
 * @internal
 */
export function catalogWith(
  catalog: RoleCatalog,
  organizationRoles: OrganizationRoles | undefined,
): RoleCatalog {
  if (organizationRoles === undefined || organizationRoles.roles.length === 0) return catalog;
  const known = new Set(catalog.roles.map((role) => role.name));
  return {
    ...catalog,
    roles: [
      ...catalog.roles,
      // A stored role never shadows a code-defined one (defineRole refuses the name).
      ...organizationRoles.roles
        .filter((role) => !known.has(role.name))
        .map((role) => ({ name: role.name, permissions: role.permissions, rank: role.rank })),
    ],
  };
}

/** The dependencies of one actor's command: the roster's, with the catalog merged. @internal */
export function depsFor(deps: RosterDeps, actor: PolicyActor): RosterDeps {
  const roles = catalogWith(deps.roles, actor.organizationRoles);
  return roles === deps.roles ? deps : { ...deps, roles };
}
