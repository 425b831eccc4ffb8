import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type AcceptInvitationInput,
  type AccountRef,
  type AddToTeamInput,
  type AssignGroupsInput,
  type ChangePlanInput,
  type ChangeRoleInput,
  type CreateGroupInput,
  type CreateOrganizationInput,
  type CreateSpaceInput,
  type DeactivateInput,
  type DeleteOrganizationInput,
  type DeleteOwnAccountInput,
  type InvitationRef,
  type InviteInput,
  type ListAccountsInput,
  type PresenceInput,
  planReassignment,
  type ReactivateInput,
  type ReassignReportsInput,
  type RemoveFromTeamInput,
  type RenameOrganizationInput,
  type SetManagerInput,
  type SetRestrictionsInput,
  type TransferOwnershipInput,
  type UpdateProfileInput,
} from '../src/extra/index.js';
import {
  Account,
  type AccountContext,
  type AccountEffect,
  type AccountEvent,
  type AccountState,
  type AccountStatus,
  type ActorApi,
  accountMachine,
  can,
  createRoster,
  type Departure,
  Email,
  type ListInput,
  Membership,
  type MembershipEvent,
  type MembershipLifecycleState,
  type Model,
  membershipMachine,
  type NativeTransaction,
  type Policy,
  type ResourceHandler,
  type RoleCatalog,
  type Roster,
  RosterError,
  type RosterErrorCode,
  type RosterErrorDetailsMap,
  type Store,
  type StoreTransaction,
  transition,
} from '../src/index.js';
import type {
  FindAccountInput,
  HistoryInput,
  LinkExternalIdInput,
} from '../src/roster/account-inputs.js';
import type {
  ListProvisionedGroupsInput,
  ProvisionedGroupRef,
  ProvisionGroupInput,
  UpdateProvisionedGroupInput,
} from '../src/roster/provisioning/group-inputs.js';
import type { ProvisionedGroup } from '../src/roster/provisioning/provisioned-group.js';

const context: AccountContext = { accountId: 'acc_2', ownerId: 'acc_1' };

describe('RosterError types', () => {
  it('shapes details by code', () => {
    expectTypeOf<RosterError<'HAS_DIRECT_REPORTS'>['details']>().toHaveProperty('reportIds');
    expectTypeOf<RosterError<'HAS_DIRECT_REPORTS'>['details']['reportIds']>().toEqualTypeOf<
      readonly string[]
    >();
    expectTypeOf<RosterError<'PROFILE_INCOMPLETE'>['details']>().toEqualTypeOf<
      RosterErrorDetailsMap['PROFILE_INCOMPLETE']
    >();
    expectTypeOf<RosterError<'INVALID_INPUT'>['details']['issues'][number]['path']>().toEqualTypeOf<
      readonly (string | number)[]
    >();
    expectTypeOf<RosterError['code']>().toEqualTypeOf<RosterErrorCode>();
  });

  it('narrows details with is(code) and isInstance(x, code)', () => {
    const error = new RosterError('NOT_FOUND', 'x', { subject: 'Account', id: 'a' }) as RosterError;
    expectTypeOf(error.details).toEqualTypeOf<RosterErrorDetailsMap[RosterErrorCode]>();
    if (error.is('INVALID_TRANSITION')) {
      expectTypeOf(error.details).toEqualTypeOf<RosterErrorDetailsMap['INVALID_TRANSITION']>();
      expectTypeOf(error.details.from).toBeString();
      expectTypeOf(error.code).toEqualTypeOf<'INVALID_TRANSITION'>();
    }
    const unknownError: unknown = error;
    if (RosterError.isInstance(unknownError, 'CONFLICT')) {
      expectTypeOf(unknownError.details.reason).toEqualTypeOf<
        'stale-version' | 'unique' | 'retry-exhausted' | 'timeout' | 'locked'
      >();
    }
    if (RosterError.isInstance(unknownError)) {
      expectTypeOf(unknownError).toEqualTypeOf<RosterError>();
    }
  });

  it('checks the constructor’s details against the code', () => {
    // @ts-expect-error NOT_FOUND details need an id
    new RosterError('NOT_FOUND', 'x', { subject: 'Account' });
    // @ts-expect-error not a code
    new RosterError('NOPE', 'x', {});
    expectTypeOf(
      new RosterError('EMAIL_IMMUTABLE', 'x', { accountId: 'a' }).toJSON().code,
    ).toEqualTypeOf<'EMAIL_IMMUTABLE'>();
  });
});

