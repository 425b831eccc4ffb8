import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor, type ActorApi, type Model, type Roster, RosterError } from '@rosterkit/core';
import {
  AcceptInvitationInput,
  AccountRef,
  AddToTeamInput,
  AssignGroupsInput,
  CanInput,
  CanSubject,
  ChangePlanInput,
  ChangeRoleInput,
  CreateGroupInput,
  CreateOrganizationInput,
  CreateProvisioningConnectionInput,
  CreateSpaceInput,
  DeactivateInput,
  DeadOutboxPageInput,
  DeclineInvitationInput,
  DefineRoleInput,
  DeleteGroupInput,
  DeleteOrganizationInput,
  DeleteOwnAccountInput,
  DeleteSpaceInput,
  FindAccountInput,
  HistoryInput,
  InvitationRef,
  InviteInput,
  LinkExternalIdInput,
  ListAccountsInput,
  ListGroupsInput,
  ListInvitationsInput,
  ListProvisionedGroupsInput,
  ListProvisionedUsersInput,
  PresenceInput,
  ProvisionedGroupRef,
  ProvisionedUserRef,
  ProvisionGroupInput,
  ProvisioningConnectionRef,
  ProvisionUserInput,
  ReassignReportsInput,
  RemoveFromTeamInput,
  RenameGroupInput,
  RenameOrganizationInput,
  RenameSpaceInput,
  RetryDeadOutboxMessageInput,
  RoleRef,
  SetManagerInput,
  SetRestrictionsInput,
  TransferOwnershipInput,
  UpdateProfileInput,
  UpdateProvisionedGroupInput,
  UpdateProvisionedUserInput,
  UpdateProvisioningConnectionInput,
  UpdateRoleInput,
} from '@rosterkit/core/extra';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { newWorld, type World } from './world.js';

// Every command, called with arbitrary values: it throws nothing but a
// RosterError, and when the value is not a valid input the store's snapshot
// file is byte-for-byte what it was.

type Call = (world: World, input: unknown) => Promise<unknown> | unknown;

const actorCommand =
  (name: keyof ActorApi & string) =>
  (world: World, input: unknown): Promise<unknown> =>
    (world.as(world.people[0]?.id ?? '')[name] as (input: unknown) => Promise<unknown>)(input);

// The SCIM User and Group commands also as the provisioning connection they are for
// (as an account, every valid input is FORBIDDEN).
const provisionerCommand =
  (name: keyof ActorApi & string) =>
  (world: World, input: unknown): Promise<unknown> => {
    if (world.provisioner === undefined) throw new TypeError('this world has no connection');
    return (world.provisioner[name] as (input: unknown) => Promise<unknown>)(input);
  };

const rosterCommand =
  (name: keyof Roster & string) =>
  (world: World, input: unknown): Promise<unknown> =>
    (world.roster[name] as (input: unknown) => Promise<unknown>)(input);

