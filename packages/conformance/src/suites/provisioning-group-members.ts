import type {
  GroupMemberLink,
  ProvisioningLink,
  ProvisioningResourceType,
  StoreTransaction,
} from '@rosterkit/core';
import { compareText } from '@rosterkit/core/adapter';
import { expect } from 'vitest';
import {
  type ConformanceContext,
  type ConformanceSuite,
  expectRosterError,
  meetingPoint,
  statementsOf,
} from '../conformance-context.js';
import { buildProvisioningConnection, buildProvisioningLink } from '../fixtures.js';
import { insertConnection, insertLinks, storedLink } from './provisioning-support.js';

// SCIM group members: User links in Group links of one connection, kept by
// the store apart from rosterkit's memberships. Checked past the repository
// when the adapter gives `provisioningGroupMembers`, else through it.

const byGroupThenUser = (a: GroupMemberLink, b: GroupMemberLink) =>
  compareText(a.groupLinkId, b.groupLinkId) || compareText(a.userLinkId, b.userLinkId);

/** The stored members of these groups of the organization, by group then user. */
async function storedMembers(
  ctx: ConformanceContext,
  orgId: string,
  connectionId: string,
  groupLinkIds: readonly string[],
): Promise<GroupMemberLink[]> {
  if (ctx.raw.provisioningGroupMembers !== undefined) {
    const rows = await ctx.raw.provisioningGroupMembers(orgId);
    return rows.filter((row) => groupLinkIds.includes(row.groupLinkId)).sort(byGroupThenUser);
  }
  return ctx.store.transaction((tx) =>
    tx.provisioning.listGroupMembers(orgId, connectionId, groupLinkIds),
  );
}

const members = (groupLinkId: string, userLinkIds: readonly string[]): GroupMemberLink[] =>
  userLinkIds.map((userLinkId) => ({ groupLinkId, userLinkId }));

/**
 * One organization's connection with two groups and three users whose ids
 * sort by code unit apart from any locale's order (`A` < `B` < `a` < `b`),
 * and the links that must not be taken for them: another connection's user
 * and group, and another organization's.
 */
async function seedGroups(ctx: ConformanceContext, orgId: string) {
  const connection = buildProvisioningConnection({ orgId });
  const other = buildProvisioningConnection({ orgId });
  await insertConnection(ctx, connection);
  await insertConnection(ctx, other);
  const link = (
    resourceType: ProvisioningResourceType,
    id: string,
    overrides: Partial<ProvisioningLink> = {},
  ) =>
    buildProvisioningLink({
      orgId,
      connectionId: connection.id,
      resourceType,
      id: `${orgId}:${id}`,
      ...overrides,
    });
  const sales = link('Group', 'grp-b');
  const support = link('Group', 'grp-B');
  const ana = link('User', 'usr-b');
  const bo = link('User', 'usr-A');
  const cy = link('User', 'usr-a');
  const otherUser = link('User', 'usr-other', { connectionId: other.id });
  const otherGroup = link('Group', 'grp-other', { connectionId: other.id });
  const foreignUser = link('User', 'usr-foreign', { orgId: `${orgId}_2` });
  const foreignGroup = link('Group', 'grp-foreign', { orgId: `${orgId}_2` });
  await insertLinks(ctx, [sales, support, ana, bo, cy, otherUser, otherGroup]);
  await insertLinks(ctx, [foreignUser, foreignGroup]);
  const add = (groupLinkId: string, userLinkIds: readonly string[], inOrg = orgId) =>
    ctx.store.transaction((tx) =>
      tx.provisioning.addGroupMembers(inOrg, connection.id, groupLinkId, userLinkIds),
    );
  const remove = (groupLinkId: string, userLinkIds: readonly string[], inOrg = orgId) =>
    ctx.store.transaction((tx) =>
      tx.provisioning.removeGroupMembers(inOrg, connection.id, groupLinkId, userLinkIds),
    );
  const stored = () => storedMembers(ctx, orgId, connection.id, [sales.id, support.id]);
  return {
    orgId,
    connection,
    other,
    sales,
    support,
    ana,
    bo,
    cy,
    otherUser,
    otherGroup,
    foreignUser,
    foreignGroup,
    add,
    remove,
    stored,
  };
}

/** How long a racing transaction waits at the meeting point for the other one. */
const meetingMs = 1_000;

