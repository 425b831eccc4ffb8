import type { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import type { Actor } from '../model/actor.js';
import type { Group } from '../model/group.js';
import type { Invitation } from '../model/invitation.js';
import type { Membership } from '../model/membership.js';
import type { Organization } from '../model/organization.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import type { Space } from '../model/space.js';
import type { StoredRole } from '../model/stored-role.js';
import type { RosterAction } from '../ports/policy.js';
import type { ListPage, Page } from '../ports/store.js';
import type { HistoryInput, LinkExternalIdInput } from './account-inputs.js';
import type { BulkImportOptions, BulkOptions, BulkReport } from './bulk/bulk-report.js';
import type { BulkImportRow, BulkUpdateRow } from './bulk/bulk-rows.js';
import type { DeletedSpace } from './commands/delete-space.js';
import type { AccountHistory } from './commands/history.js';
import type { ListedInvitation } from './commands/invitation-list.js';
import type { IssuedInvitation } from './commands/invitations.js';
import type { ActorPermissions } from './commands/may.js';
import type { DeletedOrganization } from './commands/organization.js';
import type { DeadOutboxPageInput } from './commands/outbox-admin.js';
import type {
  CreateProvisioningConnectionInput,
  IssuedProvisioningToken,
  ProvisioningConnectionRef,
  ProvisioningConnectionView,
  UpdateProvisioningConnectionInput,
} from './commands/provisioning-connections.js';
import type { AccountWithMemberships, Presence } from './commands/queries.js';
import type { RoleList } from './commands/roles.js';
import type { GroupWithMemberCount } from './commands/structure-reads.js';
import type { RetryDeadOutboxMessageInput } from './delivery/retry-dead.js';
import type {
  AccountRef,
  AddToTeamInput,
  AssignGroupsInput,
  ChangeRoleInput,
  DeactivateInput,
  DeleteOwnAccountInput,
  InvitationRef,
  InviteInput,
  ListInput,
  PresenceInput,
  ReactivateInput,
  ReassignReportsInput,
  RemoveFromTeamInput,
  SetManagerInput,
  SetRestrictionsInput,
  UpdateProfileInput,
} from './inputs.js';
import type {
  ChangePlanInput,
  CreateGroupInput,
  CreateSpaceInput,
  DeleteOrganizationInput,
  RenameOrganizationInput,
  TransferOwnershipInput,
} from './organization-inputs.js';
import type { ProvisionedGroupsApi } from './provisioning/provisioned-groups-api.js';
import type { ProvisionedUsersApi } from './provisioning/provisioned-users-api.js';
import type { CanSubject, DefineRoleInput, RoleRef, UpdateRoleInput } from './role-inputs.js';
import type {
  DeleteGroupInput,
  DeleteSpaceInput,
  ListGroupsInput,
  ListInvitationsInput,
  RenameGroupInput,
  RenameSpaceInput,
} from './structure-inputs.js';

/**
 * What one actor may call. Every method validates its input (bad input →
 * `INVALID_INPUT`, nothing read), loads what it needs, asks the Policy,
 * applies the lifecycle machines and rules, and writes everything, its audit
 * event and outbox messages included, in one Store transaction. A refused
 * call changes nothing.
 */
export interface ActorApi extends ProvisionedUsersApi, ProvisionedGroupsApi {
  // The commands that change one versioned record (an account, a
  // membership, the organization, a space, a group, a stored role) take an
  // optional `version`: the version the caller read. It is checked in the
  // command's transaction, so a stale one is refused (`CONFLICT`, reason
  // `stale-version`) and nothing changes (DESIGN rule 14).
  /** The actor this API acts as. */
  readonly actor: Actor;
  /** Invites an email into a space with a role (default space when `spaceId` is absent). Returns the token once. */
  invite(input: InviteInput): Promise<IssuedInvitation>;
  /** Rotates a pending invitation's token and expiry; the old link stops working. */
  resendInvitation(input: InvitationRef): Promise<IssuedInvitation>;
  /** Withdraws a pending invitation; its pending account disappears. */
  revokeInvitation(input: InvitationRef): Promise<Invitation>;
  /** Changes names or profile fields (never the email), each field authorized on its own. */
  updateProfile(input: UpdateProfileInput): Promise<Account>;
  /**
   * Deactivates an account: removed from every group, reports reassigned,
   * the host's resource handlers run, sessions revoked; membership and history kept.
   */
  deactivate(input: DeactivateInput): Promise<Account>;
  /** Reactivates a deactivated account: same account and credentials; groups are not restored. */
  reactivate(input: ReactivateInput): Promise<Account>;
  /** Adds an account to a space's team, or back to it: same account, a new period, the role chosen again. */
  addToTeam(input: AddToTeamInput): Promise<Membership>;
  /** Ends an account's membership of a space; the account stays on All Users. */
  removeFromTeam(input: RemoveFromTeamInput): Promise<Membership>;
  /** Changes a current member's role in a space. */
  changeRole(input: ChangeRoleInput): Promise<Membership>;
  /** One account with its memberships (periods included), if the actor may read it. */
  getAccount(input: AccountRef): Promise<AccountWithMemberships>;
  /**
   * All Users: every account of the organization the actor may read, filtered, searched, sorted and paged.
   * `total` is the exact count, unless the input asks for `total: 'none'` (then `null`, and no count is run).
   */
  listAccounts(input?: ListInput & { total?: 'exact' }): Promise<Page<AccountWithMemberships>>;
  listAccounts(input?: ListInput): Promise<ListPage<AccountWithMemberships>>;
  /**
   * The team of a space (the default space when `spaceId` is absent): its
   * current members, and with `includePending` its pending invitees too (in
   * the same order and cursor, with no memberships yet). `total` as for
   * {@link ActorApi.listAccounts}.
   */
  listMembers(input?: ListInput & { total?: 'exact' }): Promise<Page<AccountWithMemberships>>;
  listMembers(input?: ListInput): Promise<ListPage<AccountWithMemberships>>;
  /** Renames the organization. */
  renameOrganization(input: RenameOrganizationInput): Promise<Organization>;
  /** Changes the organization's plan (plan-gated features follow it). */
  changePlan(input: ChangePlanInput): Promise<Organization>;
  /**
   * Makes another active member of the default space the owner (top role);
   * the previous owner keeps `previousOwnerRole`. Only the owner may.
   */
  transferOwnership(input: TransferOwnershipInput): Promise<Organization>;
  /**
   * Deletes the organization and every account in it, the owner's too; its
   * audit trail goes with it. Irreversible: `confirmName` must be the exact name.
   */
  deleteOrganization(input: DeleteOrganizationInput): Promise<DeletedOrganization>;
  /** Asks the host to send a password-reset link (an outbox message `password.reset`). */
  requestPasswordReset(input: AccountRef): Promise<void>;
  /** Deletes the actor's own account (never the owner's while the organization exists). */
  deleteOwnAccount(input?: DeleteOwnAccountInput): Promise<void>;
  /** Records that the actor was just seen; writes at most once a minute. Not audited. */
  recordActivity(): Promise<Account>;
  /** Replaces a member's restrictions in a space. */
  setRestrictions(input: SetRestrictionsInput): Promise<Membership>;
  /** Replaces a member's groups (departments, queues) in a space. */
  assignGroups(input: AssignGroupsInput): Promise<Membership>;
  /** Sets or clears a member's manager (team leader) in a space. */
  setManager(input: SetManagerInput): Promise<Membership>;
  /** Moves a manager's direct reports: all to one new manager, or each to its own. */
  reassignReports(input: ReassignReportsInput): Promise<Membership[]>;
  /** Creates a space (a site, a Space, a second team) in the organization. */
  createSpace(input: CreateSpaceInput): Promise<Space>;
  /** Creates a group (a department, a queue) in a space; the default space when `spaceId` is absent. */
  createGroup(input: CreateGroupInput): Promise<Group>;
  /**
   * The invitations of the organization, newest first, in the spaces where
   * the Policy lets the actor read invitations (or in `spaceId`, refused with
   * `FORBIDDEN` if it does not): each with its `listStatus` (`pending`,
   * `expired`, `accepted`, `revoked` or `declined`), filtered by status,
   * paged by cursor, with the total. Their ids are what
   * {@link ActorApi.resendInvitation} and {@link ActorApi.revokeInvitation}
   * take. Token hashes are left out.
   *
   * @example
   * ```ts
   * const page = await admin.listInvitations({ statuses: ['pending', 'expired'], limit: 20 });
   * for (const invitation of page.items) console.log(invitation.email, invitation.listStatus);
   * ```
   */
  listInvitations(input?: ListInvitationsInput): Promise<Page<ListedInvitation>>;
  /** The organization, if the actor may read it (every member may, with the preset policies). */
  getOrganization(): Promise<Organization>;
  /** The spaces of the organization the actor may read, the default one first, then by name. */
  listSpaces(): Promise<Space[]>;
  /**
   * The groups of a space (the default space when `spaceId` is absent) the
   * actor may read, by name, each with its number of current members.
   * `FORBIDDEN` when the actor may not read the space.
   */
  listGroups(input?: ListGroupsInput): Promise<GroupWithMemberCount[]>;
  /** Renames a space (audited). */
  renameSpace(input: RenameSpaceInput): Promise<Space>;
  /**
   * Deletes a space, never the default one (`DEFAULT_SPACE_PROTECTED`), in
   * one transaction: every current member leaves as by
   * {@link ActorApi.removeFromTeam} (the period ends and stays in history,
   * groups cleared, the host's resource handlers called), its pending
   * invitations are revoked (their pending accounts disappear), its groups go
   * with it; each change is audited (`deleteSpace`). The owner's membership
   * ends only when the owner deletes it (`OWNER_PROTECTED` otherwise, rule 1).
   */
  deleteSpace(input: DeleteSpaceInput): Promise<DeletedSpace>;
  /** Renames a group (audited). */
  renameGroup(input: RenameGroupInput): Promise<Group>;
  /**
   * Deletes a group: its members leave it in the same transaction, each
   * membership's change audited (`deleteGroup`) with the group's deletion.
   * Pending invitations that named it join without it.
   */
  deleteGroup(input: DeleteGroupInput): Promise<Group>;
  /** Online, away or offline for each account, from when it was last seen. */
  presence(input: PresenceInput): Promise<Presence[]>;
  /**
   * One page of an account's history: its membership periods and the audit
   * events about it and its memberships, newest first, `limit` at a time
   * (default 100) with `nextCursor` for the older ones. A deleted account's
   * history is still read by its id (`account` is then `null`): its events
   * stay, with ids as pseudonyms and no personal data. Needs the Policy's
   * `read` of the audit (`AuditEvent`); for a live account, its `read` too.
   *
   * @example
   * ```ts
   * let page = await admin.history({ accountId, limit: 50 });
   * const events = [...page.events];
   * while (page.nextCursor !== null) {
   *   page = await admin.history({ accountId, limit: 50, cursor: page.nextCursor });
   *   events.push(...page.events);
   * }
   * ```
   */
  history(input: HistoryInput): Promise<AccountHistory>;
  /**
   * Links an account to the host's user (its login user's id, an identity
   * provider's subject): set once, unique in the organization. Linking the
   * id it already has changes nothing; another id is `INVALID_TRANSITION`,
   * and an id another account holds is `CONFLICT` (reason `unique`). Needs
   * the Policy's `linkExternalId` (roles that manage users, within their
   * rank and spaces). The host then finds the account with `roster.findAccount`.
   */
  linkExternalId(input: LinkExternalIdInput): Promise<Account>;
  /**
   * Imports people from a file: each valid row creates a pending account and
   * invites it, exactly as {@link ActorApi.invite} would (the role grantable,
   * the Policy asked, the space, groups and manager checked), with the space
   * and groups by name and the manager by email. An email that already has an
   * account is `unchanged` (DESIGN rule 12: never a second account), so
   * running the same file again is harmless; a later row repeating an email
   * of the file fails (`INVALID_INPUT`, column `email`).
   *
   * A bad row never stops the good ones and is never half-applied: it is
   * reported `failed` with its code, message and column. Rows are written in
   * batches, one Store transaction each, with a constant number of Store
   * calls per batch. A batch that fails for an unexpected reason (a
   * concurrent writer) is run again one row per transaction. With `dryRun`,
   * everything is checked and nothing written; the report is the real run's
   * (with `accountId` `null` for rows that would be created).
   *
   * The call itself throws only when it cannot run at all: options or rows
   * that are not what it takes (`INVALID_INPUT`), an actor who cannot act, or
   * an error that is not a {@link RosterError} (a lost connection).
   *
   * @example
   * ```ts
   * const report = await admin.bulkImport(
   *   [
   *     { rowNumber: 2, email: 'bo@acme.io', firstName: 'Bo', lastName: 'Li', role: 'agent', groups: ['Sales'] },
   *     { rowNumber: 3, email: 'cy@acme.io', role: 'agent', space: 'Leeds', manager: 'adi@acme.io' },
   *   ],
   *   { dryRun: true, onProgress: ({ done, total }) => console.log(`${done}/${total}`) },
   * );
   * for (const row of report.rows) if (row.error) console.log(row.row, row.error.column, row.error.message);
   * ```
   */
  bulkImport(rows: readonly BulkImportRow[], options?: BulkImportOptions): Promise<BulkReport>;
  /**
   * Updates people from a file, found by email: role, groups, manager and
   * restrictions in a space (the default space when the row names none), and
   * deactivation (`deactivated: true`, the "y" of the Deactivated column) or
   * reactivation (`false`). An absent field is left as it is. Each change is
   * checked as its single command would check it ({@link ActorApi.changeRole},
   * {@link ActorApi.assignGroups}, {@link ActorApi.setManager},
   * {@link ActorApi.setRestrictions}, {@link ActorApi.deactivate},
   * {@link ActorApi.reactivate}); the row's changes are written together, with
   * one audit event (`bulkUpdate`), or not at all. A row that changes nothing
   * is `unchanged` and writes nothing.
   *
   * DESIGN rule 8: a row that would deactivate someone whose role can manage
   * the team (see {@link roleCanManageTeam}) fails with
   * `BULK_DEACTIVATION_REFUSED`: deactivate them one by one, after reassigning
   * their reports. Batches, the dry run and the report work as in
   * {@link ActorApi.bulkImport}.
   *
   * @example
   * ```ts
   * const report = await admin.bulkUpdate([
   *   { email: 'bo@acme.io', role: 'manager', groups: ['Sales', 'Support'] },
   *   { email: 'cy@acme.io', deactivated: true },
   * ]);
   * console.log(report.counts); // { created: 0, updated: 2, unchanged: 0, failed: 0 }
   * ```
   */
  bulkUpdate(rows: readonly BulkUpdateRow[], options?: BulkOptions): Promise<BulkReport>;
  /**
   * Whether the actor may do `action` on `subject`, as the command would
   * decide it (the Policy, and core's own refusals: oneself, the owner, a
   * role that cannot be granted), not whether it would succeed (an account
   * already deactivated is still one the actor "may" deactivate). The
   * subject names records as the commands do: `{ accountId }` (with
   * `spaceId`, its membership of that space; else of the default space),
   * `{ spaceId }`, `{ invitationId }`, `{ roleId }`, plus the `role` a grant
   * would give and the profile `field` an edit would change; without a
   * `role`, any role the actor may grant counts.
   *
   * Without a subject: the organization's own actions (rename, plan,
   * statistics, plan gates included...) are answered for the organization;
   * the others for "some record of the kind" (a button above a list).
   *
   * @throws `INVALID_INPUT` for an unknown action, or a subject the action is not asked about; `NOT_FOUND` for a record that is not there.
   *
   * @example
   * ```ts
   * if (await admin.can('viewStatistics')) showCallStatistics();
   * const mayDeactivate = await admin.can('deactivate', { accountId: bo.id });
   * ```
   */
  can(action: RosterAction, subject?: CanSubject): Promise<boolean>;
  /**
   * Every action with {@link ActorApi.can}'s answer for the subject (or
   * none), and the roles the actor may grant there: what a UI needs to show
   * its buttons and its role menu in one call.
   *
   * @example
   * ```ts
   * const { actions, grantableRoles } = await admin.permissions({ accountId: bo.id });
   * if (actions.changeRole) renderRoleMenu(grantableRoles);
   * ```
   */
  permissions(subject?: CanSubject): Promise<ActorPermissions>;
  /**
   * Stores a new role of the organization (name, rank, permissions, scope,
   * restrictions), grantable at once like the policy's own. DESIGN rule 4:
   * not above the actor's rank, and only permissions the actor holds.
   *
   * @throws `ROLE_EXISTS` for a name taken; `INVALID_INPUT` for an unknown permission or restriction; `RANK_EXCEEDED` / `FORBIDDEN` from the Policy.
   */
  defineRole(input: DefineRoleInput): Promise<StoredRole>;
  /** Changes a stored role (not its name); its holders' rights follow at once. Rule 4 holds for the role as it was and as it becomes. */
  updateRole(input: UpdateRoleInput): Promise<StoredRole>;
  /** Deletes a stored role nobody holds; `ROLE_IN_USE` lists the members and pending invitations that do. */
  deleteRole(input: RoleRef): Promise<StoredRole>;
  /** The roles of the organization: the policy's and the stored ones, with the stored roles' version. */
  listRoles(): Promise<RoleList>;
  /**
   * The organization's outbox messages parked dead (their last allowed
   * delivery failed, or was interrupted too often), the most recently
   * parked first, with `attempts` and `lastError` to tell why: what an
   * admin page shows so the organization's admins can fix the cause (a
   * mailbox that does not exist, an SMTP account) and retry. Only the
   * actor's organization's messages. Needs the Policy's `manageOutbox`
   * (with the presets: the owner and the organization-wide admins).
   *
   * @throws `FORBIDDEN` without `manageOutbox`; `INVALID_INPUT` for bad input or a cursor not from this list.
   *
   * @example
   * ```ts
   * const page = await admin.listDeadOutboxMessages({ limit: 20 });
   * for (const message of page.items) console.log(message.topic, message.attempts, message.lastError);
   * ```
   */
  listDeadOutboxMessages(input?: DeadOutboxPageInput): Promise<Page<OutboxMessage>>;
  /**
   * Puts one of the organization's dead messages back in the queue, due
   * now, its attempts counted afresh (`lastError` kept until the next try),
   * audited as `retryDeadOutboxMessage` (without the payload). Needs the
   * Policy's `manageOutbox`.
   *
   * @returns `true` if it was dead and is queued again; `false` if it was not dead any more (delivered, or retried meanwhile): nothing written.
   * @throws `NOT_FOUND` for a message that is not the organization's (another organization's included); `FORBIDDEN` without `manageOutbox`; `INVALID_INPUT` for bad input.
   *
   * @example
   * ```ts
   * const { items } = await admin.listDeadOutboxMessages();
   * for (const message of items) await admin.retryDeadOutboxMessage({ messageId: message.id });
   * ```
   */
  retryDeadOutboxMessage(input: RetryDeadOutboxMessageInput): Promise<boolean>;
  /**
   * Creates a SCIM provisioning connection for an identity provider (DESIGN
   * §8, SCIM 2.0) and its bearer token. The token is returned here once:
   * rosterkit keeps only its SHA-256 and its last four characters
   * (`tokenHint`). The users it provisions join `spaceId` (the default space
   * when absent) with `defaultRole`, or the role `groupRoles` maps one of
   * their groups to; every such role must be one the actor could invite
   * with into that space (known, not the owner's, not above the actor's
   * rank). Needs the Policy's `manageProvisioning` (with the presets: the
   * owner and the organization-wide admins); a provisioning connection may
   * never call it. Audited as `createProvisioningConnection`, without the
   * token's hash.
   *
   * @throws `FORBIDDEN` without `manageProvisioning` (or the right to invite with a role it grants), or for a provisioning connection; `RANK_EXCEEDED` for a role above the actor's; `OWNER_PROTECTED` for the owner's role; `NOT_FOUND` for a space or group not of the organization; `INVALID_INPUT` for bad input or an unknown role.
   *
   * @example
   * ```ts
   * const { connection, token } = await admin.createProvisioningConnection({ name: 'Okta', defaultRole: 'staff' });
   * showOnce(token); // paste it into Okta's SCIM settings: it cannot be shown again
   * ```
   */
  createProvisioningConnection(
    input: CreateProvisioningConnectionInput,
  ): Promise<IssuedProvisioningToken>;
  /**
   * Gives a connection a new bearer token, returned here once; the old one
   * stops authenticating at once. Audited as `rotateProvisioningToken`
   * (the hint before and after, never a hash). Needs `manageProvisioning`.
   *
   * @throws `NOT_FOUND` for a connection not of the organization; `CONFLICT` (reason `stale-version`) when `version` is not the stored one; `INVALID_TRANSITION` for a revoked connection; `FORBIDDEN` as for create; `INVALID_INPUT` for bad input.
   *
   * @example
   * ```ts
   * const { token } = await admin.rotateProvisioningToken({ connectionId, version: connection.version });
   * ```
   */
  rotateProvisioningToken(input: ProvisioningConnectionRef): Promise<IssuedProvisioningToken>;
  /**
   * Changes a connection's name, space, default role, `onCreate` or group
   * mapping (`groupRoles` replaces the whole mapping); what is left out is
   * kept. A change of what it grants is checked as on create. Audited as
   * `updateProvisioningConnection` when something changed. Needs
   * `manageProvisioning`.
   *
   * @throws as {@link ActorApi.rotateProvisioningToken}, and as {@link ActorApi.createProvisioningConnection} for the roles, space and groups.
   *
   * @example
   * ```ts
   * await admin.updateProvisioningConnection({ connectionId, version, onCreate: 'invite' });
   * ```
   */
  updateProvisioningConnection(
    input: UpdateProvisioningConnectionInput,
  ): Promise<ProvisioningConnectionView>;
  /**
   * Revokes a connection for good: its token no longer authenticates, and
   * its actor is `ACTOR_INACTIVE`. Revoking a revoked connection changes
   * nothing. Audited as `revokeProvisioningConnection`. Needs
   * `manageProvisioning`.
   *
   * @throws `NOT_FOUND`, `CONFLICT` (stale version), `FORBIDDEN`, `INVALID_INPUT` as for rotate.
   *
   * @example
   * ```ts
   * await admin.revokeProvisioningConnection({ connectionId });
   * ```
   */
  revokeProvisioningConnection(
    input: ProvisioningConnectionRef,
  ): Promise<ProvisioningConnectionView>;
  /**
   * The organization's provisioning connections, revoked ones included, by
   * creation, without their token hashes (`tokenHint` tells tokens apart,
   * `lastUsedAt` when the identity provider last called). Needs
   * `manageProvisioning`.
   *
   * @throws `FORBIDDEN` without `manageProvisioning`, or for a provisioning connection.
   *
   * @example
   * ```ts
   * for (const c of await admin.listProvisioningConnections()) console.log(c.name, c.status, c.tokenHint, c.lastUsedAt);
   * ```
   */
  listProvisioningConnections(): Promise<ProvisioningConnectionView[]>;
}
