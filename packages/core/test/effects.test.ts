import { describe, expect, it } from 'vitest';
import {
  Account,
  accountMachine,
  type MachineTable,
  Membership,
  membershipMachine,
  Organization,
  RosterError,
  type StoreTransaction,
  transition,
} from '../src/index.js';
import type { CommandContext, RosterDeps } from '../src/roster/command-context.js';
import { effectHandlers } from '../src/roster/effects/effect-handlers.js';
import {
  accountScope,
  changedMemberships,
  organizationScope,
} from '../src/roster/effects/effect-scope.js';
import { runEffects } from '../src/roster/effects/run-effects.js';
import { settleTransition } from '../src/roster/effects/settle-transition.js';
import * as fixtures from './fixtures.js';

// The effect handlers on their own, against a transaction that records what
// it is asked: what each effect changes in the drafts, and what it writes.

const now = new Date('2026-03-02T09:00:00Z');
const account = Account.parse(fixtures.account);
const membership = Membership.parse(fixtures.membership);
const organization = Organization.parse(fixtures.organization);

function context(): { ctx: CommandContext; calls: string[] } {
  const calls: string[] = [];
  const record =
    (name: string, value: unknown = undefined) =>
    async (...args: unknown[]) => {
      calls.push(`${name}(${args.length})`);
      return value;
    };
  const tx = {
    invitations: {
      deleteAllInOrganization: record('invitations.deleteAllInOrganization', 2),
      listByAccount: record('invitations.listByAccount', []),
    },
    memberships: { deleteAllInOrganization: record('memberships.deleteAllInOrganization', 3) },
    accounts: { deleteAllInOrganization: record('accounts.deleteAllInOrganization', 4) },
    auditEvents: { deleteAllInOrganization: record('auditEvents.deleteAllInOrganization', 5) },
  } as unknown as StoreTransaction;
  let n = 0;
  const deps = { ids: { next: (kind: string) => `${kind}_${++n}` } } as unknown as RosterDeps;
  return { ctx: { deps, tx, actor: null, now }, calls };
}

/** Every effect name either table uses. */
function effectsOf(table: MachineTable): string[] {
  return Object.values(table.states).flatMap((state) =>
    Object.values(state.on).flatMap((next) => [...next.effects]),
  );
}

