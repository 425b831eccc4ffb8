import type { Account, ActorApi, Membership } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from '../conformance-context.js';
import { expectRosterError, statementsOf } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { connectScenario } from './scenario-connection.js';
import { type ScenarioOrg, seedScenario } from './scenario-roster.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The account's membership of the organization's default space, read through the store. */
async function membershipOf(
  ctx: ConformanceContext,
  org: ScenarioOrg,
  account: Account,
): Promise<Membership | undefined> {
  const memberships = await ctx.store.transaction((tx) =>
    tx.memberships.listByAccounts(org.organization.id, [account.id]),
  );
  return memberships.find((m) => m.spaceId === org.organization.defaultSpaceId);
}

/** The audit events written since `seen` was taken (raw readers return them in any order). */
async function eventsSince(ctx: ConformanceContext, org: ScenarioOrg, seen: ReadonlySet<string>) {
  const events = await ctx.raw.auditEvents(org.organization.id);
  return events.filter((event) => !seen.has(event.id));
}

/** The ids of the organization's audit events so far. */
async function eventIds(ctx: ConformanceContext, org: ScenarioOrg): Promise<Set<string>> {
  return new Set((await ctx.raw.auditEvents(org.organization.id)).map((event) => event.id));
}

/** The SCIM Users of the scenario's three non-owners, provisioned by `api` (adopted: same accounts). */
async function provisionPeople(api: ActorApi) {
  const adi = await api.provisionUser({ userName: 'adi@acme.io' });
  const bo = await api.provisionUser({ userName: 'bo@acme.io' });
  const cy = await api.provisionUser({ userName: 'cy@acme.io' });
  return { adi: adi.link, bo: bo.link, cy: cy.link };
}

/** Everything of the organization's groups and the connection's links a refusal must leave as it was. */
async function scimState(org: ScenarioOrg, api: ActorApi) {
  const groups = await org.as(org.owner).listGroups();
  const list = await api.listProvisionedGroups();
  return { groups, list };
}

