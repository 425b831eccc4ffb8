import type { Membership, Store } from '@rosterkit/core';
import { composeActorRows, loadActorRows } from '@rosterkit/core/adapter';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { buildAccount, buildMembership, buildOrganization, buildStoredRole } from '../fixtures.js';

const byId = (rows: readonly Membership[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The acting account's rows (`accounts.loadActor` when the adapter has it,
 * else the adapter kit's composition): the same answer as the repositories'
 * own reads, tenant-scoped, in one statement where the adapter counts them.
 */
export const actorRowsSuite: ConformanceSuite = (test) => {
  const seed = async (store: Store) => {
    const org = buildOrganization({ id: 'org_actor_a' });
    const other = buildOrganization({ id: 'org_actor_b' });
    const account = buildAccount({
      orgId: org.id,
      externalId: 'ext-7',
      profile: { title: 'Lead', phone: null },
      lastSeenAt: new Date('2026-02-01T10:00:00.123Z'),
    });
    const team = buildMembership({
      orgId: org.id,
      accountId: account.id,
      spaceId: 'spc_actor_1',
      role: 'manager',
      groupIds: ['grp_a', 'grp_b'],
      restrictions: ['no-export'],
      managerId: 'acc_boss',
    });
    const former = buildMembership({
      orgId: org.id,
      accountId: account.id,
      spaceId: 'spc_actor_2',
      state: 'account-only',
    });
    const someoneElse = buildMembership({ orgId: org.id, spaceId: 'spc_actor_1' });
    // The same account id in another organization: never read (rule 11).
    const elsewhere = buildMembership({ orgId: other.id, accountId: account.id });
    const lead = buildStoredRole({ orgId: org.id, name: 'lead', rank: 70 });
    const helper = buildStoredRole({ orgId: org.id, name: 'helper', rank: 20 });
    const coach = buildStoredRole({ orgId: org.id, name: 'coach', rank: 70 });
    const foreign = buildStoredRole({ orgId: other.id, name: 'lead', rank: 90 });
    await store.transaction(async (tx) => {
      await tx.organizations.insert(org);
      await tx.organizations.insert(other);
      await tx.accounts.insert(account);
      await tx.memberships.insertMany([team, former, someoneElse, elsewhere]);
      for (const role of [lead, helper, coach, foreign]) await tx.roles.insert(role);
    });
    return { org, other, account, memberships: [team, former], roles: [coach, lead, helper] };
  };

  test('Account: loadActor reads the organization, the account, all its memberships and the stored roles', async ({
    store,
  }) => {
    const seeded = await seed(store);
    const rows = await store.transaction((tx) =>
      loadActorRows(tx, seeded.org.id, seeded.account.id, { roles: true }),
    );
    expect(rows.organization).toEqual(seeded.org);
    expect(rows.account).toEqual(seeded.account);
    expect(byId(rows.memberships)).toEqual(byId(seeded.memberships));
    // Highest rank first, then by name.
    expect(rows.roles).toEqual(seeded.roles);
    const composed = await store.transaction((tx) =>
      composeActorRows(tx, seeded.org.id, seeded.account.id, { roles: true }),
    );
    expect({ ...rows, memberships: byId(rows.memberships) }).toEqual({
      ...composed,
      memberships: byId(composed.memberships),
    });
    // Without roles asked, none are read.
    const plain = await store.transaction((tx) =>
      loadActorRows(tx, seeded.org.id, seeded.account.id, { roles: false }),
    );
    expect(plain.roles).toBeUndefined();
    expect(byId(plain.memberships)).toEqual(byId(seeded.memberships));
  });

  test('Account: loadActor reads a target account with its memberships in the same call', async ({
    store,
  }) => {
    const seeded = await seed(store);
    const target = buildAccount({ orgId: seeded.org.id, status: 'deactivated' });
    const targetTeam = buildMembership({
      orgId: seeded.org.id,
      accountId: target.id,
      spaceId: 'spc_actor_1',
      groupIds: ['grp_a'],
    });
    const stranger = buildAccount({ orgId: seeded.other.id });
    await store.transaction(async (tx) => {
      await tx.accounts.insertMany([target, stranger]);
      await tx.memberships.insert(targetTeam);
    });
    const load = (id: string, roles: boolean) =>
      store.transaction((tx) =>
        loadActorRows(tx, seeded.org.id, seeded.account.id, { roles, target: id }),
      );
    const rows = await load(target.id, true);
    expect(rows.account).toEqual(seeded.account);
    expect(byId(rows.memberships)).toEqual(byId(seeded.memberships));
    expect(rows.roles).toEqual(seeded.roles);
    expect(rows.target).toEqual({ account: target, memberships: [targetTeam] });
    // A target of another organization, or none, is no account (rule 11).
    expect((await load(stranger.id, false)).target).toEqual({
      account: undefined,
      memberships: [],
    });
    expect((await load('acc_nobody', false)).target).toEqual({
      account: undefined,
      memberships: [],
    });
    // The actor as its own target.
    const self = await load(seeded.account.id, false);
    expect(self.target?.account).toEqual(seeded.account);
    expect(byId(self.target?.memberships ?? [])).toEqual(byId(seeded.memberships));
    // No target asked, none returned.
    const none = await store.transaction((tx) =>
      loadActorRows(tx, seeded.org.id, seeded.account.id, { roles: false }),
    );
    expect(none.target).toBeUndefined();
  });

  test('Account: loadActor finds no account of another organization, and nothing of an unknown one', async ({
    store,
  }) => {
    const seeded = await seed(store);
    const load = (orgId: string, accountId: string) =>
      store.transaction((tx) => loadActorRows(tx, orgId, accountId, { roles: true }));
    expect(await load(seeded.other.id, seeded.account.id)).toEqual({
      organization: seeded.other,
      account: undefined,
      memberships: [],
      roles: [expect.objectContaining({ orgId: seeded.other.id, name: 'lead' })],
    });
    expect(await load(seeded.org.id, 'acc_nobody')).toEqual({
      organization: seeded.org,
      account: undefined,
      memberships: [],
      roles: seeded.roles,
    });
    expect(await load('org_actor_none', seeded.account.id)).toEqual({
      organization: undefined,
      account: undefined,
      memberships: [],
      roles: [],
    });
  });

  test('Account: loadActor returns a pending or deleted account as stored, with no membership', async ({
    store,
  }) => {
    const org = buildOrganization({ id: 'org_actor_s' });
    const pending = buildAccount({ orgId: org.id, status: 'pending' });
    const deleted = buildAccount({ orgId: org.id, status: 'deleted' });
    await store.transaction(async (tx) => {
      await tx.organizations.insert(org);
      await tx.accounts.insertMany([pending, deleted]);
    });
    for (const account of [pending, deleted]) {
      expect(
        await store.transaction((tx) => loadActorRows(tx, org.id, account.id, { roles: false })),
      ).toEqual({ organization: org, account, memberships: [] });
    }
  });

  test('Account: loadActor sees the writes of its own transaction', async ({ store }) => {
    const seeded = await seed(store);
    const joined = buildMembership({
      orgId: seeded.org.id,
      accountId: seeded.account.id,
      spaceId: 'spc_actor_3',
    });
    const rows = await store.transaction(async (tx) => {
      await tx.memberships.insert(joined);
      await tx.accounts.update({ ...seeded.account, firstName: 'Renamed' });
      return loadActorRows(tx, seeded.org.id, seeded.account.id, { roles: false });
    });
    expect(rows.account).toMatchObject({ firstName: 'Renamed', version: 2 });
    expect(byId(rows.memberships)).toEqual(byId([...seeded.memberships, joined]));
  });

  test(
    'Account: loadActor, where the adapter has it, is one statement',
    async ({ store, statements }) => {
      const seeded = await seed(store);
      const count = statements as () => number;
      const sent = await store.transaction(async (tx) => {
        if (tx.accounts.loadActor === undefined) return undefined;
        const before = count();
        await tx.accounts.loadActor(seeded.org.id, seeded.account.id, {
          roles: true,
          target: 'acc_someone',
        });
        return count() - before;
      });
      if (sent !== undefined) expect(sent).toBe(1);
    },
    { statements: true },
  );
};
