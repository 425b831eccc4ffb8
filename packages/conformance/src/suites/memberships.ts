import type { Membership } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildMembership } from '../fixtures.js';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Memberships: one per account and space, find, listByAccounts, listReports, listReportsOf. */
export const membershipsSuite: ConformanceSuite = (test) => {
  test('Membership: one per account and space (CONFLICT unique), also on update', async ({
    store,
    raw,
  }) => {
    const member = buildMembership({ orgId: 'org_a', accountId: 'acc_1', spaceId: 'spc_1' });
    const elsewhere = buildMembership({ orgId: 'org_a', accountId: 'acc_1', spaceId: 'spc_2' });
    await store.transaction(async (tx) => {
      await tx.memberships.insert(member);
      await tx.memberships.insert(elsewhere);
    });
    const twin = buildMembership({ orgId: 'org_a', accountId: 'acc_1', spaceId: 'spc_1' });
    await expectRosterError(
      store.transaction((tx) => tx.memberships.insert(twin)),
      'CONFLICT',
      { subject: 'Membership', reason: 'unique' },
    );
    expect(await raw.membership('org_a', twin.id)).toBeUndefined();
    await expectRosterError(
      store.transaction((tx) => tx.memberships.update({ ...elsewhere, spaceId: 'spc_1' })),
      'CONFLICT',
      { reason: 'unique' },
    );
    expect(await raw.membership('org_a', elsewhere.id)).toEqual(elsewhere);
    const otherOrg = buildMembership({ orgId: 'org_b', accountId: 'acc_1', spaceId: 'spc_1' });
    await store.transaction((tx) => tx.memberships.insert(otherOrg));
    expect(await raw.membership('org_b', otherOrg.id)).toEqual(otherOrg);
  });

  test('Membership: find returns the current or former membership of an account in a space', async ({
    store,
  }) => {
    const current = buildMembership({ orgId: 'org_a', accountId: 'acc_1', spaceId: 'spc_1' });
    const former = buildMembership({
      orgId: 'org_a',
      accountId: 'acc_2',
      spaceId: 'spc_1',
      state: 'account-only',
    });
    await store.transaction(async (tx) => {
      await tx.memberships.insert(current);
      await tx.memberships.insert(former);
    });
    const find = (orgId: string, accountId: string, spaceId: string) =>
      store.transaction((tx) => tx.memberships.find(orgId, accountId, spaceId));
    expect(await find('org_a', 'acc_1', 'spc_1')).toEqual(current);
    expect(await find('org_a', 'acc_2', 'spc_1')).toEqual(former);
    expect(await find('org_a', 'acc_1', 'spc_2')).toBeUndefined();
    expect(await find('org_b', 'acc_1', 'spc_1')).toBeUndefined();
    await store.transaction((tx) => tx.memberships.delete('org_a', current.id, 1));
    expect(await find('org_a', 'acc_1', 'spc_1')).toBeUndefined();
  });

  test('Membership: listByAccounts returns every membership of those accounts in the organization', async ({
    store,
  }) => {
    const rows: Membership[] = [
      buildMembership({ orgId: 'org_a', accountId: 'acc_1', spaceId: 'spc_1' }),
      buildMembership({
        orgId: 'org_a',
        accountId: 'acc_1',
        spaceId: 'spc_2',
        state: 'account-only',
      }),
      buildMembership({ orgId: 'org_a', accountId: 'acc_2', spaceId: 'spc_1' }),
      buildMembership({ orgId: 'org_a', accountId: 'acc_3', spaceId: 'spc_1' }),
      buildMembership({ orgId: 'org_b', accountId: 'acc_1', spaceId: 'spc_1' }),
    ];
    await store.transaction(async (tx) => {
      for (const row of rows) await tx.memberships.insert(row);
    });
    const listed = await store.transaction((tx) =>
      tx.memberships.listByAccounts('org_a', ['acc_1', 'acc_2', 'acc_missing']),
    );
    expect([...listed].sort(byId)).toEqual(rows.slice(0, 3).sort(byId));
    expect(await store.transaction((tx) => tx.memberships.listByAccounts('org_a', []))).toEqual([]);
  });

  test('Membership: listReports returns the current members a manager manages, following updates', async ({
    store,
  }) => {
    const report = buildMembership({ orgId: 'org_a', accountId: 'acc_1', managerId: 'acc_boss' });
    const other = buildMembership({ orgId: 'org_a', accountId: 'acc_2', managerId: 'acc_boss' });
    const former = buildMembership({
      orgId: 'org_a',
      accountId: 'acc_3',
      managerId: 'acc_boss',
      state: 'account-only',
    });
    const unmanaged = buildMembership({ orgId: 'org_a', accountId: 'acc_4' });
    const otherOrg = buildMembership({ orgId: 'org_b', accountId: 'acc_5', managerId: 'acc_boss' });
    await store.transaction(async (tx) => {
      for (const row of [report, other, former, unmanaged, otherOrg])
        await tx.memberships.insert(row);
    });
    const reports = () =>
      store
        .transaction((tx) => tx.memberships.listReports('org_a', 'acc_boss'))
        .then((rows) => [...rows].sort(byId));
    expect(await reports()).toEqual([report, other].sort(byId));
    await store.transaction(async (tx) => {
      await tx.memberships.update({ ...other, managerId: 'acc_new_boss' });
      await tx.memberships.update({ ...unmanaged, managerId: 'acc_boss' });
    });
    expect(await reports()).toEqual(
      [report, { ...unmanaged, managerId: 'acc_boss', version: 2 }].sort(byId),
    );
    expect(
      await store.transaction((tx) => tx.memberships.listReports('org_a', 'acc_new_boss')),
    ).toEqual([{ ...other, managerId: 'acc_new_boss', version: 2 }]);
    expect(await store.transaction((tx) => tx.memberships.listReports('org_a', 'acc_1'))).toEqual(
      [],
    );
    // Several managers at once: each one's current reports, none of another org's.
    const many = await store.transaction((tx) =>
      tx.memberships.listReportsOf('org_a', ['acc_boss', 'acc_new_boss', 'acc_boss', 'acc_1']),
    );
    expect([...many].sort(byId)).toEqual(
      [
        report,
        { ...unmanaged, managerId: 'acc_boss', version: 2 },
        { ...other, managerId: 'acc_new_boss', version: 2 },
      ].sort(byId),
    );
    expect(await store.transaction((tx) => tx.memberships.listReportsOf('org_a', []))).toEqual([]);
    expect(
      await store.transaction((tx) => tx.memberships.listReportsOf('org_b', ['acc_new_boss'])),
    ).toEqual([]);
  });
};
