import { z } from 'zod';
import { AccountStatus, ProfileFields } from '../model/account.js';
import { defineModel, type ModelInput } from '../model/define-model.js';
import { RoleName } from '../model/membership.js';
import { Email, Id, PersonName } from '../model/primitives.js';
import { ReportReassignment } from '../rules/direct-reports.js';

// The inputs of every command, validated before anything is read: bad input
// is an INVALID_INPUT with the field path, and the store is never touched.

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
    }),
  }),
);

/** What `createOrganization` takes, as a caller writes it (before the model fills in its defaults). */
export type CreateOrganizationInput = ModelInput<typeof CreateOrganizationInput>;

/** Input of `invite`. */
export const InviteInput = defineModel(
  'invite input',
  z.strictObject({
    email: Email.schema,
    role: RoleName.schema,
    /** The space to join; the organization's default space when absent. */
    spaceId: Id.schema.optional(),
    groupIds: z.array(Id.schema).max(100).default([]),
    managerId: Id.schema.nullable().default(null),
    firstName: z.string().trim().max(100).default(''),
    lastName: z.string().trim().max(100).default(''),
    /** The invitee's first profile fields (see `RosterOptions.profileLimits`). */
    profile: ProfileFields.schema.default({}),
  }),
);

/** What `invite` takes, as a caller writes it (before the model fills in its defaults). */
export type InviteInput = ModelInput<typeof InviteInput>;

/** Input of `acceptInvitation`. */
export const AcceptInvitationInput = defineModel(
  'acceptInvitation input',
  z.strictObject({
    token: z.string().min(1).max(200),
    firstName: PersonName.schema.optional(),
    lastName: PersonName.schema.optional(),
    /** Profile fields the invitee sets, each as their role lets them edit their own profile. */
    profile: ProfileFields.schema.default({}),
  }),
);

/** What `acceptInvitation` takes, as a caller writes it (before the model fills in its defaults). */
export type AcceptInvitationInput = ModelInput<typeof AcceptInvitationInput>;

/** Input of `resendInvitation` and `revokeInvitation`. */
export const InvitationRef = defineModel(
  'invitation reference',
  z.strictObject({ invitationId: Id.schema }),
);

/** What `resendInvitation` and `revokeInvitation` takes, as a caller writes it (before the model fills in its defaults). */
export type InvitationRef = ModelInput<typeof InvitationRef>;

/** Input of `updateProfile`. `email` is accepted only to be refused with `EMAIL_IMMUTABLE`. */
export const UpdateProfileInput = defineModel(
  'updateProfile input',
  z.strictObject({
    accountId: Id.schema,
    firstName: PersonName.schema.optional(),
    lastName: PersonName.schema.optional(),
    /** Merged into the profile; a `null` value clears a field. */
    profile: ProfileFields.schema.optional(),
    email: z.unknown().optional(),
  }),
);

/**
 * What `updateProfile` takes, as a caller writes it (before the model fills in its
 * defaults). `email` is left out: the model accepts it only to refuse it.
 */
export type UpdateProfileInput = Omit<ModelInput<typeof UpdateProfileInput>, 'email'>;

/** How the departing person's reports and resources move. */
const departure = {
  /** Where the direct reports go (DESIGN rule 7). */
  reassignReports: ReportReassignment.schema.optional(),
  /** Who takes over the host's resources (contacts, tickets); unassigned when absent. */
  reassignResourcesTo: Id.schema.nullable().default(null),
};

/** Input of `deactivate`. */
export const DeactivateInput = defineModel(
  'deactivate input',
  z.strictObject({ accountId: Id.schema, ...departure }),
);

/** What `deactivate` takes, as a caller writes it (before the model fills in its defaults). */
export type DeactivateInput = ModelInput<typeof DeactivateInput>;

/** Input of `reactivate` and `getAccount`. */
export const AccountRef = defineModel(
  'account reference',
  z.strictObject({ accountId: Id.schema }),
);

/** What `reactivate` and `getAccount` takes, as a caller writes it (before the model fills in its defaults). */
export type AccountRef = ModelInput<typeof AccountRef>;

/** Input of `addToTeam`. */
export const AddToTeamInput = defineModel(
  'addToTeam input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    role: RoleName.schema,
    groupIds: z.array(Id.schema).max(100).default([]),
    managerId: Id.schema.nullable().default(null),
  }),
);

/** What `addToTeam` takes, as a caller writes it (before the model fills in its defaults). */
export type AddToTeamInput = ModelInput<typeof AddToTeamInput>;

/** Input of `removeFromTeam`. */
export const RemoveFromTeamInput = defineModel(
  'removeFromTeam input',
  z.strictObject({ accountId: Id.schema, spaceId: Id.schema.optional(), ...departure }),
);

