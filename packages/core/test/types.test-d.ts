import { describe, expectTypeOf, it } from 'vitest';
import {
  Account,
  type AccountContext,
  type AccountEffect,
  type AccountEvent,
  type AccountState,
  type AccountStatus,
  accountMachine,
  can,
  createRoster,
  type Departure,
  Email,
  Membership,
  type MembershipEvent,
  type MembershipLifecycleState,
  type Model,
  membershipMachine,
  type NativeTransaction,
  type Policy,
  planReassignment,
  type ResourceHandler,
  type RoleCatalog,
  RosterError,
  type RosterErrorCode,
  type RosterErrorDetailsMap,
  type Store,
  type StoreTransaction,
  transition,
} from '../src/index.js';

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
  const roles = {} as RoleCatalog;

  it('flows from the store to the resource handlers', () => {
    createRoster({
      store,
      policy,
      roles,
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
    createRoster({ store, policy, roles, resourceHandlers: [typed, untyped] });
    const other: ResourceHandler<{ readonly kind: 'other' }> = {
      name: 'other',
      onDeparture: async () => {},
    };
    // @ts-expect-error a handler typed for another store's native transaction
    createRoster({ store, policy, roles, resourceHandlers: [other] });
  });

  it('keeps Store, StoreTransaction and ResourceHandler usable without a type argument', () => {
    expectTypeOf(store).toMatchTypeOf<Store>();
    expectTypeOf<StoreTransaction<Native>>().toMatchTypeOf<StoreTransaction>();
    expectTypeOf<StoreTransaction['native']>().toBeUnknown();
    expectTypeOf<NativeTransaction<Store>>().toBeUnknown();
    createRoster({ store: store as Store, policy, roles });
  });
});