const commands: [string, Call, Model<unknown>][] = [
  ['createOrganization', rosterCommand('createOrganization'), CreateOrganizationInput],
  ['acceptInvitation', rosterCommand('acceptInvitation'), AcceptInvitationInput],
  ['as', (world, input) => world.roster.as(input as never), Actor],
  ['invite', actorCommand('invite'), InviteInput],
  ['resendInvitation', actorCommand('resendInvitation'), InvitationRef],
  ['revokeInvitation', actorCommand('revokeInvitation'), InvitationRef],
  ['updateProfile', actorCommand('updateProfile'), UpdateProfileInput],
  ['deactivate', actorCommand('deactivate'), DeactivateInput],
  ['reactivate', actorCommand('reactivate'), AccountRef],
  ['requestPasswordReset', actorCommand('requestPasswordReset'), AccountRef],
  ['deleteOwnAccount', actorCommand('deleteOwnAccount'), DeleteOwnAccountInput],
  ['addToTeam', actorCommand('addToTeam'), AddToTeamInput],
  ['removeFromTeam', actorCommand('removeFromTeam'), RemoveFromTeamInput],
  ['changeRole', actorCommand('changeRole'), ChangeRoleInput],
  ['setRestrictions', actorCommand('setRestrictions'), SetRestrictionsInput],
  ['assignGroups', actorCommand('assignGroups'), AssignGroupsInput],
  ['setManager', actorCommand('setManager'), SetManagerInput],
  ['reassignReports', actorCommand('reassignReports'), ReassignReportsInput],
  ['renameOrganization', actorCommand('renameOrganization'), RenameOrganizationInput],
  ['changePlan', actorCommand('changePlan'), ChangePlanInput],
  ['transferOwnership', actorCommand('transferOwnership'), TransferOwnershipInput],
  ['deleteOrganization', actorCommand('deleteOrganization'), DeleteOrganizationInput],
  ['getAccount', actorCommand('getAccount'), AccountRef],
  ['history', actorCommand('history'), HistoryInput],
  ['linkExternalId', actorCommand('linkExternalId'), LinkExternalIdInput],
  ['findAccount', rosterCommand('findAccount'), FindAccountInput],
  ['presence', actorCommand('presence'), PresenceInput],
  ['createSpace', actorCommand('createSpace'), CreateSpaceInput],
  ['createGroup', actorCommand('createGroup'), CreateGroupInput],
  ['listAccounts', actorCommand('listAccounts'), ListAccountsInput],
  ['listMembers', actorCommand('listMembers'), ListAccountsInput],
  ['declineInvitation', rosterCommand('declineInvitation'), DeclineInvitationInput],
  ['listInvitations', actorCommand('listInvitations'), ListInvitationsInput],
  ['listGroups', actorCommand('listGroups'), ListGroupsInput],
  ['renameSpace', actorCommand('renameSpace'), RenameSpaceInput],
  ['deleteSpace', actorCommand('deleteSpace'), DeleteSpaceInput],
  ['renameGroup', actorCommand('renameGroup'), RenameGroupInput],
  ['deleteGroup', actorCommand('deleteGroup'), DeleteGroupInput],
  ['defineRole', actorCommand('defineRole'), DefineRoleInput],
  ['updateRole', actorCommand('updateRole'), UpdateRoleInput],
  ['deleteRole', actorCommand('deleteRole'), RoleRef],
  ['permissions', actorCommand('permissions'), CanSubject],
  ['listDeadOutboxMessages', actorCommand('listDeadOutboxMessages'), DeadOutboxPageInput],
  ['retryDeadOutboxMessage', actorCommand('retryDeadOutboxMessage'), RetryDeadOutboxMessageInput],
  ['provisionUser', actorCommand('provisionUser'), ProvisionUserInput],
  ['updateProvisionedUser', actorCommand('updateProvisionedUser'), UpdateProvisionedUserInput],
  ['deprovisionUser', actorCommand('deprovisionUser'), ProvisionedUserRef],
  ['getProvisionedUser', actorCommand('getProvisionedUser'), ProvisionedUserRef],
  ['listProvisionedUsers', actorCommand('listProvisionedUsers'), ListProvisionedUsersInput],
  ['provisionUser as provisioner', provisionerCommand('provisionUser'), ProvisionUserInput],
  [
    'updateProvisionedUser as provisioner',
    provisionerCommand('updateProvisionedUser'),
    UpdateProvisionedUserInput,
  ],
  ['deprovisionUser as provisioner', provisionerCommand('deprovisionUser'), ProvisionedUserRef],
  [
    'getProvisionedUser as provisioner',
    provisionerCommand('getProvisionedUser'),
    ProvisionedUserRef,
  ],
  [
    'listProvisionedUsers as provisioner',
    provisionerCommand('listProvisionedUsers'),
    ListProvisionedUsersInput,
  ],
  ['provisionGroup', actorCommand('provisionGroup'), ProvisionGroupInput],
  ['updateProvisionedGroup', actorCommand('updateProvisionedGroup'), UpdateProvisionedGroupInput],
  ['deprovisionGroup', actorCommand('deprovisionGroup'), ProvisionedGroupRef],
  ['getProvisionedGroup', actorCommand('getProvisionedGroup'), ProvisionedGroupRef],
  ['listProvisionedGroups', actorCommand('listProvisionedGroups'), ListProvisionedGroupsInput],
  ['provisionGroup as provisioner', provisionerCommand('provisionGroup'), ProvisionGroupInput],
  [
    'updateProvisionedGroup as provisioner',
    provisionerCommand('updateProvisionedGroup'),
    UpdateProvisionedGroupInput,
  ],
  ['deprovisionGroup as provisioner', provisionerCommand('deprovisionGroup'), ProvisionedGroupRef],
  [
    'getProvisionedGroup as provisioner',
    provisionerCommand('getProvisionedGroup'),
    ProvisionedGroupRef,
  ],
  [
    'listProvisionedGroups as provisioner',
    provisionerCommand('listProvisionedGroups'),
    ListProvisionedGroupsInput,
  ],
  [
    'createProvisioningConnection',
    actorCommand('createProvisioningConnection'),
    CreateProvisioningConnectionInput,
  ],
  ['rotateProvisioningToken', actorCommand('rotateProvisioningToken'), ProvisioningConnectionRef],
  [
    'updateProvisioningConnection',
    actorCommand('updateProvisioningConnection'),
    UpdateProvisioningConnectionInput,
  ],
  [
    'revokeProvisioningConnection',
    actorCommand('revokeProvisioningConnection'),
    ProvisioningConnectionRef,
  ],
  [
    'can',
    (world, input) => {
      const { action, subject } = (input ?? {}) as { action?: never; subject?: never };
      return world.as(world.people[0]?.id ?? '').can(action as never, subject);
    },
    CanInput,
  ],
];

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

