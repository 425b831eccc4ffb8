import { z } from 'zod';
import { AccountStatus, ProfileFields } from '../model/account.js';
import { defineModel } from '../model/define-model.js';
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
    profile: ProfileFields.schema.default({}),
  }),
);

/** Input of `acceptInvitation`. */
export const AcceptInvitationInput = defineModel(
  'acceptInvitation input',
  z.strictObject({
    token: z.string().min(1).max(200),
    firstName: PersonName.schema.optional(),
    lastName: PersonName.schema.optional(),
    profile: ProfileFields.schema.default({}),
  }),
);

/** Input of `resendInvitation` and `revokeInvitation`. */
export const InvitationRef = defineModel(
  'invitation reference',
  z.strictObject({ invitationId: Id.schema }),
);

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

/** Input of `reactivate` and `getAccount`. */
export const AccountRef = defineModel(
  'account reference',
  z.strictObject({ accountId: Id.schema }),
);

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

/** Input of `removeFromTeam`. */
export const RemoveFromTeamInput = defineModel(
  'removeFromTeam input',
  z.strictObject({ accountId: Id.schema, spaceId: Id.schema.optional(), ...departure }),
);

/** Input of `changeRole`. */
export const ChangeRoleInput = defineModel(
  'changeRole input',
  z.strictObject({ accountId: Id.schema, spaceId: Id.schema.optional(), role: RoleName.schema }),
);

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
    limit: z.int().min(1).max(500).default(50),
  }),
);

/** Input of `renameOrganization`. */
export const RenameOrganizationInput = defineModel(
  'renameOrganization input',
  z.strictObject({ name: z.string().trim().min(1, 'Must not be empty').max(200) }),
);

/** Input of `changePlan`. */
export const ChangePlanInput = defineModel(
  'changePlan input',
  z.strictObject({ plan: z.string().trim().min(1).max(100) }),
);

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

/** Input of `deleteOrganization`: the organization's exact name, as confirmation. */
export const DeleteOrganizationInput = defineModel(
  'deleteOrganization input',
  z.strictObject({ confirmName: z.string().max(200) }),
);

/** Input of `deleteOwnAccount`. */
export const DeleteOwnAccountInput = defineModel(
  'deleteOwnAccount input',
  z.strictObject({ ...departure }),
);

/** Input of `setRestrictions`. */
export const SetRestrictionsInput = defineModel(
  'setRestrictions input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    restrictions: z.array(z.string().min(1).max(64)).max(100),
  }),
);

/** Input of `assignGroups`. */
export const AssignGroupsInput = defineModel(
  'assignGroups input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    groupIds: z.array(Id.schema).max(100),
  }),
);

/** Input of `setManager`. */
export const SetManagerInput = defineModel(
  'setManager input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    managerId: Id.schema.nullable(),
  }),
);

/** Input of `reassignReports`. */
export const ReassignReportsInput = defineModel(
  'reassignReports input',
  z.strictObject({ managerId: Id.schema, reassignment: ReportReassignment.schema }),
);

/** Input of `presence`. */
export const PresenceInput = defineModel(
  'presence input',
  z.strictObject({ accountIds: z.array(Id.schema).min(1).max(500) }),
);

/** Input of `createSpace`. */
export const CreateSpaceInput = defineModel(
  'createSpace input',
  z.strictObject({ name: z.string().trim().min(1, 'Must not be empty').max(200) }),
);

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