/** What `removeFromTeam` takes, as a caller writes it (before the model fills in its defaults). */
export type RemoveFromTeamInput = ModelInput<typeof RemoveFromTeamInput>;

/** Input of `changeRole`. */
export const ChangeRoleInput = defineModel(
  'changeRole input',
  z.strictObject({ accountId: Id.schema, spaceId: Id.schema.optional(), role: RoleName.schema }),
);

/** What `changeRole` takes, as a caller writes it (before the model fills in its defaults). */
export type ChangeRoleInput = ModelInput<typeof ChangeRoleInput>;

/** Input of `listAccounts` and `listMembers`. */
export const ListAccountsInput = defineModel(
  'list input',
  z.strictObject({
    search: z.string().max(200).optional(),
    statuses: z.array(AccountStatus.schema).max(4).optional(),
    roles: z.array(RoleName.schema).max(50).optional(),
    spaceId: Id.schema.optional(),
    groupId: Id.schema.optional(),
    sort: z
      .strictObject({
        field: z.enum(['name', 'email', 'createdAt', 'lastSeenAt']),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .default({ field: 'name', direction: 'asc' }),
    cursor: z.string().max(1000).optional(),
    /** 1 to 500. @default 50 */
    limit: z.int().min(1).max(500).default(50),
  }),
);

/** What `listAccounts` and `listMembers` takes, as a caller writes it (before the model fills in its defaults). */
export type ListAccountsInput = ModelInput<typeof ListAccountsInput>;

/** The criteria of `listAccounts` and `listMembers`: search, filters, sort, cursor and page size. */
export type ListInput = ListAccountsInput;

/** Input of `renameOrganization`. */
export const RenameOrganizationInput = defineModel(
  'renameOrganization input',
  z.strictObject({ name: z.string().trim().min(1, 'Must not be empty').max(200) }),
);

/** What `renameOrganization` takes, as a caller writes it (before the model fills in its defaults). */
export type RenameOrganizationInput = ModelInput<typeof RenameOrganizationInput>;

/** Input of `changePlan`. */
export const ChangePlanInput = defineModel(
  'changePlan input',
  z.strictObject({ plan: z.string().trim().min(1).max(100) }),
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
  }),
);

/** What `transferOwnership` takes, as a caller writes it (before the model fills in its defaults). */
export type TransferOwnershipInput = ModelInput<typeof TransferOwnershipInput>;

/** Input of `deleteOrganization`: the organization's exact name, as confirmation. */
export const DeleteOrganizationInput = defineModel(
  'deleteOrganization input',
  z.strictObject({ confirmName: z.string().max(200) }),
);

/** What `deleteOrganization` takes, as a caller writes it (before the model fills in its defaults). */
export type DeleteOrganizationInput = ModelInput<typeof DeleteOrganizationInput>;

/** Input of `deleteOwnAccount`. */
export const DeleteOwnAccountInput = defineModel(
  'deleteOwnAccount input',
  z.strictObject({ ...departure }),
);

/** What `deleteOwnAccount` takes, as a caller writes it (before the model fills in its defaults). */
export type DeleteOwnAccountInput = ModelInput<typeof DeleteOwnAccountInput>;

/** Input of `setRestrictions`. */
export const SetRestrictionsInput = defineModel(
  'setRestrictions input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    restrictions: z.array(z.string().min(1).max(64)).max(100),
  }),
);

/** What `setRestrictions` takes, as a caller writes it (before the model fills in its defaults). */
export type SetRestrictionsInput = ModelInput<typeof SetRestrictionsInput>;

/** Input of `assignGroups`. */
export const AssignGroupsInput = defineModel(
  'assignGroups input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    groupIds: z.array(Id.schema).max(100),
  }),
);

/** What `assignGroups` takes, as a caller writes it (before the model fills in its defaults). */
export type AssignGroupsInput = ModelInput<typeof AssignGroupsInput>;

/** Input of `setManager`. */
export const SetManagerInput = defineModel(
  'setManager input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    managerId: Id.schema.nullable(),
  }),
);

/** What `setManager` takes, as a caller writes it (before the model fills in its defaults). */
export type SetManagerInput = ModelInput<typeof SetManagerInput>;

/** Input of `reassignReports`. */
export const ReassignReportsInput = defineModel(
  'reassignReports input',
  z.strictObject({ managerId: Id.schema, reassignment: ReportReassignment.schema }),
);

/** What `reassignReports` takes, as a caller writes it (before the model fills in its defaults). */
export type ReassignReportsInput = ModelInput<typeof ReassignReportsInput>;

/** Input of `presence`. */
export const PresenceInput = defineModel(
  'presence input',
  z.strictObject({ accountIds: z.array(Id.schema).min(1).max(500) }),
);

/** What `presence` takes, as a caller writes it (before the model fills in its defaults). */
export type PresenceInput = ModelInput<typeof PresenceInput>;

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