describe('machine types', () => {
  it('lists states and events as literal unions', () => {
    expectTypeOf<AccountState>().toEqualTypeOf<'pending' | 'active' | 'deactivated' | 'deleted'>();
    expectTypeOf<AccountEvent>().toEqualTypeOf<
      | 'acceptInvitation'
      | 'resendInvitation'
      | 'revokeInvitation'
      | 'declineInvitation'
      | 'deleteOrganization'
      | 'deactivate'
      | 'deleteOwnAccount'
      | 'reactivate'
    >();
    expectTypeOf<MembershipLifecycleState>().toEqualTypeOf<'member' | 'account-only'>();
    expectTypeOf<MembershipEvent>().toEqualTypeOf<'addToTeam' | 'removeFromTeam'>();
    expectTypeOf<AccountEffect>().toExtend<string>();
    expectTypeOf<'clearGroups'>().toExtend<AccountEffect>();
  });

  it('types transition() results by machine', () => {
    const result = transition(accountMachine, 'active', 'deactivate', context);
    if (result.ok) {
      expectTypeOf(result.state).toEqualTypeOf<AccountState>();
      expectTypeOf(result.effects).toEqualTypeOf<readonly AccountEffect[]>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<RosterError>();
    }
    const membership = transition(membershipMachine, 'member', 'removeFromTeam', context);
    if (membership.ok) expectTypeOf(membership.state).toEqualTypeOf<MembershipLifecycleState>();
  });

  it('refuses unknown states and events at compile time', () => {
    // @ts-expect-error not an account event
    transition(accountMachine, 'active', 'nonsense', context);
    // @ts-expect-error not an account state
    transition(accountMachine, 'archived', 'deactivate', context);
    // @ts-expect-error a membership event on the account machine
    can(accountMachine, 'active', 'removeFromTeam');
    // @ts-expect-error the context must name the account and the owner
    transition(accountMachine, 'active', 'deactivate', { accountId: 'acc_2' });
  });
});

describe('model types', () => {
  it('gives Account a status of AccountStatus', () => {
    expectTypeOf<Account['status']>().toEqualTypeOf<AccountStatus>();
    expectTypeOf<AccountStatus>().toEqualTypeOf<AccountState>();
    expectTypeOf<Account['createdAt']>().toEqualTypeOf<Date>();
    expectTypeOf<Account['lastSeenAt']>().toEqualTypeOf<Date | null>();
  });

  it('types parse by model', () => {
    expectTypeOf(Account.parse).returns.toEqualTypeOf<Account>();
    expectTypeOf(Email.parse).returns.toBeString();
    expectTypeOf(Membership).toEqualTypeOf<Model<Membership>>();
    expectTypeOf<Membership['state']>().toEqualTypeOf<MembershipLifecycleState>();
    const parsed = Account.safeParse({});
    if (!parsed.success) expectTypeOf(parsed.error).toEqualTypeOf<RosterError<'INVALID_INPUT'>>();
  });

  it('types planReassignment errors', () => {
    const plan = planReassignment({ managerId: 'a', directReportIds: [] });
    if (!plan.ok) {
      expectTypeOf(plan.error.code).toEqualTypeOf<'HAS_DIRECT_REPORTS' | 'INVALID_INPUT'>();
    }
  });
});

