import type { RosterAction } from '@rosterkit/core';
import { fingerprint } from './fingerprint.js';
import { type Permission, permissions } from './permissions.js';
import type { RoleRules } from './role-rule.js';
import { RoleSetDefinitionModel } from './role-set-schema.js';

/** Where a role's permissions apply. */
export type RoleScope = 'organization' | 'space';

/** Which profile fields a role's holder may change (field patterns such as `'profile.*'`). */
export interface ProfileFieldAccess {
  /** Fields of their own account. Default: first name, last name and every profile field. */
  readonly own?: readonly string[];
  /** Fields of the accounts they manage (needs `manageUsers`). Default: the same as `own`'s default. */
  readonly others?: readonly string[];
}

/** One role, as a host writes it in {@link defineRoleSet}. */
export interface RoleDefinition {
  /** The role's name, stored on memberships and invitations (`'agent'`). */
  readonly name: string;
  /** How the role reads in a UI (`'Agent'`). Default: the name. */
  readonly label?: string;
  /** One sentence on who holds it. */
  readonly description?: string;
  /** A larger rank means more authority. Nobody grants a role above their own, nor acts on an account above them. */
  readonly rank: number;
  /** What holders of this role may do; see {@link permissions}. */
  readonly permissions: readonly Permission[];
  /**
   * `'organization'` (default): the permissions apply across the organization.
   * `'space'`: only within the spaces where the actor holds this role (a manager of a Space, a site admin).
   */
  readonly scope?: RoleScope;
  /** The role the organization's owner holds: exactly one role has it, and it ranks above every other. */
  readonly owner?: boolean;
  /**
   * For the owner role only: whether other accounts may hold it too (several
   * Administrators, of whom the owner is one). When false, the owner holds it
   * alone and it moves only with ownership.
   * @defaultValue false
   */
  readonly shared?: boolean;
  /** Field-level permissions for `updateProfile`. */
  readonly profileFields?: ProfileFieldAccess;
  /** Extra CASL rules for finer conditions; they never override tenant, self, rank or owner protections. */
  readonly rules?: RoleRules;
  /** Restrictions (of the set's) every holder carries, as if each membership listed them. */
  readonly restrictions?: readonly string[];
}

/** A named restriction a membership can carry (the seeds' per-user "advanced restrictions"). */
export interface RestrictionDefinition {
  /** What it means, for a person; it is the reason a restricted request is refused with. */
  readonly description: string;
  /** The actions it takes away from the member. */
  readonly denies: readonly RosterAction[];
}

/** Everything {@link defineRoleSet} takes. */
export interface RoleSetDefinition {
  /** The role set's name (`'contact-center'`). */
  readonly name: string;
  /** Bump it whenever the roles change so cached abilities are rebuilt. Default: a hash of the definition. */
  readonly version?: string;
  /** The roles, in any order. */
  readonly roles: readonly RoleDefinition[];
  /** Restrictions memberships may carry, by name. */
  readonly restrictions?: Readonly<Record<string, RestrictionDefinition>>;
  /** Plan-gated actions: an action listed here is allowed only on the named plans. */
  readonly planGates?: Readonly<Partial<Record<RosterAction, readonly string[]>>>;
}

/** A validated role: a {@link RoleDefinition} with every default filled in. */
export interface Role {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly rank: number;
  readonly permissions: readonly Permission[];
  readonly scope: RoleScope;
  readonly owner: boolean;
  /** Whether accounts other than the owner may hold this (owner) role; see {@link RoleDefinition.shared}. */
  readonly shared: boolean;
  readonly profileFields: { readonly own: readonly string[]; readonly others: readonly string[] };
  readonly rules: RoleRules;
  /** Restrictions every holder carries (a stored role's, or a definition's). */
  readonly restrictions: readonly string[];
}

