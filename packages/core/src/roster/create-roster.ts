import { ProfileKey } from '../model/account.js';
import { Actor } from '../model/actor.js';
import { systemClock } from '../ports/clock.js';
import { uuidIdGenerator } from '../ports/id-generator.js';
import type { TransactionOptions } from '../ports/store.js';
import type { ActorApi } from './actor-api.js';
import { authenticateProvisioner } from './authenticate-provisioner.js';
import { bulkImportCommand } from './bulk/bulk-import.js';
import { parseBulkOptions } from './bulk/bulk-options.js';
import { bulkUpdateCommand } from './bulk/bulk-update.js';
import { runBulk } from './bulk/run-bulk.js';
import type { ActorContext, CommandContext, RosterDeps } from './command-context.js';
import { acceptInvitation } from './commands/accept-invitation.js';
import { createOrganization } from './commands/create-organization.js';
import { declineInvitation } from './commands/decline-invitation.js';
import { deleteSpace } from './commands/delete-space.js';
import { findAccount } from './commands/find-account.js';
import { history } from './commands/history.js';
import { resendInvitation, revokeInvitation } from './commands/invitation-lifecycle.js';
import { listInvitations } from './commands/invitation-list.js';
import { invite } from './commands/invitations.js';
import { deactivate, reactivate } from './commands/lifecycle.js';
import { linkExternalId } from './commands/link-external-id.js';
import { can, permissions } from './commands/may.js';
import {
  assignGroups,
  reassignReports,
  setManager,
  setRestrictions,
} from './commands/membership-settings.js';
import {
  changePlan,
  deleteOrganization,
  renameOrganization,
  transferOwnership,
} from './commands/organization.js';
import { listOwnDeadOutboxMessages, retryOwnDeadOutboxMessage } from './commands/outbox-admin.js';
import { updateProfile } from './commands/profile.js';
import {
  createProvisioningConnection,
  listProvisioningConnections,
  revokeProvisioningConnection,
  rotateProvisioningToken,
  updateProvisioningConnection,
} from './commands/provisioning-connections.js';
import { getAccount, listAccounts, presence } from './commands/queries.js';
import { defineRole, deleteRole, listRoles, updateRole } from './commands/roles.js';
import { deleteOwnAccount, recordActivity, requestPasswordReset } from './commands/self-service.js';
import { createGroup, createSpace } from './commands/structure.js';
import { deleteGroup, renameGroup, renameSpace } from './commands/structure-changes.js';
import { getOrganization, listGroups, listSpaces } from './commands/structure-reads.js';
import { addToTeam, changeRole, removeFromTeam } from './commands/team.js';
import { withAfterCommit } from './delivery/after-commit.js';
import { retryDeadOutboxMessage } from './delivery/retry-dead.js';
import { registerDelivery } from './delivery/roster-delivery.js';
import { drainOutbox, listDeadOutboxMessages } from './drain-outbox.js';
import { resolveInvitationKeys } from './invitation-keys.js';
import { loadActorAndTarget } from './load-actor.js';
import { namedAccountId } from './prefetched-account.js';
import {
  defaultProfileLimits,
  type ProfileLimits,
  type ResolvedProfileLimits,
} from './profile-limits.js';
import { provisionedGroupCommands } from './provisioning/provisioned-group-commands.js';
import { provisionedUserCommands } from './provisioning/provisioned-user-commands.js';
import type { Roster } from './roster.js';
import type { ResourceHandler, RosterOptions } from './roster-options.js';
import { seatLimitsOf } from './seat-limits.js';
import { depsFor } from './stored-roles.js';

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
 * const roster = createRoster({ store: memoryStore(), policy: createPolicy(roleSet) });
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
    ...(options.invitationKeys === undefined
      ? {}
      : { invitationKeys: resolveInvitationKeys(options.invitationKeys) }),
    // Commands hand the handlers the transactions of `options.store`, whose
    // `native` is the `Native` they were typed for, through untyped contexts.
    resourceHandlers: (options.resourceHandlers ?? []) as readonly ResourceHandler[],
    roles: options.policy.roles,
    presence: options.presence ?? { onlineWithinMs: 5 * 60_000, awayWithinMs: 30 * 60_000 },
    seatLimits: seatLimitsOf(options.seatLimits),
  };
  if (!deps.roles.roles.map((known) => known.name).includes(deps.roles.ownerRole.name)) {
    throw new TypeError(
      `createRoster: the policy's owner role "${deps.roles.ownerRole.name}" is not among its roles (policy.roles.roles)`,
    );
  }
  // The hook sees what each committed transaction appended to the outbox.
  const store =
    options.afterCommit === undefined
      ? options.store
      : withAfterCommit(options.store, options.afterCommit);

  const withoutActor =
    <T>(command: (ctx: CommandContext, input: unknown) => Promise<T>) =>
    (input: unknown): Promise<T> =>
      store.transaction((tx) => command({ deps, tx, actor: null, now: deps.clock.now() }, input));

  const roster: Roster = {
    createOrganization: withoutActor(createOrganization),
    acceptInvitation: withoutActor(acceptInvitation),
    declineInvitation: withoutActor(declineInvitation),
    findAccount: withoutActor(findAccount),
    authenticateProvisioner: (token) => authenticateProvisioner(store, deps.clock, token),
    as(rawActor) {
      const actor = Actor.parse(rawActor);
      const runWith =
        (options: TransactionOptions | undefined) =>
        <T>(command: (ctx: ActorContext, input: unknown) => Promise<T>) =>
        (input: unknown): Promise<T> =>
          store.transaction(async (tx) => {
            // The account the input names comes with the actor, in one round trip.
            const { loaded, prefetched } = await loadActorAndTarget(
              tx,
              actor,
              deps.roles,
              namedAccountId(input),
            );
            const ctx: ActorContext = {
              deps: depsFor(deps, loaded),
              tx,
              actor: loaded,
              now: deps.clock.now(),
              ...(prefetched === undefined ? {} : { prefetched }),
            };
            return command(ctx, input);
          }, options);
      const run = runWith(undefined);
      // Queries write nothing: the store may read them from a snapshot.
      const read = runWith({ readOnly: true });
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
        getAccount: read(getAccount),
        // One implementation behind both overloads: `total` is a number unless the input said 'none'.
        listAccounts: ((input = {}) =>
          read((ctx, raw) => listAccounts(ctx, raw, false))(input)) as ActorApi['listAccounts'],
        listMembers: ((input = {}) =>
          read((ctx, raw) => listAccounts(ctx, raw, true))(input)) as ActorApi['listMembers'],
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
        listInvitations: (input = {}) => read(listInvitations)(input),
        getOrganization: () => read((ctx) => getOrganization(ctx))(undefined),
        listSpaces: () => read((ctx) => listSpaces(ctx))(undefined),
        listGroups: (input = {}) => read(listGroups)(input),
        renameSpace: run(renameSpace),
        deleteSpace: run(deleteSpace),
        renameGroup: run(renameGroup),
        deleteGroup: run(deleteGroup),
        presence: read(presence),
        history: read(history),
        can: (action, subject) =>
          read(can)(subject === undefined ? { action } : { action, subject }),
        permissions: (subject = {}) => read(permissions)(subject),
        defineRole: run(defineRole),
        updateRole: run(updateRole),
        deleteRole: run(deleteRole),
        listRoles: () => read((ctx) => listRoles(ctx))(undefined),
        linkExternalId: run(linkExternalId),
        listDeadOutboxMessages: (input = {}) => run(listOwnDeadOutboxMessages)(input),
        retryDeadOutboxMessage: run(retryOwnDeadOutboxMessage),
        createProvisioningConnection: run(createProvisioningConnection),
        rotateProvisioningToken: run(rotateProvisioningToken),
        updateProvisioningConnection: run(updateProvisioningConnection),
        revokeProvisioningConnection: run(revokeProvisioningConnection),
        listProvisioningConnections: () =>
          read((ctx) => listProvisioningConnections(ctx))(undefined),
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
        ...provisionedUserCommands(run, read),
        ...provisionedGroupCommands(run, read),
      };
    },
    drainOutbox: (handler, drainOptions) => drainOutbox(store, deps.clock, handler, drainOptions),
    listDeadOutboxMessages: (input) => listDeadOutboxMessages(store, input),
    retryDeadOutboxMessage: (input) => retryDeadOutboxMessage(store, deps.clock, input),
  };
  return registerDelivery(roster, {
    store,
    clock: deps.clock,
    invitationKeys: deps.invitationKeys,
  });
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
