import { z } from 'zod';
import { ProfileFields } from '../model/account.js';
import { defineModel, type ModelInput } from '../model/define-model.js';
import { RoleName } from '../model/membership.js';
import { Email, ExternalId, Id, PersonName } from '../model/primitives.js';
import { expectedVersion } from './expected-version.js';

// The inputs of the commands about the organization itself and its
// structure (spaces, groups), validated like every other input.

/** Input of `createOrganization`. */
export const CreateOrganizationInput = defineModel(
  'createOrganization input',
  z.strictObject({
    name: z.string().trim().min(1, 'Must not be empty').max(200),
    plan: z.string().trim().min(1).max(100).default('free'),
    defaultSpaceName: z.string().trim().min(1).max(200).default('Team'),
    owner: z.strictObject({
      email: Email.schema,
      firstName: PersonName.schema,
      lastName: PersonName.schema,
      profile: ProfileFields.schema.default({}),
      /** The host's id of the owner's login user (see `Account.externalId`). */
      externalId: ExternalId.schema.optional(),
    }),
  }),
);

/** What `createOrganization` takes, as a caller writes it (before the model fills in its defaults). */
export type CreateOrganizationInput = ModelInput<typeof CreateOrganizationInput>;

/** Input of `renameOrganization`. */
export const RenameOrganizationInput = defineModel(
  'renameOrganization input',
  z.strictObject({
    name: z.string().trim().min(1, 'Must not be empty').max(200),
    /** The organization's version the caller read. */
    ...expectedVersion,
  }),
);

/** What `renameOrganization` takes, as a caller writes it (before the model fills in its defaults). */
export type RenameOrganizationInput = ModelInput<typeof RenameOrganizationInput>;

/** Input of `changePlan`. */
export const ChangePlanInput = defineModel(
  'changePlan input',
  z.strictObject({
    plan: z.string().trim().min(1).max(100),
    /** The organization's version the caller read. */
    ...expectedVersion,
  }),
);

/** What `changePlan` takes, as a caller writes it (before the model fills in its defaults). */
export type ChangePlanInput = ModelInput<typeof ChangePlanInput>;

/** Input of `transferOwnership`. */
export const TransferOwnershipInput = defineModel(
  'transferOwnership input',
  z.strictObject({
    /** The new owner: another active member of the default space. */
    toAccountId: Id.schema,
    /** The role the previous owner keeps in the default space. */
    previousOwnerRole: RoleName.schema,
    /** The organization's version the caller read. */
    ...expectedVersion,
  }),
);

/** What `transferOwnership` takes, as a caller writes it (before the model fills in its defaults). */
export type TransferOwnershipInput = ModelInput<typeof TransferOwnershipInput>;

/** Input of `deleteOrganization`: the organization's exact name, as confirmation. */
export const DeleteOrganizationInput = defineModel(
  'deleteOrganization input',
  z.strictObject({
    confirmName: z.string().max(200),
    /** The organization's version the caller read. */
    ...expectedVersion,
  }),
);

/** What `deleteOrganization` takes, as a caller writes it (before the model fills in its defaults). */
export type DeleteOrganizationInput = ModelInput<typeof DeleteOrganizationInput>;

/** Input of `createSpace`. */
export const CreateSpaceInput = defineModel(
  'createSpace input',
  z.strictObject({ name: z.string().trim().min(1, 'Must not be empty').max(200) }),
);

/** What `createSpace` takes, as a caller writes it (before the model fills in its defaults). */
export type CreateSpaceInput = ModelInput<typeof CreateSpaceInput>;

/** Input of `createGroup`. */
export const CreateGroupInput = defineModel(
  'createGroup input',
  z.strictObject({
    /** The space the group belongs to; the default space when absent. */
    spaceId: Id.schema.optional(),
    name: z.string().trim().min(1, 'Must not be empty').max(200),
    /** The host's word for it: `'department'`, `'queue'`... */
    kind: z.string().trim().min(1).max(64).default('group'),
  }),
);

/** What `createGroup` takes, as a caller writes it (before the model fills in its defaults). */
export type CreateGroupInput = ModelInput<typeof CreateGroupInput>;
