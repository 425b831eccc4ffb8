import { z } from 'zod';
import { defineModel, type ModelInput } from '../model/define-model.js';
import { RoleName } from '../model/membership.js';
import { Id, Version } from '../model/primitives.js';
import { rosterActions } from '../ports/policy.js';

// The inputs of the role commands and of the "may I?" queries, validated
// before anything is read.

const name = z.string().trim().min(1).max(64);
const names = z
  .array(name)
  .max(64)
  .refine((list) => new Set(list).size === list.length, 'Must not repeat a name');
const fields = {
  label: z.string().trim().min(1).max(100).optional(),
  description: z.string().max(500).optional(),
  rank: z.int().min(0).max(1_000_000),
  /** Permission names of the Policy (`RoleCatalog.storedRoles.permissions`). */
  permissions: names,
  scope: z.enum(['organization', 'space']).optional(),
  /** Restriction names of the Policy every holder carries. */
  restrictions: names.optional(),
};

/** Input of `defineRole`. */
export const DefineRoleInput = defineModel(
  'defineRole input',
  z.strictObject({ name: RoleName.schema, ...fields }),
);
/** What `defineRole` takes, as a caller writes it. */
export type DefineRoleInput = ModelInput<typeof DefineRoleInput>;

/** Input of `updateRole`: the fields to change; the name never changes. */
export const UpdateRoleInput = defineModel(
  'updateRole input',
  z
    .strictObject({
      roleId: Id.schema,
      /** The version the caller read; the update is refused (`CONFLICT`) when the role has changed since. */
      version: Version.schema.optional(),
      label: fields.label,
      description: fields.description,
      rank: fields.rank.optional(),
      permissions: fields.permissions.optional(),
      scope: fields.scope,
      restrictions: fields.restrictions,
    })
    .refine((input) => Object.keys(input).some((key) => key !== 'roleId' && key !== 'version'), {
      message: 'Give at least one field to change',
      path: [],
    }),
);
/** What `updateRole` takes, as a caller writes it. */
export type UpdateRoleInput = ModelInput<typeof UpdateRoleInput>;

/** Input of `deleteRole`. */
export const RoleRef = defineModel(
  'role reference',
  z.strictObject({
    roleId: Id.schema,
    /** The version the caller read; the deletion is refused (`CONFLICT`) when the role has changed since. */
    version: Version.schema.optional(),
  }),
);
/** What `deleteRole` takes, as a caller writes it. */
export type RoleRef = ModelInput<typeof RoleRef>;

/**
 * What a "may I?" question is about (`can`, `permissions`), named the way
 * the commands name it: an account (`accountId`; with `spaceId`, its
 * membership of that space, else of the default space), a space
 * (`spaceId`), an invitation, a stored role; plus the role a grant would
 * give (`role`) and the profile field an edit would change (`field`).
 */
export const CanSubject = defineModel(
  'can subject',
  z.strictObject({
    accountId: Id.schema.optional(),
    spaceId: Id.schema.optional(),
    invitationId: Id.schema.optional(),
    roleId: Id.schema.optional(),
    role: RoleName.schema.optional(),
    field: z.string().min(1).max(128).optional(),
  }),
);
/** What `can` and `permissions` take as their subject. */
export type CanSubject = ModelInput<typeof CanSubject>;

/** Input of `can`: the action and the subject, as `can(action, subject)` takes them. */
export const CanInput = defineModel(
  'can input',
  z.strictObject({ action: z.enum(rosterActions), subject: CanSubject.schema.default({}) }),
);
/** What `can` takes, as one object. */
export type CanInput = ModelInput<typeof CanInput>;