describe('the effect handlers', () => {
  it('handle every effect of both machines, and no other', () => {
    const named = new Set([...effectsOf(accountMachine), ...effectsOf(membershipMachine)]);
    expect(Object.keys(effectHandlers).sort()).toEqual([...named].sort());
    for (const handler of Object.values(effectHandlers)) expect(typeof handler).toBe('function');
  });

  it('end a period in the drafts: the period closes, groups and manager go, the rest stays', async () => {
    const { ctx, calls } = context();
    const scope = accountScope(ctx, 'removeFromTeam', { account, memberships: [membership] });
    await runEffects(scope, ['endMembershipPeriod', 'clearGroups']);
    const [ended] = scope.target.memberships;
    expect(ended?.periods.at(-1)).toEqual({ ...membership.periods.at(-1), endedAt: now });
    expect(ended?.periods[0]).toEqual(membership.periods[0]);
    expect(ended?.groupIds).toEqual([]);
    expect(ended?.managerId).toBeNull();
    expect(ended?.role).toBe(membership.role);
    // The command's rows were not touched, and nothing was written.
    expect(membership.groupIds).toEqual(['grp_1']);
    expect(calls).toEqual([]);
    expect(changedMemberships([membership], scope.target.memberships)).toEqual([ended]);
  });

  it('clear no draft that has no group, so the command writes nothing for it', async () => {
    const { ctx } = context();
    const grouped = membership;
    const bare = { ...membership, id: 'mem_2', spaceId: 'spc_2', groupIds: [] };
    const scope = accountScope(ctx, 'deactivate', { account, memberships: [grouped, bare] });
    await runEffects(scope, ['clearGroups']);
    expect(changedMemberships([grouped, bare], scope.target.memberships).map((m) => m.id)).toEqual([
      'mem_1',
    ]);
  });

  it('start a period with the role the membership is given', async () => {
    const { ctx } = context();
    const joining = { ...membership, role: 'admin', periods: [fixtures.closedPeriod] };
    const scope = accountScope(ctx, 'addToTeam', {
      account,
      memberships: [Membership.parse({ ...fixtures.formerMembership, role: 'admin' })],
    });
    await runEffects(scope, ['startMembershipPeriod']);
    expect(scope.target.memberships[0]?.periods.at(-1)).toEqual({
      startedAt: now,
      endedAt: null,
      role: joining.role,
    });
  });

  it('queue the sessions’ revocation for the command to append', async () => {
    const { ctx, calls } = context();
    const scope = accountScope(ctx, 'deactivate', { account, memberships: [] });
    await runEffects(scope, ['revokeSessions']);
    expect(scope.messages.map((m) => [m.topic, m.payload])).toEqual([
      ['sessions.revoke', { accountId: account.id }],
    ]);
    expect(calls).toEqual([]);
  });

  it('for a whole organization: erase every account at once, then one notice that counts them', async () => {
    const { ctx, calls } = context();
    const scope = organizationScope(ctx, 'deleteOrganization', organization);
    await runEffects(scope, ['erasePersonalData', 'revokeSessions']);
    expect(calls).toEqual([
      'invitations.deleteAllInOrganization(1)',
      'memberships.deleteAllInOrganization(1)',
      'accounts.deleteAllInOrganization(1)',
      'auditEvents.deleteAllInOrganization(1)',
    ]);
    expect(scope.messages.map((m) => [m.topic, m.payload])).toEqual([
      ['organization.deleted', { organizationId: organization.id, accounts: 4 }],
    ]);
    // The notice needs the count: run before the erasure, it is a programming error.
    const early = organizationScope(ctx, 'deleteOrganization', organization);
    await expect(runEffects(early, ['revokeSessions'])).rejects.toThrow(TypeError);
  });

  it('refuse an organization-wide scope for an effect that acts on one account', async () => {
    const { ctx } = context();
    await expect(
      runEffects(organizationScope(ctx, 'deleteOrganization', organization), ['clearGroups']),
    ).rejects.toThrow('acts on one account');
  });
});

describe('settleTransition', () => {
  const context = (accountId: string) => ({
    accountId,
    ownerId: 'acc_1',
    requiredProfileFields: ['profile.phone'],
    person: {},
  });

  it('refuses the owner before the Policy is asked', async () => {
    let asked = false;
    const result = transition(accountMachine, 'active', 'deactivate', context('acc_1'));
    await expect(
      settleTransition(result, () => {
        asked = true;
      }),
    ).rejects.toSatisfy((error) => RosterError.isInstance(error, 'OWNER_PROTECTED'));
    expect(asked).toBe(false);
  });

  it('asks the Policy before any other refusal of the machine, and lets its refusal win', async () => {
    const result = transition(accountMachine, 'active', 'deactivate', context('acc_2'));
    const forbidden = new RosterError('FORBIDDEN', 'No.', {
      action: 'deactivate',
      subject: 'Account',
      reason: 'No.',
    });
    await expect(
      settleTransition(result, () => {
        throw forbidden;
      }),
    ).rejects.toBe(forbidden);
    await expect(settleTransition(result, () => undefined)).rejects.toSatisfy((error) =>
      RosterError.isInstance(error, 'PROFILE_INCOMPLETE'),
    );
  });

  it('returns the next state and the table’s effects once the Policy agreed', async () => {
    const result = transition(accountMachine, 'active', 'deactivate', {
      accountId: 'acc_2',
      ownerId: 'acc_1',
    });
    await expect(settleTransition(result, async () => undefined)).resolves.toEqual({
      ok: true,
      state: 'deactivated',
      effects: ['clearGroups', 'reassignReports', 'runResourceHandlers', 'revokeSessions'],
    });
  });
});