describe('native transactions', () => {
  interface Native {
    readonly kind: 'native';
    write(sql: string): Promise<number>;
  }
  const store = {} as Store<Native>;
  const policy = {} as Policy;

  it('flows from the store to the resource handlers', () => {
    createRoster({
      store,
      policy,
      resourceHandlers: [
        {
          name: 'contacts',
          async onDeparture(departure, tx) {
            expectTypeOf(departure).toEqualTypeOf<Departure>();
            expectTypeOf(tx).toEqualTypeOf<StoreTransaction<Native>>();
            expectTypeOf(tx.native).toEqualTypeOf<Native>();
            await tx.native.write('UPDATE contacts SET owner = NULL');
          },
        },
      ],
    });
    expectTypeOf<NativeTransaction<typeof store>>().toEqualTypeOf<Native>();
  });

  it('accepts handlers declared apart, for this store or for any', () => {
    const typed: ResourceHandler<NativeTransaction<typeof store>> = {
      name: 'typed',
      onDeparture: async (_departure, tx) => {
        await tx.native.write('DELETE FROM leases');
      },
    };
    const untyped: ResourceHandler = {
      name: 'untyped',
      onDeparture: async (_departure, tx) => {
        expectTypeOf(tx.native).toBeUnknown();
      },
    };
    createRoster({ store, policy, resourceHandlers: [typed, untyped] });
    const other: ResourceHandler<{ readonly kind: 'other' }> = {
      name: 'other',
      onDeparture: async () => {},
    };
    // @ts-expect-error a handler typed for another store's native transaction
    createRoster({ store, policy, resourceHandlers: [other] });
  });

  it('keeps Store, StoreTransaction and ResourceHandler usable without a type argument', () => {
    expectTypeOf(store).toMatchTypeOf<Store>();
    expectTypeOf<StoreTransaction<Native>>().toMatchTypeOf<StoreTransaction>();
    expectTypeOf<StoreTransaction['native']>().toBeUnknown();
    expectTypeOf<NativeTransaction<Store>>().toBeUnknown();
    createRoster({ store: store as Store, policy });
  });

  it('takes the roles from the policy alone', () => {
    expectTypeOf<Policy['roles']>().toEqualTypeOf<RoleCatalog>();
    // @ts-expect-error the role set is wired once, through the policy
    createRoster({ store, policy, roles: {} as RoleCatalog });
  });
});

// A method's input is its schema's input: a field the schema accepts and the
// method's type omits (or the reverse) fails here.
type InputOf<M extends { readonly schema: z.ZodType }> = z.input<M['schema']>;
type First<F> = F extends (input: infer P) => unknown ? P : never;
type ApiInput<K extends keyof ActorApi> = First<ActorApi[K]>;

