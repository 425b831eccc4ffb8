import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { RoleName } from './membership.js';
import { Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/** The name of a permission or a restriction a stored role carries (the Policy's vocabulary). */
const VocabularyName = z.string().trim().min(1).max(64);

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  /** The name memberships and invitations carry; it never changes (they would all have to). */
  name: RoleName.schema,
  /** How the role reads in a UI. */
  label: z.string().trim().min(1).max(100),
  /** One sentence on who holds it; may be empty. */
  description: z.string().max(500),
  rank: z.int().min(0).max(1_000_000),
  /** The Policy's permission names (`RoleCatalog.storedRoles.permissions`). */
  permissions: z.array(VocabularyName).max(64),
  /** `'organization'`: the permissions apply across the organization; `'space'`: where the role is held. */
  scope: z.enum(['organization', 'space']),
  /** Restrictions every holder carries, as if each membership listed them. */
  restrictions: z.array(VocabularyName).max(64),
  createdAt: Timestamp.schema,
  updatedAt: Timestamp.schema,
  version: Version.schema,
});

/**
 * A role an organization defined at run time (DESIGN §8, Roles), beside the
 * code-defined roles of the Policy: granted like them, by name, and decided
 * on by the Policy with the rest. Defined, changed and deleted by
 * `defineRole`, `updateRole` and `deleteRole`; its name never changes.
 *
 * @category Model
 */
export const StoredRole: Model<StoredRole> = defineModel('StoredRole', schema);
/**
 * A role an organization defined at run time. See {@link StoredRole}.
 *
 * @category Model
 */
export interface StoredRole {
  id: string;
  orgId: string;
  /** The name memberships and invitations carry; it never changes. */
  name: string;
  /** How the role reads in a UI. */
  label: string;
  /** One sentence on who holds it; may be empty. */
  description: string;
  /** A larger rank means more authority; always below the owner role's. */
  rank: number;
  /** The Policy's permission names. */
  permissions: string[];
  /** Where its permissions apply: across the organization, or in the spaces where it is held. */
  scope: 'organization' | 'space';
  /** Restrictions every holder carries, as if each membership listed them. */
  restrictions: string[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

type _StoredRoleMatchesSchema = Assert<Equals<z.output<typeof schema>, StoredRole>>;

/**
 * An organization's stored roles as one command read them, and their
 * version: it changes whenever a role is defined, changed or deleted, so a
 * Policy caches what it builds from them under it (an ability is never
 * built from roles that have changed since).
 *
 * @category Model
 */
export interface OrganizationRoles {
  /** Changes with every definition, change or deletion; equal for equal sets of rows. */
  readonly version: string;
  /** The stored roles, highest rank first, then by name. */
  readonly roles: readonly StoredRole[];
}