/** The group member tests of the provisioning suite. @internal */
export const provisioningGroupMemberTests: ConformanceSuite = (test) => {
  test('Provisioning: addGroupMembers adds User links to a Group link, skipping members and repeats, and returns the ids added in the order given', async (ctx) => {
    const { sales, ana, bo, cy, add, stored } = await seedGroups(ctx, 'org_gm_add');
    expect(await add(sales.id, [ana.id, bo.id, ana.id])).toEqual([ana.id, bo.id]);
    expect(await stored()).toEqual(members(sales.id, [bo.id, ana.id]));
    expect(await add(sales.id, [bo.id, cy.id, cy.id, ana.id])).toEqual([cy.id]);
    expect(await add(sales.id, [ana.id])).toEqual([]);
    expect(await add(sales.id, [])).toEqual([]);
    expect(await stored()).toEqual(members(sales.id, [bo.id, cy.id, ana.id]));
    // The links themselves are untouched.
    expect(await storedLink(ctx, sales)).toEqual(sales);
    expect(await storedLink(ctx, ana)).toEqual(ana);
  });

  test('Provisioning: addGroupMembers with a link that is not there (missing, another connection’s or organization’s, the wrong type) is NOT_FOUND naming the first, and adds nothing', async (ctx) => {
    const seeded = await seedGroups(ctx, 'org_gm_nf');
    const { sales, ana, bo, cy, otherUser, otherGroup, foreignUser, foreignGroup, add, stored } =
      seeded;
    await add(sales.id, [bo.id]);
    const before = await stored();
    const missing = `${seeded.orgId}:usr-missing`;
    const cases: [string, string[], string][] = [
      // The group: missing, a User link, another connection's, another organization's.
      [`${seeded.orgId}:grp-missing`, [ana.id], `${seeded.orgId}:grp-missing`],
      [cy.id, [ana.id], cy.id],
      [otherGroup.id, [ana.id], otherGroup.id],
      [foreignGroup.id, [ana.id], foreignGroup.id],
      // A member, after one that would be added: missing, a Group link,
      // another connection's, another organization's; the first one is named.
      [sales.id, [ana.id, missing, cy.id], missing],
      [sales.id, [ana.id, seeded.support.id], seeded.support.id],
      [sales.id, [ana.id, otherUser.id], otherUser.id],
      [sales.id, [ana.id, foreignUser.id, missing], foreignUser.id],
    ];
    for (const [groupLinkId, userLinkIds, named] of cases) {
      await expectRosterError(add(groupLinkId, userLinkIds), 'NOT_FOUND', { id: named });
    }
    expect(await stored()).toEqual(before);
    // Nor in another organization: the same ids are not found there.
    await expectRosterError(add(sales.id, [ana.id], foreignUser.orgId), 'NOT_FOUND', {
      id: sales.id,
    });
    expect(await stored()).toEqual(before);
    const groups = await ctx.store.transaction((tx) =>
      tx.provisioning.listMemberGroups(seeded.orgId, seeded.connection.id, ana.id),
    );
    expect(groups).toEqual([]);
  });

  test('Provisioning: removeGroupMembers removes members, skips non-members, non-links and repeats, and returns the ids removed in the order given', async (ctx) => {
    const { orgId, sales, support, ana, bo, cy, otherUser, add, remove, stored } = await seedGroups(
      ctx,
      'org_gm_rm',
    );
    await add(sales.id, [ana.id, bo.id, cy.id]);
    await add(support.id, [ana.id, bo.id]);
    expect(
      await remove(sales.id, [cy.id, `${orgId}:usr-missing`, otherUser.id, ana.id, cy.id]),
    ).toEqual([cy.id, ana.id]);
    expect(await remove(sales.id, [cy.id])).toEqual([]);
    expect(await remove(sales.id, [])).toEqual([]);
    // The other group keeps its members.
    expect(await stored()).toEqual([
      ...members(support.id, [bo.id, ana.id]),
      ...members(sales.id, [bo.id]),
    ]);
    for (const groupLinkId of [`${orgId}:grp-missing`, ana.id]) {
      await expectRosterError(remove(groupLinkId, [bo.id]), 'NOT_FOUND', { id: groupLinkId });
    }
    // A removed member can be added again.
    expect(await add(sales.id, [ana.id])).toEqual([ana.id]);
    expect(await stored()).toEqual([
      ...members(support.id, [bo.id, ana.id]),
      ...members(sales.id, [bo.id, ana.id]),
    ]);
  });

  test('Provisioning: listGroupMembers is by groupLinkId then userLinkId in code unit order; listMemberGroups is ascending; neither lists another connection’s', async (ctx) => {
    const seeded = await seedGroups(ctx, 'org_gm_list');
    const { orgId, connection, other, sales, support, ana, bo, cy, otherUser, otherGroup } = seeded;
    await seeded.add(sales.id, [ana.id, cy.id, bo.id]);
    await seeded.add(support.id, [cy.id]);
    await ctx.store.transaction((tx) =>
      tx.provisioning.addGroupMembers(orgId, other.id, otherGroup.id, [otherUser.id]),
    );
    const read = await ctx.store.transaction(async (tx) => ({
      both: await tx.provisioning.listGroupMembers(orgId, connection.id, [
        sales.id,
        support.id,
        sales.id,
      ]),
      // Ids that are no group link of the connection have none.
      none: await tx.provisioning.listGroupMembers(orgId, connection.id, [
        otherGroup.id,
        ana.id,
        `${orgId}:grp-missing`,
      ]),
      empty: await tx.provisioning.listGroupMembers(orgId, connection.id, []),
      ofCy: await tx.provisioning.listMemberGroups(orgId, connection.id, cy.id),
      ofAna: await tx.provisioning.listMemberGroups(orgId, connection.id, ana.id),
      otherOfOther: await tx.provisioning.listMemberGroups(orgId, other.id, otherUser.id),
      otherHere: await tx.provisioning.listMemberGroups(orgId, connection.id, otherUser.id),
      otherGroup: await tx.provisioning.listGroupMembers(orgId, other.id, [otherGroup.id]),
    }));
    expect(read).toEqual({
      // grp-B before grp-b, usr-A before usr-a before usr-b.
      both: [...members(support.id, [cy.id]), ...members(sales.id, [bo.id, cy.id, ana.id])],
      none: [],
      empty: [],
      ofCy: [support.id, sales.id],
      ofAna: [sales.id],
      otherOfOther: [otherGroup.id],
      otherHere: [],
      otherGroup: members(otherGroup.id, [otherUser.id]),
    });
  });

  test('Provisioning: deleteLink of a Group link deletes its members; of a User link, its place in every group', async (ctx) => {
    const { orgId, connection, sales, support, ana, bo, cy, add, stored } = await seedGroups(
      ctx,
      'org_gm_del',
    );
    await add(sales.id, [ana.id, bo.id]);
    await add(support.id, [ana.id, cy.id]);
    await ctx.store.transaction((tx) =>
      tx.provisioning.deleteLink(orgId, connection.id, 'User', ana.id),
    );
    expect(await stored()).toEqual([
      ...members(support.id, [cy.id]),
      ...members(sales.id, [bo.id]),
    ]);
    await ctx.store.transaction((tx) =>
      tx.provisioning.deleteLink(orgId, connection.id, 'Group', sales.id),
    );
    expect(await stored()).toEqual(members(support.id, [cy.id]));
    const read = await ctx.store.transaction(async (tx) => ({
      ofAna: await tx.provisioning.listMemberGroups(orgId, connection.id, ana.id),
      ofBo: await tx.provisioning.listMemberGroups(orgId, connection.id, bo.id),
      ofCy: await tx.provisioning.listMemberGroups(orgId, connection.id, cy.id),
    }));
    expect(read).toEqual({ ofAna: [], ofBo: [], ofCy: [support.id] });
    expect(await storedLink(ctx, bo)).toEqual(bo);
  });

  test('Provisioning: deleteAllInOrganization deletes the organization’s group members too, and counts them', async (ctx) => {
    const gone = await seedGroups(ctx, 'org_gm_all');
    const stays = await seedGroups(ctx, 'org_gm_all2');
    await gone.add(gone.sales.id, [gone.ana.id, gone.bo.id]);
    await gone.add(gone.support.id, [gone.ana.id]);
    await stays.add(stays.sales.id, [stays.ana.id]);
    const count = await ctx.store.transaction((tx) =>
      tx.provisioning.deleteAllInOrganization(gone.orgId),
    );
    // Two connections, seven links, three members.
    expect(count).toBe(2 + 7 + 3);
    expect(await gone.stored()).toEqual([]);
    expect(await stays.stored()).toEqual(members(stays.sales.id, [stays.ana.id]));
    // The ids come back as new links, with no members.
    await insertLinks(ctx, [gone.sales, gone.ana]);
    expect(await gone.stored()).toEqual([]);
  });

  test('Provisioning: another organization neither sees nor changes a group’s members', async (ctx) => {
    const { orgId, connection, sales, ana, bo, add, remove, stored } = await seedGroups(
      ctx,
      'org_gm_iso',
    );
    await add(sales.id, [ana.id]);
    const elsewhere = `${orgId}_2`;
    await expectRosterError(remove(sales.id, [ana.id], elsewhere), 'NOT_FOUND', { id: sales.id });
    await expectRosterError(add(sales.id, [bo.id], elsewhere), 'NOT_FOUND', { id: sales.id });
    const read = await ctx.store.transaction(async (tx) => ({
      members: await tx.provisioning.listGroupMembers(elsewhere, connection.id, [sales.id]),
      groups: await tx.provisioning.listMemberGroups(elsewhere, connection.id, ana.id),
    }));
    expect(read).toEqual({ members: [], groups: [] });
    // Deleting the other organization leaves these members.
    await ctx.store.transaction((tx) => tx.provisioning.deleteAllInOrganization(elsewhere));
    expect(await stored()).toEqual(members(sales.id, [ana.id]));
  });

  test('Provisioning: two transactions adding the same member, racing, store it once: both succeed (one adding it) or one conflicts', async (ctx) => {
    const { orgId, connection, sales, ana, stored } = await seedGroups(ctx, 'org_gm_race');
    const meet = meetingPoint(2, meetingMs);
    const adder = () =>
      ctx.store.transaction(async (tx) => {
        await tx.provisioning.listGroupMembers(orgId, connection.id, [sales.id]);
        await meet();
        return tx.provisioning.addGroupMembers(orgId, connection.id, sales.id, [ana.id]);
      });
    const outcomes = await Promise.allSettled([adder(), adder()]);
    const added = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    for (const reason of refused) expect(reason).toMatchObject({ code: 'CONFLICT' });
    // Added by exactly one of them, whether the other then found it there or conflicted.
    expect(added).toEqual([ana.id]);
    expect(refused.length).toBeLessThanOrEqual(1);
    expect(await stored()).toEqual(members(sales.id, [ana.id]));
  });

  test('Provisioning: a member added while its User link is deleted, racing, is never left behind', async (ctx) => {
    const { orgId, connection, sales, ana, bo, stored } = await seedGroups(ctx, 'org_gm_race2');
    const meet = meetingPoint(2, meetingMs);
    // Both write before either commits (where the store lets them), so that
    // a store that lets the delete miss the uncommitted member row shows it
    // every run, not only when the scheduler happens to interleave them.
    const written = meetingPoint(2, meetingMs);
    const outcomes = await Promise.allSettled([
      ctx.store.transaction(async (tx) => {
        await tx.provisioning.getLink(orgId, connection.id, 'User', ana.id);
        await meet();
        const added = await tx.provisioning.addGroupMembers(orgId, connection.id, sales.id, [
          ana.id,
          bo.id,
        ]);
        await written();
        return added;
      }),
      ctx.store.transaction(async (tx) => {
        await tx.provisioning.listMemberGroups(orgId, connection.id, ana.id);
        await meet();
        await tx.provisioning.deleteLink(orgId, connection.id, 'User', ana.id);
        await written();
      }),
    ]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toMatchObject({
          code: expect.stringMatching(/^(CONFLICT|NOT_FOUND)$/),
        });
      }
    }
    const gone = (await storedLink(ctx, ana)) === undefined;
    const rows = await stored();
    expect(rows.filter((row) => row.userLinkId === ana.id)).toEqual(
      gone ? [] : members(sales.id, [ana.id]),
    );
  });

  test(
    'Provisioning: addGroupMembers, removeGroupMembers and listGroupMembers cost as many statements for 1 id as for 12',
    async (ctx) => {
      const orgId = 'org_gm_cost';
      const connection = buildProvisioningConnection({ orgId });
      await insertConnection(ctx, connection);
      const group = (n: number) =>
        buildProvisioningLink({
          orgId,
          connectionId: connection.id,
          resourceType: 'Group',
          id: `${orgId}:g${n}`,
        });
      const users = Array.from({ length: 12 }, (_, n) =>
        buildProvisioningLink({ orgId, connectionId: connection.id, id: `${orgId}:u${n}` }),
      );
      const groups = [group(1), group(2), group(3)];
      await insertLinks(ctx, [...groups, ...users]);
      const ids = (n: number) => users.slice(0, n).map((user) => user.id);
      const cost = (work: (tx: StoreTransaction) => Promise<unknown>) =>
        statementsOf(ctx, () => ctx.store.transaction(work));
      const [g1, g2, g3] = groups.map((g) => g.id) as [string, string, string];
      // A first add warms any per-statement cache.
      await ctx.store.transaction((tx) =>
        tx.provisioning.addGroupMembers(orgId, connection.id, g3, ids(1)),
      );
      const measured = {
        add: [
          await cost((tx) => tx.provisioning.addGroupMembers(orgId, connection.id, g1, ids(1))),
          await cost((tx) => tx.provisioning.addGroupMembers(orgId, connection.id, g2, ids(12))),
        ],
        remove: [
          await cost((tx) => tx.provisioning.removeGroupMembers(orgId, connection.id, g1, ids(1))),
          await cost((tx) => tx.provisioning.removeGroupMembers(orgId, connection.id, g2, ids(12))),
        ],
        list: [
          await cost((tx) => tx.provisioning.listGroupMembers(orgId, connection.id, [g1])),
          await cost((tx) => tx.provisioning.listGroupMembers(orgId, connection.id, [g1, g2, g3])),
        ],
      };
      expect(measured.add[0], 'is the counter counting?').toBeGreaterThan(0);
      expect(measured).toEqual({
        add: [measured.add[0], measured.add[0]],
        remove: [measured.remove[0], measured.remove[0]],
        list: [measured.list[0], measured.list[0]],
      });
    },
    { statements: true },
  );
};
