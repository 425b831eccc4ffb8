import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

/** Reads and changes of the organization's structure: spaces and groups (issue 14). */
export const structureScenarios: ConformanceSuite = (test) => {
  test('Domain: getOrganization, listSpaces and listGroups (with member counts) read the actor’s own organization', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const other = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const owner = org.as(org.owner);
    const admin = org.as(org.admin);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const sales = await owner.createGroup({ name: 'Sales' });
    const billing = await owner.createGroup({ name: 'Billing' });
    await owner.createGroup({ name: 'Tills', spaceId: leeds.id });
    await other.as(other.owner).createSpace({ name: 'Elsewhere' });
    await admin.assignGroups({ accountId: org.agentA.id, groupIds: [sales.id, billing.id] });
    await admin.assignGroups({ accountId: org.agentB.id, groupIds: [sales.id] });

    expect(await org.as(org.agentA).getOrganization()).toEqual(
      await ctx.raw.organization(org.organization.id),
    );
    expect((await admin.listSpaces()).map((space) => space.name)).toEqual(['Team', 'Leeds']);
    const groups = await org.as(org.agentA).listGroups();
    expect(groups.map(({ group, memberCount }) => [group.name, memberCount])).toEqual([
      ['Billing', 1],
      ['Sales', 2],
    ]);
    // Deactivation clears groups: the count follows.
    await admin.deactivate({ accountId: org.agentB.id });
    const after = await admin.listGroups({ spaceId: org.organization.defaultSpaceId });
    expect(after.find(({ group }) => group.id === sales.id)?.memberCount).toBe(1);
    expect((await admin.listGroups({ spaceId: leeds.id })).map(({ group }) => group.name)).toEqual([
      'Tills',
    ]);
    await expectRosterError(
      admin.listGroups({ spaceId: other.organization.defaultSpaceId }),
      'NOT_FOUND',
    );
    await expectRosterError(admin.listGroups({ spaceId: 7 } as never), 'INVALID_INPUT');
  });

  test('Domain: renameSpace and renameGroup are authorized and audited', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const sales = await owner.createGroup({ name: 'Sales' });
    const renamed = await owner.renameSpace({ spaceId: leeds.id, name: ' York ' });
    expect(renamed).toMatchObject({ name: 'York', version: 2 });
    expect((await ctx.raw.space(org.organization.id, leeds.id))?.name).toBe('York');
    const group = await owner.renameGroup({ groupId: sales.id, name: 'Retail' });
    expect((await ctx.raw.group(org.organization.id, sales.id))?.name).toBe(group.name);
    const actions = (await ctx.raw.auditEvents(org.organization.id)).map((e) => e.action);
    expect(actions).toContain('renameSpace');
    expect(actions).toContain('renameGroup');
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentA).renameSpace({ spaceId: leeds.id, name: 'Mine' }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.renameGroup({ groupId: sales.id, name: '' }),
      'INVALID_INPUT',
    );
    await expectRosterError(owner.renameSpace({ spaceId: 'spc_nope', name: 'X' }), 'NOT_FOUND');
  });

  test('Domain: deleteGroup takes its members out of it in the same transaction, audited', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const sales = await owner.createGroup({ name: 'Sales' });
    const billing = await owner.createGroup({ name: 'Billing' });
    const admin = org.as(org.admin);
    const a = await admin.assignGroups({
      accountId: org.agentA.id,
      groupIds: [sales.id, billing.id],
    });
    const b = await admin.assignGroups({ accountId: org.agentB.id, groupIds: [sales.id] });
    const invited = await admin.invite({
      email: 'dee@acme.io',
      role: 'agent',
      groupIds: [sales.id],
    });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentA).deleteGroup({ groupId: sales.id }),
      'FORBIDDEN',
    );
    await owner.deleteGroup({ groupId: sales.id });
    const orgId = org.organization.id;
    expect(await ctx.raw.group(orgId, sales.id)).toBeUndefined();
    expect((await ctx.raw.membership(orgId, a.id))?.groupIds).toEqual([billing.id]);
    expect((await ctx.raw.membership(orgId, b.id))?.groupIds).toEqual([]);
    const events = (await ctx.raw.auditEvents(orgId)).filter((e) => e.action === 'deleteGroup');
    expect(events.map((e) => e.target.id).sort()).toEqual([a.id, b.id, sales.id].sort());
    // The history of each member shows it.
    const history = await admin.history({ accountId: org.agentB.id });
    expect(history.events.some((e) => e.action === 'deleteGroup')).toBe(true);
    // The invitee joins without the deleted group.
    const { membership } = await org.roster.acceptInvitation({
      token: invited.token,
      firstName: 'Dee',
      lastName: 'Ray',
    });
    expect(membership.groupIds).toEqual([]);
    await expectRosterError(owner.deleteGroup({ groupId: sales.id }), 'NOT_FOUND');
  });

  test('Domain: deleteSpace ends its memberships with a period, revokes its invitations, never the default space', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const orgId = org.organization.id;
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.deleteSpace({ spaceId: org.organization.defaultSpaceId }),
      'DEFAULT_SPACE_PROTECTED',
    );
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const tills = await owner.createGroup({ name: 'Tills', spaceId: leeds.id });
    const bo = await owner.addToTeam({
      accountId: org.agentA.id,
      spaceId: leeds.id,
      role: 'agent',
      groupIds: [tills.id],
    });
    const adi = await owner.addToTeam({
      accountId: org.admin.id,
      spaceId: leeds.id,
      role: 'admin',
    });
    await owner.setManager({
      accountId: org.agentA.id,
      spaceId: leeds.id,
      managerId: org.admin.id,
    });
    const invited = await owner.invite({ email: 'dee@acme.io', role: 'agent', spaceId: leeds.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentB).deleteSpace({ spaceId: leeds.id }),
      'FORBIDDEN',
    );
    org.clock.advance(60_000);
    const deleted = await owner.deleteSpace({ spaceId: leeds.id });
    expect(deleted.endedMemberships.map((m) => m.id).sort()).toEqual([bo.id, adi.id].sort());
    expect(deleted.revokedInvitations.map((i) => [i.id, i.status])).toEqual([
      [invited.invitation.id, 'revoked'],
    ]);
    expect(deleted.deletedGroups.map((g) => g.id)).toEqual([tills.id]);

    expect(await ctx.raw.space(orgId, leeds.id)).toBeUndefined();
    expect(await ctx.raw.group(orgId, tills.id)).toBeUndefined();
    const ended = await ctx.raw.membership(orgId, bo.id);
    expect(ended).toMatchObject({ state: 'account-only', groupIds: [], managerId: null });
    expect(ended?.periods.at(-1)?.endedAt).toEqual(org.clock.now());
    // The account stays, a member of the default space as before.
    expect((await ctx.raw.account(orgId, org.agentA.id))?.status).toBe('active');
    expect(await ctx.raw.account(orgId, invited.account.id)).toBeUndefined();
    expect(org.departures).toContain(`removeFromTeam:${org.agentA.id}:unassigned`);
    const events = (await ctx.raw.auditEvents(orgId)).filter((e) => e.action === 'deleteSpace');
    expect(events.map((e) => e.target.type).sort()).toEqual(
      ['Group', 'Invitation', 'Membership', 'Membership', 'Space'].sort(),
    );
    expect((await owner.listSpaces()).map((space) => space.id)).not.toContain(leeds.id);
    await expectRosterError(
      owner.addToTeam({ accountId: org.agentA.id, spaceId: leeds.id, role: 'agent' }),
      'NOT_FOUND',
    );
  });

  test('Domain: deleteSpace keeps rule 1: only the owner takes the owner out of a space', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    await owner.addToTeam({ accountId: org.owner.id, spaceId: leeds.id, role: 'admin' });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.admin).deleteSpace({ spaceId: leeds.id }),
      'OWNER_PROTECTED',
    );
    const { endedMemberships } = await owner.deleteSpace({ spaceId: leeds.id });
    expect(endedMemberships.map((m) => m.accountId)).toEqual([org.owner.id]);
  });
};
