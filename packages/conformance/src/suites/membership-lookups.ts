import type { Membership } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { buildMembership } from '../fixtures.js';

const sortedIds = (rows: readonly { id: string }[]) => rows.map((row) => row.id).sort();

/** The memberships of a space and of a group, and the groups' member counts, tenant-scoped. */
export const membershipLookupsSuite: ConformanceSuite = (test) => {
  test('Membership: listBySpace returns the current members of one space only', async ({
    store,
  }) => {
    const member = buildMembership({ orgId: 'org_a', spaceId: 'spc_1' });
    const other = buildMembership({ orgId: 'org_a', spaceId: 'spc_1' });
    const former = buildMembership({ orgId: 'org_a', spaceId: 'spc_1', state: 'account-only' });
    const elsewhere = buildMembership({ orgId: 'org_a', spaceId: 'spc_2' });
    const otherOrg = buildMembership({ orgId: 'org_b', spaceId: 'spc_1' });
    await store.transaction((tx) =>
      tx.memberships.insertMany([member, other, former, elsewhere, otherOrg]),
    );
    const found = await store.transaction((tx) => tx.memberships.listBySpace('org_a', 'spc_1'));
    expect(sortedIds(found)).toEqual(sortedIds([member, other]));
    expect(found.find((row) => row.id === member.id)).toEqual(member);
    expect(await store.transaction((tx) => tx.memberships.listBySpace('org_c', 'spc_1'))).toEqual(
      [],
    );
  });

  test('Membership: listByGroup and countByGroups follow the groups as they change', async ({
    store,
  }) => {
    const both = buildMembership({
      orgId: 'org_a',
      spaceId: 'spc_1',
      groupIds: ['grp_1', 'grp_2'],
    });
    const one = buildMembership({ orgId: 'org_a', spaceId: 'spc_1', groupIds: ['grp_1'] });
    const none = buildMembership({ orgId: 'org_a', spaceId: 'spc_1' });
    const otherOrg = buildMembership({ orgId: 'org_b', spaceId: 'spc_1', groupIds: ['grp_1'] });
    await store.transaction((tx) => tx.memberships.insertMany([both, one, none, otherOrg]));
    const byGroup = (groupId: string) =>
      store.transaction((tx) => tx.memberships.listByGroup('org_a', groupId));
    const counts = (groupIds: string[]) =>
      store.transaction((tx) => tx.memberships.countByGroups('org_a', groupIds));
    expect(sortedIds(await byGroup('grp_1'))).toEqual(sortedIds([both, one]));
    expect(sortedIds(await byGroup('grp_2'))).toEqual([both.id]);
    expect(await byGroup('grp_9')).toEqual([]);
    expect(await counts(['grp_1', 'grp_2', 'grp_9'])).toEqual({ grp_1: 2, grp_2: 1, grp_9: 0 });
    expect(await counts([])).toEqual({});

    // One leaves grp_1: both the list and the count see it at once.
    await store.transaction((tx) => tx.memberships.update({ ...one, groupIds: ['grp_2'] }));
    expect(sortedIds(await byGroup('grp_1'))).toEqual([both.id]);
    expect(await counts(['grp_1', 'grp_2'])).toEqual({ grp_1: 1, grp_2: 2 });
    // Inside a transaction, its own writes count.
    const inside = await store.transaction(async (tx) => {
      await tx.memberships.update({ ...both, groupIds: [] });
      return tx.memberships.countByGroups('org_a', ['grp_1', 'grp_2']);
    });
    expect(inside).toEqual({ grp_1: 0, grp_2: 1 });
  });
  test('Membership: an update that keeps the groups keeps them listed, one that changes them moves them', async ({
    store,
  }) => {
    const member = buildMembership({
      orgId: 'org_a',
      spaceId: 'spc_1',
      groupIds: ['grp_1', 'grp_2'],
    });
    await store.transaction((tx) => tx.memberships.insert(member));
    const lookups = () =>
      store.transaction(async (tx) => ({
        one: sortedIds(await tx.memberships.listByGroup('org_a', 'grp_1')),
        counts: await tx.memberships.countByGroups('org_a', ['grp_1', 'grp_2']),
      }));
    // Read, then a role change with the same groups (in another order).
    const v2 = await store.transaction(async (tx) => {
      const read = (await tx.memberships.get('org_a', member.id)) as Membership;
      return tx.memberships.update({ ...read, role: 'lead', groupIds: ['grp_2', 'grp_1'] });
    });
    expect(await lookups()).toEqual({ one: [member.id], counts: { grp_1: 1, grp_2: 1 } });
    // In one transaction: drop a group, then put it back from the written row.
    const v4 = await store.transaction(async (tx) => {
      const v3 = await tx.memberships.update({ ...v2, groupIds: ['grp_2'] });
      return tx.memberships.update({ ...v3, groupIds: ['grp_1', 'grp_2'] });
    });
    expect(await lookups()).toEqual({ one: [member.id], counts: { grp_1: 1, grp_2: 1 } });
    // Written without a read in its transaction, from a row read before it.
    await store.transaction((tx) => tx.memberships.update({ ...v4, groupIds: [] }));
    expect(await lookups()).toEqual({ one: [], counts: { grp_1: 0, grp_2: 0 } });
  });
};
