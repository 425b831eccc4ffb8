import { RoleName, type RosterAction, rosterActions } from '@rosterkit/core';
import { defineModel } from '@rosterkit/core/extra';
import { z } from 'zod';
import { type Permission, permissions } from './permissions.js';
import { type RoleRules, roleRuleSchema } from './role-rule.js';

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
}

const defaultFields = ['firstName', 'lastName', 'profile.*'] as const;
const fieldPattern = z.string().min(1).max(128);

const roleSchema = z.strictObject({
  name: RoleName.schema,
  label: z.string().trim().min(1).max(100).optional(),
  description: z.string().max(500).optional(),
  rank: z.int().min(0).max(1_000_000),
  permissions: z.array(z.enum(permissions)),
  scope: z.enum(['organization', 'space']).optional(),
  owner: z.boolean().optional(),
  shared: z.boolean().optional(),
  profileFields: z
    .strictObject({
      own: z.array(fieldPattern).optional(),
      others: z.array(fieldPattern).optional(),
    })
    .optional(),
  // Checked in the role set's refinement: a function is kept as is, a list is validated rule by rule.
  rules: z.unknown().optional(),
});

const schema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    version: z.string().trim().min(1).max(100).optional(),
    roles: z.array(roleSchema).min(1, 'A role set needs at least one role'),
    restrictions: z
      .record(
        z.string().min(1).max(64),
        z.strictObject({
          description: z.string().trim().min(1).max(500),
          denies: z.array(z.enum(rosterActions)).min(1),
        }),
      )
      .optional(),
    planGates: z.record(z.string(), z.array(z.string().trim().min(1).max(100)).min(1)).optional(),
  })
  .superRefine((definition, ctx) => {
    definition.roles.forEach((role, index) => {
      if (role.rules === undefined || typeof role.rules === 'function') return;
      const rules = z.array(roleRuleSchema).safeParse(role.rules);
      for (const issue of rules.success ? [] : rules.error.issues) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', index, 'rules', ...issue.path],
          message: issue.message,
        });
      }
    });
    for (const action of Object.keys(definition.planGates ?? {})) {
      if (!(rosterActions as readonly string[]).includes(action)) {
        ctx.addIssue({
          code: 'custom',
          path: ['planGates', action],
          message: `Unknown action "${action}"; plan gates name actions of rosterActions`,
        });
      }
    }
    const seen = new Map<string, number>();
    definition.roles.forEach((role, index) => {
      const first = seen.get(role.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', index, 'name'],
          message: `Duplicate role name "${role.name}" (already used by roles[${first}])`,
        });
      } else seen.set(role.name, index);
    });
    const owners = definition.roles.flatMap((role, index) => (role.owner ? [index] : []));
    if (owners.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles'],
        message: 'Exactly one role must be the owner role (`owner: true`); none is',
      });
    }
    for (const index of owners.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles', index, 'owner'],
        message: `Only one role can be the owner role; roles[${owners[0]}] already is`,
      });
    }
    const ownerIndex = owners[0];
    if (ownerIndex !== undefined) {
      const owner = definition.roles[ownerIndex];
      if (owner !== undefined) {
        const rival = definition.roles.findIndex(
          (role, index) => index !== ownerIndex && role.rank >= owner.rank,
        );
        if (rival !== -1) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', ownerIndex, 'rank'],
            message: `The owner role must rank above every other role; roles[${rival}] ranks as high`,
          });
        }
        if (owner.scope === 'space') {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', ownerIndex, 'scope'],
            message: 'The owner role acts across the organization; it cannot be space-scoped',
          });
        }
      }
    }
    if (!definition.roles.some((role) => role.permissions.includes('manageUsers'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles'],
        message:
          'At least one role must hold the `manageUsers` permission, or nobody could manage users',
      });
    }
  });

const RoleSetDefinitionModel = defineModel('role set', schema);

// FNV-1a over the definition's JSON (functions by their source): stable across processes.
function hash(definition: unknown): string {
  const text = JSON.stringify(definition, (_key, value: unknown) =>
    typeof value === 'function' ? String(value) : value,
  );
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

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
      });
    })
    .sort((a, b) => b.rank - a.rank);
  const byName = new Map(roles.map((role) => [role.name, role]));
  const ownerRole = roles.find((role) => role.owner);
  if (ownerRole === undefined) throw new Error('unreachable: validated owner role missing');
  return Object.freeze({
    name: parsed.name,
    version: parsed.version ?? `${parsed.name}@${hash(definition)}`,
    roles: Object.freeze(roles),
    ownerRole,
    restrictions: Object.freeze({ ...(parsed.restrictions ?? {}) }),
    planGates: Object.freeze({ ...(parsed.planGates ?? {}) }),
    role: (name: string) => byName.get(name),
    hasPermission: (roleName: string, permission: Permission) =>
      byName.get(roleName)?.permissions.includes(permission) ?? false,
  });
}
