import {
  Account,
  AuditEvent,
  BulkRowStatus,
  Group,
  Invitation,
  Membership,
  Organization,
  OutboxMessage,
  ProvisioningConnection,
  rosterActions,
  Space,
  StoredRole,
} from '@rosterkit/core';
import { z } from 'zod';

// The success bodies, built from core's own model schemas so the document
// cannot drift from what the commands return. Timestamps are ISO 8601
// strings in JSON; core's Timestamp schema accepts those, so a test can check
// a response body against these very schemas.

const object = <T>(model: { schema: z.ZodType<T> }) => model.schema;

/** An invitation as the API shows it: without `tokenHash`, which is nobody's business. @internal */
export const PublicInvitation = (Invitation.schema as unknown as z.ZodObject).omit({
  tokenHash: true,
});

/** An invitation without its token hash. @internal */
export type PublicInvitation = Omit<Invitation, 'tokenHash'>;

/** Strips the token hash. @internal */
export function publicInvitation(invitation: Invitation): PublicInvitation {
  const { tokenHash: _hidden, ...rest } = invitation;
  return rest;
}

/** A provisioning connection as the API shows it: without `tokenHash`, as core returns it. @internal */
export const ProvisioningConnectionBody = (
  ProvisioningConnection.schema as unknown as z.ZodObject
).omit({ tokenHash: true });

/** @internal */
export const IssuedProvisioningTokenBody = z.object({
  connection: ProvisioningConnectionBody,
  token: z.string().meta({
    description:
      'The bearer token for the identity provider, shown this once (rosterkit keeps its hash only).',
  }),
});

/** @internal */
export const AccountBody = object(Account);
/** @internal */
export const MembershipBody = object(Membership);
/** @internal */
export const OrganizationBody = object(Organization);
/** @internal */
export const SpaceBody = object(Space);
/** @internal */
export const GroupBody = object(Group);

/** @internal */
export const AccountWithMembershipsBody = z.object({
  account: AccountBody,
  memberships: z.array(MembershipBody),
});

/** @internal */
export const AccountPageBody = z.object({
  items: z.array(AccountWithMembershipsBody),
  nextCursor: z.string().nullable(),
  total: z.int().min(0),
});

/** @internal */
export const IssuedInvitationBody = z.object({
  invitation: PublicInvitation,
  account: AccountBody,
  token: z.string().meta({ description: 'The secret of the invitation link, shown this once.' }),
});

/** @internal */
export const AcceptedInvitationBody = z.object({
  account: AccountBody,
  membership: MembershipBody,
});

/** @internal */
export const AccountHistoryBody = z.object({
  accountId: z.string(),
  account: AccountBody.nullable().meta({
    description: '`null` once the account is deleted: its trail stays, with ids as pseudonyms.',
  }),
  memberships: z.array(MembershipBody),
  events: z.array(object(AuditEvent)),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'The `cursor` of the next (older) page; `null` on the last.' }),
  total: z.int().min(0),
});

/** An invitation as the list shows it: where it stands now, no token hash. @internal */
export const ListedInvitationBody = PublicInvitation.extend({
  listStatus: z.enum(['pending', 'expired', 'accepted', 'revoked', 'declined']),
});

/** @internal */
export const InvitationPageBody = z.object({
  items: z.array(ListedInvitationBody),
  nextCursor: z.string().nullable(),
  total: z.int().min(0),
});

/** @internal */
export const GroupListBody = z.array(z.object({ group: GroupBody, memberCount: z.int().min(0) }));

/** @internal */
export const DeletedSpaceBody = z.object({
  space: SpaceBody,
  endedMemberships: z.array(MembershipBody),
  revokedInvitations: z.array(PublicInvitation),
  deletedGroups: z.array(GroupBody),
});

/** @internal */
export const StoredRoleBody = object(StoredRole);

/** @internal */
export const RoleListBody = z.object({
  presets: z.array(
    z.object({ name: z.string(), permissions: z.array(z.string()), owner: z.boolean() }),
  ),
  stored: z.array(StoredRoleBody),
  version: z.string().meta({ description: 'The version of the organization’s stored roles.' }),
});

/** An action a "may I?" question is about. @internal */
export const RosterActionName = z.enum(rosterActions);

/** @internal */
export const PermissionsBody = z.object({
  actions: z.record(RosterActionName, z.boolean()),
  grantableRoles: z.array(z.string()),
});

/** @internal */
export const CanBody = z.object({ action: RosterActionName, allowed: z.boolean() });

/** @internal */
export const PresenceBody = z.array(
  z.object({
    accountId: z.string(),
    status: z.enum(['online', 'away', 'offline']),
    lastSeenAt: z.iso.datetime({ offset: true }).nullable(),
  }),
);

/** @internal */
export const DeletedOrganizationBody = z.object({
  organizationId: z.string(),
  accounts: z
    .int()
    .min(0)
    .meta({ description: 'How many accounts were deleted, the owner’s included.' }),
});

const counts = z.object({
  created: z.int().min(0),
  updated: z.int().min(0),
  unchanged: z.int().min(0),
  failed: z.int().min(0),
});

/** @internal */
export const BulkReportBody = z.object({
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      row: z.int(),
      email: z.string().nullable(),
      status: BulkRowStatus.schema,
      accountId: z.string().nullable(),
      error: z
        .object({ code: z.string(), message: z.string(), column: z.string().nullable() })
        .nullable(),
    }),
  ),
  counts,
});

/** A spreadsheet upload's report: core's per-row report merged with the file's cell errors. @internal */
export const SheetReportBody = z.object({
  dryRun: z.boolean(),
  lines: z.array(
    z.object({
      row: z.int(),
      email: z.string().nullable(),
      status: BulkRowStatus.schema,
      accountId: z.string().nullable(),
      errors: z.array(
        z.object({
          column: z.string().nullable(),
          field: z.string().nullable(),
          code: z.string(),
          message: z.string(),
        }),
      ),
    }),
  ),
  counts,
});

/** @internal */
export const BulkResponseBody = z.union([BulkReportBody, SheetReportBody]).meta({
  description:
    'The per-row report: `rows` for a JSON body, `lines` (with the file’s cell errors) for an upload.',
});

/** @internal */
export const OutboxMessageBody = object(OutboxMessage);

/** @internal */
export const OutboxMessagePageBody = z.object({
  items: z.array(OutboxMessageBody),
  nextCursor: z.string().nullable(),
  total: z.int().min(0),
});

/** @internal */
export const RetriedOutboxMessageBody = z.object({
  retried: z.boolean().meta({
    description: '`false` when the message was no longer dead (retried already, or delivered).',
  }),
});