describe('public input types', () => {
  it('are the schemas’ inputs, method by method', () => {
    expectTypeOf<ApiInput<'invite'>>().toEqualTypeOf<InputOf<typeof InviteInput>>();
    expectTypeOf<ApiInput<'resendInvitation'>>().toEqualTypeOf<InputOf<typeof InvitationRef>>();
    expectTypeOf<ApiInput<'revokeInvitation'>>().toEqualTypeOf<InputOf<typeof InvitationRef>>();
    expectTypeOf<ApiInput<'updateProfile'>>().toEqualTypeOf<
      Omit<InputOf<typeof UpdateProfileInput>, 'email'>
    >();
    expectTypeOf<ApiInput<'deactivate'>>().toEqualTypeOf<InputOf<typeof DeactivateInput>>();
    expectTypeOf<ApiInput<'reactivate'>>().toEqualTypeOf<InputOf<typeof ReactivateInput>>();
    expectTypeOf<ApiInput<'addToTeam'>>().toEqualTypeOf<InputOf<typeof AddToTeamInput>>();
    expectTypeOf<ApiInput<'removeFromTeam'>>().toEqualTypeOf<InputOf<typeof RemoveFromTeamInput>>();
    expectTypeOf<ApiInput<'changeRole'>>().toEqualTypeOf<InputOf<typeof ChangeRoleInput>>();
    expectTypeOf<ApiInput<'getAccount'>>().toEqualTypeOf<InputOf<typeof AccountRef>>();
    expectTypeOf<ApiInput<'listAccounts'>>().toEqualTypeOf<
      InputOf<typeof ListAccountsInput> | undefined
    >();
    expectTypeOf<ApiInput<'listMembers'>>().toEqualTypeOf<
      InputOf<typeof ListAccountsInput> | undefined
    >();
    expectTypeOf<ApiInput<'renameOrganization'>>().toEqualTypeOf<
      InputOf<typeof RenameOrganizationInput>
    >();
    expectTypeOf<ApiInput<'changePlan'>>().toEqualTypeOf<InputOf<typeof ChangePlanInput>>();
    expectTypeOf<ApiInput<'transferOwnership'>>().toEqualTypeOf<
      InputOf<typeof TransferOwnershipInput>
    >();
    expectTypeOf<ApiInput<'deleteOrganization'>>().toEqualTypeOf<
      InputOf<typeof DeleteOrganizationInput>
    >();
    expectTypeOf<ApiInput<'requestPasswordReset'>>().toEqualTypeOf<InputOf<typeof AccountRef>>();
    expectTypeOf<ApiInput<'deleteOwnAccount'>>().toEqualTypeOf<
      InputOf<typeof DeleteOwnAccountInput> | undefined
    >();
    expectTypeOf<ApiInput<'setRestrictions'>>().toEqualTypeOf<
      InputOf<typeof SetRestrictionsInput>
    >();
    expectTypeOf<ApiInput<'assignGroups'>>().toEqualTypeOf<InputOf<typeof AssignGroupsInput>>();
    expectTypeOf<ApiInput<'setManager'>>().toEqualTypeOf<InputOf<typeof SetManagerInput>>();
    expectTypeOf<ApiInput<'reassignReports'>>().toEqualTypeOf<
      InputOf<typeof ReassignReportsInput>
    >();
    expectTypeOf<ApiInput<'createSpace'>>().toEqualTypeOf<InputOf<typeof CreateSpaceInput>>();
    expectTypeOf<ApiInput<'createGroup'>>().toEqualTypeOf<InputOf<typeof CreateGroupInput>>();
    expectTypeOf<ApiInput<'presence'>>().toEqualTypeOf<InputOf<typeof PresenceInput>>();
    expectTypeOf<ApiInput<'history'>>().toEqualTypeOf<InputOf<typeof HistoryInput>>();
    expectTypeOf<ApiInput<'linkExternalId'>>().toEqualTypeOf<InputOf<typeof LinkExternalIdInput>>();
    expectTypeOf<ApiInput<'provisionGroup'>>().toEqualTypeOf<InputOf<typeof ProvisionGroupInput>>();
    expectTypeOf<ApiInput<'updateProvisionedGroup'>>().toEqualTypeOf<
      InputOf<typeof UpdateProvisionedGroupInput>
    >();
    expectTypeOf<ApiInput<'deprovisionGroup'>>().toEqualTypeOf<
      InputOf<typeof ProvisionedGroupRef>
    >();
    expectTypeOf<ApiInput<'getProvisionedGroup'>>().toEqualTypeOf<
      InputOf<typeof ProvisionedGroupRef>
    >();
    expectTypeOf<ApiInput<'listProvisionedGroups'>>().toEqualTypeOf<
      InputOf<typeof ListProvisionedGroupsInput> | undefined
    >();
    expectTypeOf<ReturnType<ActorApi['provisionGroup']>>().toEqualTypeOf<
      Promise<ProvisionedGroup>
    >();
    expectTypeOf<First<Roster['findAccount']>>().toEqualTypeOf<InputOf<typeof FindAccountInput>>();
    expectTypeOf<First<Roster['createOrganization']>>().toEqualTypeOf<
      InputOf<typeof CreateOrganizationInput>
    >();
    expectTypeOf<First<Roster['acceptInvitation']>>().toEqualTypeOf<
      InputOf<typeof AcceptInvitationInput>
    >();
  });

  it('are exported under the models’ names', () => {
    expectTypeOf<InviteInput>().toEqualTypeOf<InputOf<typeof InviteInput>>();
    expectTypeOf<ListInput>().toEqualTypeOf<InputOf<typeof ListAccountsInput>>();
    expectTypeOf<DeactivateInput['reassignResourcesTo']>().toEqualTypeOf<
      string | null | undefined
    >();
  });

  it('take the profile fields wherever the schemas do', () => {
    type Profile = Record<string, string | number | boolean | null>;
    expectTypeOf<NonNullable<InviteInput['profile']>>().toEqualTypeOf<Profile>();
    expectTypeOf<NonNullable<UpdateProfileInput['profile']>>().toEqualTypeOf<Profile>();
    expectTypeOf<NonNullable<AcceptInvitationInput['profile']>>().toEqualTypeOf<Profile>();
    expectTypeOf<
      NonNullable<CreateOrganizationInput['owner']['profile']>
    >().toEqualTypeOf<Profile>();
    // The email is refused at run time (EMAIL_IMMUTABLE), and by the compiler.
    expectTypeOf<UpdateProfileInput>().not.toHaveProperty('email');
  });
});