const optionalInput = new Set([
  'deleteOwnAccount',
  'listAccounts',
  'listMembers',
  'listInvitations',
  'listGroups',
  'permissions',
  'listDeadOutboxMessages',
  'listProvisionedUsers',
  'listProvisionedUsers as provisioner',
  'listProvisionedGroups',
  'listProvisionedGroups as provisioner',
]);

const folder = mkdtempSync(join(tmpdir(), 'rosterkit-bad-input-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('every command with arbitrary input', () => {
  it.each(commands)(
    '%s throws only RosterError and changes nothing on bad input',
    async (name, call, input) => {
      const file = join(folder, `${name}.json`);
      const world = await newWorld({ file, withConnection: name.endsWith(' as provisioner') });
      // Values that are valid inputs, and the one that sneaks in by chance, are
      // allowed to succeed; the snapshot is re-read after them.
      let snapshot = readFileSync(file);
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            anything,
            fc.record({ accountId: anything, email: anything, role: anything, token: anything }),
            fc.record({ action: anything, subject: anything, roleId: anything, rank: anything }),
            fc.record(
              { accountId: anything, orgId: anything, externalId: anything, cursor: anything },
              { requiredKeys: [] },
            ),
          ),
          async (value) => {
            // These take no input at all as "no criteria": undefined means {}.
            const effective = value === undefined && optionalInput.has(name) ? {} : value;
            const valid = input.safeParse(effective).success;
            try {
              await call(world, value);
            } catch (error) {
              if (!RosterError.isInstance(error)) throw error;
              if (!valid) {
                expect(error.code).toBe('INVALID_INPUT');
                refused += 1;
              }
            }
            const after = readFileSync(file);
            if (!valid) expect(after.equals(snapshot), 'the snapshot file changed').toBe(true);
            snapshot = after;
          },
        ),
        { numRuns: 150 },
      );
      expect(refused).toBeGreaterThan(100);
    },
  );
});
