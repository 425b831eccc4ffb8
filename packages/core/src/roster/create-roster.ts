import { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import { ProfileKey } from '../model/account.js';
import { Actor } from '../model/actor.js';
import type { Group } from '../model/group.js';
import type { Invitation } from '../model/invitation.js';
import type { Membership } from '../model/membership.js';
import type { Organization } from '../model/organization.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import type { Space } from '../model/space.js';
import { systemClock } from '../ports/clock.js';
import { uuidIdGenerator } from '../ports/id-generator.js';
import type { Page } from '../ports/store.js';
import { bulkImportCommand } from './bulk/bulk-import.js';
import type { BulkImportOptions, BulkOptions, BulkReport } from './bulk/bulk-report.js';
import type { BulkImportRow, BulkUpdateRow } from './bulk/bulk-rows.js';
import { bulkUpdateCommand } from './bulk/bulk-update.js';
import { parseBulkOptions, runBulk } from './bulk/run-bulk.js';
import type { ActorContext, CommandContext, RosterDeps } from './command-context.js';
import { type AcceptedInvitation, acceptInvitation } from './commands/accept-invitation.js';
import { type CreatedOrganization, createOrganization } from './commands/create-organization.js';
import { resendInvitation, revokeInvitation } from './commands/invitation-lifecycle.js';
import { type IssuedInvitation, invite } from './commands/invitations.js';
import { deactivate, reactivate } from './commands/lifecycle.js';
import {
  assignGroups,
  reassignReports,
  setManager,
  setRestrictions,
} from './commands/membership-settings.js';
import {
  changePlan,
  type DeletedOrganization,
  deleteOrganization,
  renameOrganization,
  transferOwnership,
} from './commands/organization.js';
import { updateProfile } from './commands/profile.js';
import {
  type AccountHistory,
  type AccountWithMemberships,
  getAccount,
  history,
  listAccounts,
  type Presence,
  presence,
} from './commands/queries.js';
import { deleteOwnAccount, recordActivity, requestPasswordReset } from './commands/self-service.js';
import { createGroup, createSpace } from './commands/structure.js';
import { addToTeam, changeRole, removeFromTeam } from './commands/team.js';
import {
  type DrainOutboxOptions,
  type DrainOutboxResult,
  drainOutbox,
  type ListDeadOutboxMessagesInput,
  listDeadOutboxMessages,
} from './drain-outbox.js';
import type {
  AcceptInvitationInput,
  AccountRef,
  AddToTeamInput,
  AssignGroupsInput,
  ChangePlanInput,
  ChangeRoleInput,
  CreateGroupInput,
  CreateOrganizationInput,
  CreateSpaceInput,
  DeactivateInput,
  DeleteOrganizationInput,
  DeleteOwnAccountInput,
  InvitationRef,
  InviteInput,
  ListInput,
  PresenceInput,
  ReassignReportsInput,
  RemoveFromTeamInput,
  RenameOrganizationInput,
  SetManagerInput,
  SetRestrictionsInput,
  TransferOwnershipInput,
  UpdateProfileInput,
} from './inputs.js';
import { loadActor } from './load-actor.js';
import {
  defaultProfileLimits,
  type ProfileLimits,
  type ResolvedProfileLimits,
} from './profile-limits.js';
import type { ResourceHandler, RosterOptions } from './roster-options.js';

/**
 * What one actor may call. Every method validates its input (bad input →
 * `INVALID_INPUT`, nothing read), loads what it needs, asks the Policy,
 * applies the lifecycle machines and rules, and writes everything, its audit
 * event and outbox messages included, in one Store transaction. A refused
 * call changes nothing.
 */
export interface ActorApi {
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
  reactivate(input: AccountRef): Promise<Account>;
  /** Adds an account to a space's team, or back to it: same account, a new period, the role chosen again. */
  addToTeam(input: AddToTeamInput): Promise<Membership>;
  /** Ends an account's membership of a space; the account stays on All Users. */
  removeFromTeam(input: RemoveFromTeamInput): Promise<Membership>;
  /** Changes a current member's role in a space. */
  changeRole(input: ChangeRoleInput): Promise<Membership>;
  /** One account with its memberships (periods included), if the actor may read it. */
  getAccount(input: AccountRef): Promise<AccountWithMemberships>;
  /** All Users: every account of the organization the actor may read, filtered, searched, sorted and paged. */
  listAccounts(input?: ListInput): Promise<Page<AccountWithMemberships>>;
  /** The team of a space (the default space when `spaceId` is absent): its current members. */
  listMembers(input?: ListInput): Promise<Page<AccountWithMemberships>>;
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
  /** Online, away or offline for each account, from when it was last seen. */
  presence(input: PresenceInput): Promise<Presence[]>;
  /** An account's membership periods and the audit events about it. */
  history(input: AccountRef): Promise<AccountHistory>;
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
}

/** The roster: the commands that have no actor yet, and {@link Roster.as} for the rest. */
export interface Roster {
  /** Creates an organization with its owner (active, top role) and its default space. */
  createOrganization(input: CreateOrganizationInput): Promise<CreatedOrganization>;
  /**
   * Accepts an invitation by its token: the pending account becomes active and
   * a member. Refused (`FORBIDDEN`) when the person who sent or last resent it
   * is no longer active or may no longer invite with its role into its space:
   * an invitation carries its inviter's authority only while they have it.
   */
  acceptInvitation(input: AcceptInvitationInput): Promise<AcceptedInvitation>;
  /** The API of one actor; every call is authorized for them. */
  as(actor: Actor): ActorApi;
  /**
   * Delivers the outbox messages that are due, in the order they became due,
   * through `handler`: the host's mailer, session store, … (DESIGN §8,
   * Delivery). A message is marked delivered only after `handler` resolves,
   * so delivery is at least once; `message.attempts` tells the handler how
   * many tries failed before.
   *
   * When `handler` throws, the failure is counted, its error kept as
   * `lastError`, and the message waits out a back-off before it is due
   * again, so messages that keep failing never hold back the ones behind
   * them. Its `maxAttempts`-th failure parks it dead: it is never tried
   * again on its own, and {@link Roster.listDeadOutboxMessages} lists it.
   * Call `drainOutbox` on a timer (every few seconds); one call tries each
   * due message at most once. Run one drainer at a time: two drains at once
   * may hand the same message to both their handlers.
   *
   * @param handler - delivers one message; throws (or rejects) when it could not.
   * @param options - how many to try, when to give up, how long to wait between tries.
   * @returns how many were delivered, how many failed, and how many of those were parked dead.
   * @throws `INVALID_INPUT` for bad options, or when `backoff` throws or returns
   * a wait that is not 0 to 365 days (that failure is then not recorded).
   *
   * @example
   * ```ts
   * setInterval(async () => {
   *   const { dead } = await roster.drainOutbox(async (message) => {
   *     if (message.topic === 'password.reset') await mailer.sendReset(message.payload);
   *     if (message.topic === 'sessions.revoke') await sessions.revokeAll(message.payload);
   *   }, { maxAttempts: 8 });
   *   if (dead > 0) alertOps(`${dead} outbox messages were parked dead`);
   * }, 5_000);
   * ```
   */
  drainOutbox(
    handler: (message: OutboxMessage) => Promise<void>,
    options?: DrainOutboxOptions,
  ): Promise<DrainOutboxResult>;
  /**
   * The outbox messages parked dead (their last allowed delivery failed), of
   * one organization or of all, the most recently parked first, with
   * `attempts` and `lastError` to tell why. A host reads them here, to show
   * an operator or to alert when `total` is not 0. A message that is later
   * delivered leaves the list.
   *
   * This is a host call, like `drainOutbox`: it is not authorized for an
   * actor, so do not expose it to an organization's users as it is.
   *
   * @param input - the organization (every one when absent), the cursor, the page size.
   * @returns one page, and `total` dead messages matching.
   * @throws `INVALID_INPUT` for bad input or a cursor not from this list.
   *
   * @example
   * ```ts
   * const page = await roster.listDeadOutboxMessages({ limit: 20 });
   * for (const message of page.items) console.warn(message.topic, message.attempts, message.lastError);
   * ```
   */
  listDeadOutboxMessages(input?: ListDeadOutboxMessagesInput): Promise<Page<OutboxMessage>>;
}

/**
 * Wires a store and a policy into a {@link Roster}.
 *
 * @example
 * ```ts
 * import { createRoster } from '@rosterkit/core';
 * import { memoryStore } from '@rosterkit/adapter-memory';
 * import { createPolicy, presets } from '@rosterkit/policies';
 *
 * const roleSet = presets.teamWorkspace;
 * const roster = createRoster({ store: memoryStore(), policy: createPolicy(roleSet), roles: roleSet });
 * const { organization, owner } = await roster.createOrganization({
 *   name: 'Acme',
 *   owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
 * });
 * const admin = roster.as({ accountId: owner.id, orgId: organization.id });
 * const { token } = await admin.invite({ email: 'bo@acme.io', role: 'staff' });
 * ```
 *
 * @typeParam Native - the store's native transaction, inferred from
 * `options.store`: what the resource handlers get as `tx.native`.
 */
export function createRoster<Native = unknown>(options: RosterOptions<Native>): Roster {
  const deps: RosterDeps = {
    policy: options.policy,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? uuidIdGenerator,
    requiredProfileFields: requiredProfileFieldsOf(options.requiredProfileFields ?? []),
    profileLimits: profileLimitsOf(options.profileLimits),
    invitationTtlMs: options.invitationTtlMs ?? 7 * 24 * 60 * 60 * 1000,
    // Commands hand the handlers the transactions of `options.store`, whose
    // `native` is the `Native` they were typed for, through untyped contexts.
    resourceHandlers: (options.resourceHandlers ?? []) as readonly ResourceHandler[],
    roles: options.roles,
    presence: options.presence ?? { onlineWithinMs: 5 * 60_000, awayWithinMs: 30 * 60_000 },
  };
  if (!deps.roles.roles.map((known) => known.name).includes(deps.roles.ownerRole.name)) {
    throw new TypeError(
      `createRoster: the owner role "${deps.roles.ownerRole.name}" is not among roles.roles`,
    );
  }
  const { store } = options;

  const withoutActor =
    <T>(command: (ctx: CommandContext, input: unknown) => Promise<T>) =>
    (input: unknown): Promise<T> =>
      store.transaction((tx) => command({ deps, tx, actor: null, now: deps.clock.now() }, input));

  return {
    createOrganization: withoutActor(createOrganization),
    acceptInvitation: withoutActor(acceptInvitation),
    as(rawActor) {
      const actor = Actor.parse(rawActor);
      const run =
        <T>(command: (ctx: ActorContext, input: unknown) => Promise<T>) =>
        (input: unknown): Promise<T> =>
          store.transaction(async (tx) =>
            command({ deps, tx, actor: await loadActor(tx, actor), now: deps.clock.now() }, input),
          );
      return {
        actor,
        invite: run(invite),
        resendInvitation: run(resendInvitation),
        revokeInvitation: run(revokeInvitation),
        updateProfile: run(updateProfile),
        deactivate: run(deactivate),
        reactivate: run(reactivate),
        addToTeam: run(addToTeam),
        removeFromTeam: run(removeFromTeam),
        changeRole: run(changeRole),
        getAccount: run(getAccount),
        listAccounts: (input = {}) => run((ctx, raw) => listAccounts(ctx, raw, false))(input),
        listMembers: (input = {}) => run((ctx, raw) => listAccounts(ctx, raw, true))(input),
        renameOrganization: run(renameOrganization),
        changePlan: run(changePlan),
        transferOwnership: run(transferOwnership),
        deleteOrganization: run(deleteOrganization),
        requestPasswordReset: run(requestPasswordReset),
        deleteOwnAccount: (input = {}) => run(deleteOwnAccount)(input),
        recordActivity: () => run((ctx) => recordActivity(ctx))(undefined),
        setRestrictions: run(setRestrictions),
        assignGroups: run(assignGroups),
        setManager: run(setManager),
        reassignReports: run(reassignReports),
        createSpace: run(createSpace),
        createGroup: run(createGroup),
        presence: run(presence),
        history: run(history),
        bulkImport: async (rows, bulkOptions) => {
          const parsed = parseBulkOptions(bulkOptions, [
            'dryRun',
            'batchSize',
            'onProgress',
            'space',
            'onInvitation',
          ]);
          const command = bulkImportCommand(
            parsed.space === undefined ? {} : { space: parsed.space },
          );
          return runBulk(store, deps, actor, rows, parsed, command);
        },
        bulkUpdate: async (rows, bulkOptions) => {
          const parsed = parseBulkOptions(bulkOptions, ['dryRun', 'batchSize', 'onProgress']);
          return runBulk(store, deps, actor, rows, parsed, bulkUpdateCommand());
        },
      };
    },
    drainOutbox: (handler, drainOptions) => drainOutbox(store, deps.clock, handler, drainOptions),
    listDeadOutboxMessages: (input) => listDeadOutboxMessages(store, input),
  };
}

function requiredProfileFieldsOf(fields: readonly string[]): readonly string[] {
  for (const field of fields) {
    if (field === 'firstName' || field === 'lastName') continue;
    const key = field.startsWith('profile.') ? field.slice('profile.'.length) : undefined;
    if (key === undefined || !ProfileKey.safeParse(key).success) {
      throw new TypeError(
        `createRoster: requiredProfileFields names firstName, lastName or profile.<key>; "${field}" is none${key === undefined && ProfileKey.safeParse(field).success ? ` (write "profile.${field}")` : ''}`,
      );
    }
  }
  return [...fields];
}

function profileLimitsOf(limits: ProfileLimits | undefined): ResolvedProfileLimits {
  const resolved = { ...defaultProfileLimits, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`createRoster: profileLimits.${name} must be a positive integer`);
    }
  }
  return resolved;
}