/** A validated, immutable set of roles: what {@link createPolicy} and {@link rulesFor} take. */
export interface RoleSet {
  readonly name: string;
  /** Identifies this definition; abilities are cached per actor and version. */
  readonly version: string;
  /** The roles, highest rank first. */
  readonly roles: readonly Role[];
  /** The role the organization's owner holds. */
  readonly ownerRole: Role;
  readonly restrictions: Readonly<Record<string, RestrictionDefinition>>;
  readonly planGates: Readonly<Partial<Record<RosterAction, readonly string[]>>>;
  /** The role with this name, if any. */
  role(name: string): Role | undefined;
  /** Whether the named role holds `permission` (false for an unknown role). */
  hasPermission(roleName: string, permission: Permission): boolean;
  /** What a role an organization stores may carry (core's `RoleCatalog.storedRoles`). */
  readonly storedRoles: {
    readonly permissions: readonly string[];
    readonly restrictions: readonly string[];
  };
}

const defaultFields = ['firstName', 'lastName', 'profile.*'] as const;

/**
 * Defines a set of roles: validates it and fills in the defaults. Hosts define
 * their own roles with it; the {@link presets} are built with it too.
 *
 * @throws {@link @rosterkit/core!RosterError} `INVALID_INPUT` with the field path at fault:
 * an unknown permission, a duplicate name, no or two owner roles, an owner role
 * not ranked above the others, no role able to manage users, a malformed rule.
 *
 * @example
 * ```ts
 * import { defineRoleSet } from '@rosterkit/policies';
 *
 * const roles = defineRoleSet({
 *   name: 'help-desk',
 *   roles: [
 *     { name: 'owner', rank: 100, owner: true, permissions: ['manageUsers', 'manageGroups', 'viewStatistics', 'manageOrganization', 'deleteOrganization', 'transferOwnership'] },
 *     { name: 'lead', rank: 50, scope: 'space', permissions: ['manageUsers', 'manageGroups'] },
 *     { name: 'agent', rank: 10, permissions: [], profileFields: { own: ['firstName', 'lastName'] } },
 *   ],
 *   planGates: { viewStatistics: ['business', 'enterprise'] },
 * });
 * ```
 */
export function defineRoleSet(definition: RoleSetDefinition): RoleSet {
  const parsed = RoleSetDefinitionModel.parse(definition);
  const roles: Role[] = definition.roles
    .map((role, index) => {
      const clean = parsed.roles[index];
      if (clean === undefined) throw new Error('unreachable: parsed roles mismatch');
      const own = clean.profileFields?.own ?? [...defaultFields];
      return Object.freeze({
        name: clean.name,
        label: clean.label ?? clean.name,
        description: clean.description ?? '',
        rank: clean.rank,
        permissions: Object.freeze([...new Set(clean.permissions)]),
        scope: clean.scope ?? 'organization',
        owner: clean.owner ?? false,
        shared: clean.owner === true && clean.shared === true,
        profileFields: Object.freeze({
          own: Object.freeze([...own]),
          others: Object.freeze([...(clean.profileFields?.others ?? defaultFields)]),
        }),
        // Keep the host's own function or list (validated above).
        rules: role.rules ?? [],
        restrictions: Object.freeze([...(clean.restrictions ?? [])]),
      });
    })
    .sort((a, b) => b.rank - a.rank);
  const byName = new Map(roles.map((role) => [role.name, role]));
  const ownerRole = roles.find((role) => role.owner);
  if (ownerRole === undefined) throw new Error('unreachable: validated owner role missing');
  return Object.freeze({
    name: parsed.name,
    version: parsed.version ?? `${parsed.name}@${fingerprint(definition)}`,
    roles: Object.freeze(roles),
    ownerRole,
    restrictions: Object.freeze({ ...(parsed.restrictions ?? {}) }),
    planGates: Object.freeze({ ...(parsed.planGates ?? {}) }),
    role: (name: string) => byName.get(name),
    hasPermission: (roleName: string, permission: Permission) =>
      byName.get(roleName)?.permissions.includes(permission) ?? false,
    storedRoles: Object.freeze({
      permissions: Object.freeze([...permissions]),
      restrictions: Object.freeze(Object.keys(parsed.restrictions ?? {})),
    }),
  });
}