/** The SCIM Group commands of a provisioning connection (DESIGN §8, SCIM 2.0). */
export const provisionedGroupScenarios: ConformanceSuite = (test) => {
  test('Domain: provisionGroup creates a group of the connection space with its SCIM members; active members join it; audited by the connection', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { actor, api } = await connectScenario(ctx, org);
    const { bo, cy } = await provisionPeople(api);
    const seen = await eventIds(ctx, org);
    const created = await api.provisionGroup({
      displayName: 'Sales',
      externalId: 'okta-sales',
      members: [cy.id, bo.id, cy.id],
      attributes: { description: 'Field sales' },
    });
    expect(created.link.id).toMatch(uuid);
    expect(created.link).toMatchObject({
      orgId: org.organization.id,
      connectionId: actor.connectionId,
      resourceType: 'Group',
      targetId: created.group.id,
      userName: 'Sales',
      externalId: 'okta-sales',
      attributes: { description: 'Field sales' },
      version: 1,
    });
    expect(created.group).toMatchObject({
      name: 'Sales',
      kind: 'group',
      spaceId: org.organization.defaultSpaceId,
    });
    // Repeats ignored; members by link id.
    expect(created.members.map((m) => m.id)).toEqual([bo.id, cy.id].sort());
    for (const person of [org.agentA, org.agentB]) {
      expect((await membershipOf(ctx, org, person))?.groupIds).toEqual([created.group.id]);
    }
    const events = await eventsSince(ctx, org, seen);
    for (const event of events) expect(event.actor).toEqual(actor);
    expect(events.map((e) => e.action).sort()).toEqual([
      'assignGroups',
      'assignGroups',
      'createGroup',
      'provisionGroup',
    ]);
    const got = await api.getProvisionedGroup({ id: created.link.id });
    expect(got).toEqual(created);
    const bare = await api.getProvisionedGroup({ id: created.link.id, members: false });
    expect(bare).toEqual({ ...created, members: [] });
    // A group with no members, and one with an empty list.
    const empty = await api.provisionGroup({ displayName: 'Support', members: [] });
    expect(empty.members).toEqual([]);
    if (ctx.raw.provisioningGroupMembers !== undefined) {
      const rows = await ctx.raw.provisioningGroupMembers(org.organization.id);
      expect(rows.map((row) => [row.groupLinkId, row.userLinkId]).sort()).toEqual(
        [
          [created.link.id, bo.id],
          [created.link.id, cy.id],
        ].sort(),
      );
    }
  });

  test('Domain: provisionGroup adopts a group of the space with the same name (case-insensitively) unless this connection links it; a displayName taken is a CONFLICT', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const sales = await owner.createGroup({ name: 'Sales', kind: 'queue' });
    const leeds = await owner.createSpace({ name: 'Leeds' });
    // A group of that name in another space is not the connection's.
    await owner.createGroup({ name: 'Support', spaceId: leeds.id });
    const { api } = await connectScenario(ctx, org);
    const adopted = await api.provisionGroup({ displayName: 'SALES', externalId: 'okta-sales' });
    expect(adopted.group).toEqual(sales);
    expect(adopted.link.userName).toBe('SALES');
    const support = await api.provisionGroup({ displayName: 'Support' });
    expect(support.group.spaceId).toBe(org.organization.defaultSpaceId);
    expect((await owner.listGroups()).map((g) => g.group.name).sort()).toEqual([
      'Sales',
      'Support',
    ]);
    const before = await scimState(org, api);
    const taken = await expectRosterError(api.provisionGroup({ displayName: 'sales' }), 'CONFLICT');
    expect(taken.details).toMatchObject({ reason: 'unique' });
    expect(await scimState(org, api)).toEqual(before);
    // An externalId is not unique (RFC 7643 §3.1): another group may carry it.
    const twin = await api.provisionGroup({ displayName: 'Other', externalId: 'okta-sales' });
    const shared = await api.listProvisionedGroups({
      filter: { op: 'eq', attribute: 'externalId', value: 'okta-sales' },
      members: false,
    });
    expect(shared.items.map((item) => item.link.id).sort()).toEqual(
      [adopted.link.id, twin.link.id].sort(),
    );
    // Another connection adopts the same group under its own id.
    const { api: entra } = await connectScenario(ctx, org, { name: 'Entra' });
    const again = await entra.provisionGroup({ displayName: 'Sales' });
    expect(again.group.id).toBe(sales.id);
    expect(again.link.id).not.toBe(adopted.link.id);
  });

  test("Domain: a member id that is not a User of this connection is INVALID_INPUT naming it, nothing changed; another connection's or organization's ids are not found", async (ctx) => {
    const org = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const { api } = await connectScenario(ctx, org);
    const { api: entra } = await connectScenario(ctx, org, { name: 'Entra' });
    const { api: globexApi } = await connectScenario(ctx, globex);
    const { bo } = await provisionPeople(api);
    const { link: entraBo } = await entra.provisionUser({ userName: 'bo@acme.io' });
    const { link: globexBo } = await globexApi.provisionUser({ userName: 'bo@globex.io' });
    const sales = await api.provisionGroup({ displayName: 'Sales', members: [bo.id] });
    const before = await scimState(org, api);
    const refused = await expectRosterError(
      api.provisionGroup({ displayName: 'Leads', members: [bo.id, entraBo.id, globexBo.id] }),
      'INVALID_INPUT',
    );
    expect(refused.details.issues).toEqual([
      { path: ['members', 1], message: expect.stringContaining(entraBo.id) },
      { path: ['members', 2], message: expect.stringContaining(globexBo.id) },
    ]);
    expect(refused.message).toContain(entraBo.id);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedGroup({ id: sales.link.id, addMembers: ['nobody'] }),
      'INVALID_INPUT',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedGroup({ id: sales.link.id, members: [entraBo.id] }),
      'INVALID_INPUT',
    );
    // The Group link's own id is no User.
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedGroup({ id: sales.link.id, removeMembers: [sales.link.id] }),
      'INVALID_INPUT',
    );
    expect(await scimState(org, api)).toEqual(before);
    // Another connection's, or organization's, groups are not found.
    const theirs = await globexApi.provisionGroup({ displayName: 'Sales' });
    const entraGroup = await entra.provisionGroup({ displayName: 'Sales' });
    for (const id of [theirs.link.id, entraGroup.link.id]) {
      await expectRosterError(api.getProvisionedGroup({ id }), 'NOT_FOUND');
      await expectRefusedUnchanged(
        ctx,
        org,
        () => api.updateProvisionedGroup({ id, displayName: 'Mine' }),
        'NOT_FOUND',
      );
      await expectRefusedUnchanged(ctx, org, () => api.deprovisionGroup({ id }), 'NOT_FOUND');
    }
    // A User link is no Group.
    await expectRosterError(api.getProvisionedGroup({ id: bo.id }), 'NOT_FOUND');
    expect((await api.listProvisionedGroups()).items.map((g) => g.link.id)).toEqual([
      sales.link.id,
    ]);
  });

  test('Domain: updateProvisionedGroup renames the group and the link, replaces, adds and removes members (no-ops skipped), and checks the version', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    const { adi, bo, cy } = await provisionPeople(api);
    const sales = await api.provisionGroup({
      displayName: 'Sales',
      externalId: 'okta-sales',
      members: [bo.id],
      attributes: { description: 'Field' },
    });
    const groupId = sales.group.id;
    const seen = await eventIds(ctx, org);
    const renamed = await api.updateProvisionedGroup({
      id: sales.link.id,
      version: 1,
      displayName: 'Inside sales',
      externalId: null,
      addMembers: [bo.id, cy.id],
      removeMembers: [adi.id],
    });
    expect(renamed.group).toMatchObject({ id: groupId, name: 'Inside sales' });
    expect(renamed.link).toMatchObject({
      userName: 'Inside sales',
      externalId: null,
      version: 2,
      attributes: { description: 'Field' },
    });
    expect(renamed.members.map((m) => m.id)).toEqual([bo.id, cy.id].sort());
    const actions = (await eventsSince(ctx, org, seen)).map((e) => e.action).sort();
    expect(actions).toEqual(['assignGroups', 'renameGroup', 'updateProvisionedGroup']);
    expect((await membershipOf(ctx, org, org.agentB))?.groupIds).toEqual([groupId]);
    // members replaces every member: bo leaves the group, adi joins it.
    const replaced = await api.updateProvisionedGroup({
      id: sales.link.id,
      members: [adi.id, cy.id, adi.id],
      attributes: { description: 'Inside' },
    });
    expect(replaced.members.map((m) => m.id)).toEqual([adi.id, cy.id].sort());
    expect(replaced.link.attributes).toEqual({ description: 'Inside' });
    expect((await membershipOf(ctx, org, org.agentA))?.groupIds).toEqual([]);
    expect((await membershipOf(ctx, org, org.admin))?.groupIds).toEqual([groupId]);
    // Then addMembers, then removeMembers, in one call.
    const both = await api.updateProvisionedGroup({
      id: sales.link.id,
      members: [adi.id],
      addMembers: [bo.id],
      removeMembers: [adi.id],
    });
    expect(both.members.map((m) => m.id)).toEqual([bo.id]);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedGroup({ id: sales.link.id, version: 2, removeMembers: [bo.id] }),
      'CONFLICT',
    );
    // Another group of the connection's name is a CONFLICT, nothing renamed.
    await api.provisionGroup({ displayName: 'Support' });
    const state = await scimState(org, api);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedGroup({ id: sales.link.id, displayName: 'support' }),
      'CONFLICT',
    );
    expect(await scimState(org, api)).toEqual(state);
    const found = await api.listProvisionedGroups({
      filter: { op: 'eq', attribute: 'displayName', value: 'INSIDE SALES' },
    });
    expect(found.items.map((g) => g.link.id)).toEqual([sales.link.id]);
    expect(found.items[0]?.members.map((m) => m.id)).toEqual([bo.id]);
    // A person who deletes their own account leaves their SCIM groups with their link.
    await org.as(org.agentA).deleteOwnAccount();
    expect((await api.getProvisionedGroup({ id: sales.link.id })).members).toEqual([]);
  });

  test('Domain: the role in the connection space is the highest its SCIM groups map to, else the default role, up and down; the owner keeps theirs', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const leads = await owner.createGroup({ name: 'Leads' });
    const directors = await owner.createGroup({ name: 'Directors' });
    const { api } = await connectScenario(ctx, org, {
      defaultRole: 'agent',
      groupRoles: { [leads.id]: 'admin', [directors.id]: 'director' },
    });
    const { bo, cy } = await provisionPeople(api);
    const { link: ana } = await api.provisionUser({ userName: 'ana@acme.io' });
    const roleOf = async (account: Account) => (await membershipOf(ctx, org, account))?.role;
    const seen = await eventIds(ctx, org);
    const leadsGroup = await api.provisionGroup({
      displayName: 'Leads',
      members: [bo.id, ana.id],
    });
    expect(leadsGroup.group.id).toBe(leads.id);
    expect(await roleOf(org.agentA)).toBe('admin');
    expect(await roleOf(org.owner)).toBe('owner');
    // The owner stays a SCIM member; their memberships are theirs alone (rule 1).
    expect(leadsGroup.members.map((m) => m.id)).toEqual([bo.id, ana.id].sort());
    expect((await membershipOf(ctx, org, org.owner))?.groupIds).toEqual([]);
    const changes = (await eventsSince(ctx, org, seen)).filter((e) => e.action === 'changeRole');
    expect(changes.map((e) => e.target)).toEqual([
      { type: 'Membership', id: (await membershipOf(ctx, org, org.agentA))?.id },
    ]);
    // An unmapped group changes nothing; a higher one wins; leaving it goes back down.
    const sales = await api.provisionGroup({ displayName: 'Sales', members: [bo.id, cy.id] });
    expect(await roleOf(org.agentA)).toBe('admin');
    expect(await roleOf(org.agentB)).toBe('agent');
    const dir = await api.provisionGroup({ displayName: 'Directors', members: [bo.id] });
    expect(await roleOf(org.agentA)).toBe('director');
    await api.updateProvisionedGroup({ id: dir.link.id, removeMembers: [bo.id] });
    expect(await roleOf(org.agentA)).toBe('admin');
    await api.updateProvisionedGroup({ id: leadsGroup.link.id, members: [cy.id] });
    expect(await roleOf(org.agentA)).toBe('agent');
    expect(await roleOf(org.agentB)).toBe('admin');
    // Deprovisioning the mapped group takes its role away with it.
    await api.deprovisionGroup({ id: leadsGroup.link.id });
    expect(await roleOf(org.agentB)).toBe('agent');
    expect(await roleOf(org.owner)).toBe('owner');
    expect((await api.getProvisionedGroup({ id: sales.link.id })).members).toHaveLength(2);
    // A brand-new user is in no group: the default role.
    const { membership } = await api.provisionUser({ userName: 'dee@acme.io' });
    expect(membership?.role).toBe('agent');
  });

  test('Domain: a deactivated member stays a SCIM member outside the rosterkit group; the connection reactivating it restores its groups, an admin reactivating does not', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    const { bo, cy } = await provisionPeople(api);
    await api.updateProvisionedUser({ id: bo.id, active: false });
    const sales = await api.provisionGroup({ displayName: 'Sales', members: [bo.id, cy.id] });
    const support = await api.provisionGroup({ displayName: 'Support' });
    await api.updateProvisionedGroup({ id: support.link.id, addMembers: [bo.id] });
    expect((await api.getProvisionedGroup({ id: sales.link.id })).members.map((m) => m.id)).toEqual(
      [bo.id, cy.id].sort(),
    );
    expect((await membershipOf(ctx, org, org.agentA))?.groupIds).toEqual([]);
    const back = await api.updateProvisionedUser({ id: bo.id, active: true });
    expect(back.account.status).toBe('active');
    expect((await membershipOf(ctx, org, org.agentA))?.groupIds.sort()).toEqual(
      [sales.group.id, support.group.id].sort(),
    );
    // Deactivated by the connection: out of every group, still a SCIM member.
    await api.updateProvisionedUser({ id: bo.id, active: false });
    expect((await membershipOf(ctx, org, org.agentA))?.groupIds).toEqual([]);
    expect((await api.getProvisionedGroup({ id: sales.link.id })).members).toHaveLength(2);
    // An admin's reactivate restores no group (DESIGN §3).
    await org.as(org.owner).reactivate({ accountId: org.agentA.id });
    expect((await membershipOf(ctx, org, org.agentA))?.groupIds).toEqual([]);
    // A pending invitee is a SCIM member with no membership to regroup.
    const { api: inviting } = await connectScenario(ctx, org, {
      name: 'Invites',
      onCreate: 'invite',
    });
    const { link: gil } = await inviting.provisionUser({ userName: 'gil@acme.io' });
    const pending = await inviting.provisionGroup({ displayName: 'Sales', members: [gil.id] });
    expect(pending.members.map((m) => m.id)).toEqual([gil.id]);
  });

  test('Domain: deprovisionGroup deletes the link, its members and the group (leaving every membership, an admin-assigned one too); deprovisionUser leaves its SCIM groups', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const { api } = await connectScenario(ctx, org);
    const { adi, bo, cy } = await provisionPeople(api);
    const sales = await api.provisionGroup({ displayName: 'Sales', members: [bo.id, cy.id] });
    const support = await api.provisionGroup({ displayName: 'Support', members: [bo.id, adi.id] });
    // An admin also uses the group for someone the provider never listed in it.
    const dee = await owner.invite({ email: 'dee@acme.io', role: 'agent' });
    const { account: deeAccount } = await org.roster.acceptInvitation({
      token: dee.token,
      firstName: 'Dee',
      lastName: 'Do',
    });
    await owner.assignGroups({ accountId: deeAccount.id, groupIds: [sales.group.id] });
    const seen = await eventIds(ctx, org);
    await api.deprovisionGroup({ id: sales.link.id });
    await expectRosterError(api.getProvisionedGroup({ id: sales.link.id }), 'NOT_FOUND');
    await expectRosterError(api.deprovisionGroup({ id: sales.link.id }), 'NOT_FOUND');
    expect((await owner.listGroups()).map((g) => g.group.id)).toEqual([support.group.id]);
    for (const person of [org.agentB, deeAccount]) {
      expect((await membershipOf(ctx, org, person))?.groupIds).toEqual([]);
    }
    expect((await membershipOf(ctx, org, org.agentA))?.groupIds).toEqual([support.group.id]);
    const actions = (await eventsSince(ctx, org, seen)).map((e) => e.action).sort();
    expect(actions).toEqual([
      'deleteGroup',
      'deleteGroup',
      'deleteGroup',
      'deleteGroup',
      'deprovisionGroup',
    ]);
    if (ctx.raw.provisioningGroupMembers !== undefined) {
      const rows = await ctx.raw.provisioningGroupMembers(org.organization.id);
      expect(rows.every((row) => row.groupLinkId !== sales.link.id)).toBe(true);
    }
    // deprovisionUser takes the user out of its SCIM groups.
    await api.deprovisionUser({ id: bo.id });
    const left = await api.getProvisionedGroup({ id: support.link.id });
    expect(left.members.map((m) => m.id)).toEqual([adi.id]);
    // A group an admin deleted: its link is not found, but the provider may still delete it.
    await owner.deleteGroup({ groupId: support.group.id });
    await expectRosterError(api.getProvisionedGroup({ id: support.link.id }), 'NOT_FOUND');
    expect((await api.listProvisionedGroups()).items).toEqual([]);
    await api.deprovisionGroup({ id: support.link.id });
    expect((await api.listProvisionedGroups()).total).toBe(0);
  });

  test('Domain: listProvisionedGroups filters and windows the Group links as listProvisionedUsers does, members read for the page or not at all', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    const { adi, bo, cy } = await provisionPeople(api);
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    const made = [];
    for (const [i, displayName] of names.entries()) {
      made.push(
        await api.provisionGroup({
          displayName,
          members: [adi, bo, cy].slice(0, i).map((l) => l.id),
        }),
      );
      org.clock.advance(1000);
    }
    const all = await api.listProvisionedGroups();
    expect(all.total).toBe(4);
    expect(all.items).toEqual(made);
    const window = await api.listProvisionedGroups({ startIndex: 2, count: 2 });
    expect(window).toEqual({ items: made.slice(1, 3), total: 4 });
    const bare = await api.listProvisionedGroups({ members: false });
    expect(bare.items.map((g) => g.members)).toEqual([[], [], [], []]);
    const filtered = await api.listProvisionedGroups({
      filter: { op: 'sw', attribute: 'displayName', value: 'g' },
    });
    expect(filtered.items.map((g) => g.group.name)).toEqual(['Gamma']);
    expect(await api.listProvisionedGroups({ count: 0 })).toEqual({ items: [], total: 4 });
    // Users are not Groups, nor Groups Users.
    expect((await api.listProvisionedUsers()).total).toBe(3);
    await expectRosterError(
      api.listProvisionedGroups({ filter: { op: 'gt', attribute: 'active', value: true } }),
      'INVALID_INPUT',
    );
  });

  test('Domain: an account actor may not call the SCIM Group commands, an administrator or the owner included', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    const { link } = await api.provisionGroup({ displayName: 'Sales' });
    for (const person of [org.admin, org.owner]) {
      const admin = org.as(person);
      await expectRefusedUnchanged(
        ctx,
        org,
        () => admin.provisionGroup({ displayName: 'Leads' }),
        'FORBIDDEN',
      );
      await expectRefusedUnchanged(
        ctx,
        org,
        () => admin.updateProvisionedGroup({ id: link.id, displayName: 'Mine' }),
        'FORBIDDEN',
      );
      await expectRefusedUnchanged(
        ctx,
        org,
        () => admin.deprovisionGroup({ id: link.id }),
        'FORBIDDEN',
      );
      await expectRosterError(admin.getProvisionedGroup({ id: link.id }), 'FORBIDDEN');
      await expectRosterError(admin.listProvisionedGroups(), 'FORBIDDEN');
    }
    expect((await api.getProvisionedGroup({ id: link.id })).link.version).toBe(1);
  });

  test(
    'Domain: listProvisionedGroups and provisionGroup cost statements that do not grow with the groups or members',
    async (ctx) => {
      const org = await seedScenario(ctx.store);
      const { api } = await connectScenario(ctx, org);
      const { adi, bo, cy } = await provisionPeople(api);
      const ids = [adi.id, bo.id, cy.id];
      await api.provisionGroup({ displayName: 'Solo', members: [bo.id] });
      const listOne = await statementsOf(ctx, () => api.listProvisionedGroups());
      const provisionOne = await statementsOf(ctx, () =>
        api.provisionGroup({ displayName: 'One', members: [bo.id] }),
      );
      for (const name of ['A', 'B', 'C', 'D']) {
        await api.provisionGroup({ displayName: name, members: ids });
      }
      const listMany = await statementsOf(ctx, () => api.listProvisionedGroups());
      const provisionMany = await statementsOf(ctx, () =>
        api.provisionGroup({ displayName: 'Three', members: ids }),
      );
      expect(listMany).toBe(listOne);
      expect(provisionMany).toBe(provisionOne);
    },
    { statements: true },
  );
};
