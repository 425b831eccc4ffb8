import { staleVersion } from '../../adapter/store-errors.js';
import type { InputIssue } from '../../errors/error-codes.js';
import { RosterError } from '../../errors/roster-error.js';
import type { StoredRole } from '../../model/stored-role.js';
import type { PolicySubject } from '../../ports/policy.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { notFound } from '../not-found.js';
import { DefineRoleInput, RoleRef, UpdateRoleInput } from '../role-inputs.js';
import { rolesVersionOf } from '../stored-roles.js';

/**
 * The roles an organization may grant, as `listRoles` returns them: the
 * policy's code-defined roles and the organization's stored ones.
 */
export interface RoleList {
  /** The policy's code-defined roles, by name, with their permissions when the policy lists them. */
  readonly presets: readonly {
    readonly name: string;
    readonly permissions: readonly string[];
    /** The owner's role. */
    readonly owner: boolean;
  }[];
  /** The organization's stored roles, highest rank first. */
  readonly stored: readonly StoredRole[];
  /** The organization-level version of the stored roles (see {@link OrganizationRoles}). */
  readonly version: string;
}

/** The Policy's subject for a stored role (defined or about to be). @internal */
export function roleSubject(role: StoredRole): PolicySubject {
  return { ...role, type: 'Role' };
}

function storedRolesOf(ctx: ActorContext): readonly StoredRole[] {
  return ctx.actor.organizationRoles?.roles ?? [];
}

// The policy says which permission and restriction names exist; core
// validates against them so a typo is a field error, not a silent no-op.
function checkVocabulary(
  ctx: ActorContext,
  input: {
    permissions?: readonly string[] | undefined;
    restrictions?: readonly string[] | undefined;
  },
): void {
  const vocabulary = ctx.deps.roles.storedRoles;
  if (vocabulary === undefined) {
    const reason = 'This roster’s policy takes no stored roles (its catalog has no `storedRoles`).';
    throw new RosterError('FORBIDDEN', reason, { action: 'defineRole', subject: 'Role', reason });
  }
  const issues: InputIssue[] = [];
  for (const [key, known] of [
    ['permissions', vocabulary.permissions],
    ['restrictions', vocabulary.restrictions],
  ] as const) {
    (input[key] ?? []).forEach((name, index) => {
      if (!known.includes(name)) {
        issues.push({
          path: [key, index],
          message: `Unknown ${key === 'permissions' ? 'permission' : 'restriction'} "${name}"; known: ${known.join(', ') || '(none)'}.`,
        });
      }
    });
  }
  if (issues.length > 0) {
    throw new RosterError(
      'INVALID_INPUT',
      `Invalid role: ${issues.map((issue) => issue.message).join(' ')}`,
      { issues },
    );
  }
}

function checkNameFree(ctx: ActorContext, name: string): void {
  const stored = storedRolesOf(ctx).find((role) => role.name === name);
  if (stored !== undefined) {
    throw new RosterError('ROLE_EXISTS', `The organization has a role named "${name}" already.`, {
      role: name,
      source: 'stored',
      roleId: stored.id,
    });
  }
  if (ctx.deps.roles.roles.some((role) => role.name === name)) {
    throw new RosterError('ROLE_EXISTS', `"${name}" is one of the policy’s own roles.`, {
      role: name,
      source: 'preset',
    });
  }
}

async function storedRoleAt(
  ctx: ActorContext,
  roleId: string,
  version: number | undefined,
): Promise<StoredRole> {
  const role = await ctx.tx.roles.get(ctx.actor.organization.id, roleId);
  if (role === undefined) throw notFound('Role', roleId);
  if (version !== undefined && version !== role.version) throw staleVersion('Role', roleId);
  return role;
}

/** @internal */
export async function defineRole(ctx: ActorContext, raw: unknown): Promise<StoredRole> {
  const input = DefineRoleInput.parse(raw);
  checkVocabulary(ctx, input);
  checkNameFree(ctx, input.name);
  const orgId = ctx.actor.organization.id;
  const draft: StoredRole = {
    id: ctx.deps.ids.next('Role'),
    orgId,
    name: input.name,
    label: input.label ?? input.name,
    description: input.description ?? '',
    rank: input.rank,
    permissions: [...input.permissions],
    scope: input.scope ?? 'organization',
    restrictions: [...(input.restrictions ?? [])],
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  await authorize(ctx, 'defineRole', roleSubject(draft));
  const role = await ctx.tx.roles.insert(draft);
  await audit(ctx, orgId, 'defineRole', { type: 'Role', id: role.id }, null, role);
  return role;
}

/** @internal */
export async function updateRole(ctx: ActorContext, raw: unknown): Promise<StoredRole> {
  const { roleId, version, ...patch } = UpdateRoleInput.parse(raw);
  checkVocabulary(ctx, patch);
  const before = await storedRoleAt(ctx, roleId, version);
  const next: StoredRole = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    updatedAt: ctx.now,
  };
  // Rule 4 both ways: the role as it is must be within the actor's reach,
  // and so must what it becomes.
  await authorize(ctx, 'updateRole', roleSubject(before));
  await authorize(ctx, 'updateRole', roleSubject(next));
  const saved = await ctx.tx.roles.update(next);
  await audit(ctx, before.orgId, 'updateRole', { type: 'Role', id: roleId }, before, saved);
  return saved;
}

/** @internal */
export async function deleteRole(ctx: ActorContext, raw: unknown): Promise<StoredRole> {
  const input = RoleRef.parse(raw);
  const role = await storedRoleAt(ctx, input.roleId, input.version);
  await authorize(ctx, 'deleteRole', roleSubject(role));
  const holders = await ctx.tx.roles.listHolders(role.orgId, role.name);
  if (holders.memberships.length > 0 || holders.invitations.length > 0) {
    throw new RosterError(
      'ROLE_IN_USE',
      `The role "${role.name}" is held by ${holders.memberships.length} member(s) and offered by ${holders.invitations.length} pending invitation(s); change their roles or revoke the invitations first.`,
      {
        role: role.name,
        roleId: role.id,
        members: holders.memberships.map(({ accountId, spaceId }) => ({ accountId, spaceId })),
        invitations: holders.invitations.map((invitation) => invitation.id),
      },
    );
  }
  await ctx.tx.roles.delete(role.orgId, role.id, role.version);
  await audit(ctx, role.orgId, 'deleteRole', { type: 'Role', id: role.id }, role, null);
  return role;
}

/** @internal */
export async function listRoles(ctx: ActorContext): Promise<RoleList> {
  const orgId = ctx.actor.organization.id;
  await authorize(ctx, 'read', { type: 'Role', orgId });
  const stored = storedRolesOf(ctx);
  const storedNames = new Set(stored.map((role) => role.name));
  const { ownerRole } = ctx.deps.roles;
  return {
    presets: ctx.deps.roles.roles
      .filter((role) => !storedNames.has(role.name))
      .map((role) => ({
        name: role.name,
        permissions: [...(role.permissions ?? [])],
        owner: role.name === ownerRole.name,
      })),
    stored: [...stored],
    version: ctx.actor.organizationRoles?.version ?? rolesVersionOf([]),
  };
}
