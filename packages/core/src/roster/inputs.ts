import { z } from 'zod';
import { AccountStatus, ProfileFields } from '../model/account.js';
import { defineModel, type ModelInput } from '../model/define-model.js';
import { Restrictions, RoleName } from '../model/membership.js';
import { Email, ExternalId, Id, PersonName } from '../model/primitives.js';
import { maxPageSize } from '../ports/limits.js';
import { ReportReassignment } from '../rules/direct-reports.js';
import { expectedVersion } from './expected-version.js';

// The inputs of every command, validated before anything is read: bad input
// is an INVALID_INPUT with the field path, and the store is never touched.

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
    /** The restrictions the membership gets at acceptance (reference 004, step 5). */
    restrictions: Restrictions.schema.default([]),
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
    /** The host's id of the invitee's login user, linked as they accept (see `Account.externalId`). */
    externalId: ExternalId.schema.optional(),
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
    ...expectedVersion,
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
  z.strictObject({ accountId: Id.schema, ...expectedVersion, ...departure }),
);

/** What `deactivate` takes, as a caller writes it (before the model fills in its defaults). */
export type DeactivateInput = ModelInput<typeof DeactivateInput>;

/** Input of `getAccount`, `requestPasswordReset` (and what `reactivate` takes beside a version). */
export const AccountRef = defineModel(
  'account reference',
  z.strictObject({ accountId: Id.schema }),
);

/** What `getAccount` and `requestPasswordReset` take, as a caller writes it. */
export type AccountRef = ModelInput<typeof AccountRef>;

/** Input of `reactivate`: the account, and optionally the version read. */
export const ReactivateInput = defineModel(
  'reactivate input',
  z.strictObject({ accountId: Id.schema, ...expectedVersion }),
);

/** What `reactivate` takes, as a caller writes it. */
export type ReactivateInput = ModelInput<typeof ReactivateInput>;

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
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    /** The membership's version the caller read. */
    ...expectedVersion,
    ...departure,
  }),
);

/** What `removeFromTeam` takes, as a caller writes it (before the model fills in its defaults). */
export type RemoveFromTeamInput = ModelInput<typeof RemoveFromTeamInput>;

/** Input of `changeRole`. */
export const ChangeRoleInput = defineModel(
  'changeRole input',
  z.strictObject({
    accountId: Id.schema,
    spaceId: Id.schema.optional(),
    /** The membership's version the caller read. */
    ...expectedVersion,
    role: RoleName.schema,
  }),
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
    /**
     * `listMembers` only: also the pending invitees of the space (accounts
     * `pending`, with no membership yet), in the same order and cursor.
     * `listAccounts` (All Users) lists pending accounts anyway.
     * @default false
     */
    includePending: z.boolean().default(false),
    sort: z
      .strictObject({
        field: z.enum(['name', 'email', 'createdAt', 'lastSeenAt']),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .default({ field: 'name', direction: 'asc' }),
    cursor: z.string().max(1000).optional(),
    /** 1 to 500. @default 50 */
    limit: z.int().min(1).max(maxPageSize).default(50),
    /** `'exact'` counts every match into `total`; `'none'` skips the count (`total: null`). @default 'exact' */
    total: z.enum(['exact', 'none']).default('exact'),
  }),
);

/** What `listAccounts` and `listMembers` takes, as a caller writes it (before the model fills in its defaults). */
export type ListAccountsInput = ModelInput<typeof ListAccountsInput>;

/** The criteria of `listAccounts` and `listMembers`: search, filters, sort, cursor and page size. */
export type ListInput = ListAccountsInput;

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
    /** The membership's version the caller read. */
    ...expectedVersion,
    restrictions: Restrictions.schema,
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
    /** The membership's version the caller read. */
    ...expectedVersion,
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
    /** The membership's version the caller read. */
    ...expectedVersion,
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
