import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

/** Who may do what, through the commands (DESIGN rules 3, 4, 5, 6, 11). */
export const authorizationScenarios: ConformanceSuite = (test) => {
  test('Domain: rule 3: nobody edits their own access, but may edit their own name', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.changeRole({ accountId: org.admin.id, role: 'agent' }),
      'SELF_ACTION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.deactivate({ accountId: org.admin.id }),
      'SELF_ACTION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.removeFromTeam({ accountId: org.admin.id }),
      'SELF_ACTION',
    );
    const renamed = await admin.updateProfile({ accountId: org.admin.id, firstName: 'Adrian' });
    expect(renamed.firstName).toBe('Adrian');
    expect((await ctx.raw.account(org.organization.id, org.admin.id))?.firstName).toBe('Adrian');
  });

  test('Domain: rule 4: no granting a role above one’s own, no acting on a higher-ranked account', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.changeRole({ accountId: org.agentA.id, role: 'director' }),
      'RANK_EXCEEDED',
    );
    const refused = await expectRosterError(
      admin.invite({ email: 'boss@acme.io', role: 'director' }),
      'RANK_EXCEEDED',
    );
    expect(refused.details).toEqual({ actorRank: 2, targetRank: 3, target: 'role' });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.invite({ email: 'boss@acme.io', role: 'director' }),
      'RANK_EXCEEDED',
    );
    await org.as(org.owner).changeRole({ accountId: org.agentB.id, role: 'director' });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.deactivate({ accountId: org.agentB.id }),
      'RANK_EXCEEDED',
    );
    const promoted = await admin.changeRole({ accountId: org.agentA.id, role: 'admin' });
    expect(promoted.role).toBe('admin');
  });

  test('Domain: rule 1: the owner role is never granted, only transferred', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.invite({ email: 'two@acme.io', role: 'owner' }),
      'OWNER_PROTECTED',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.changeRole({ accountId: org.admin.id, role: 'owner' }),
      'OWNER_PROTECTED',
    );
  });

  test('Domain: rule 5: only roles that manage users invite, deactivate, remove or re-add', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const agent = org.as(org.agentA);
    const refused = await expectRosterError(
      agent.deactivate({ accountId: org.agentB.id }),
      'FORBIDDEN',
    );
    expect(refused.details).toMatchObject({ action: 'deactivate', subject: 'Account' });
    expect(refused.message).toMatch(/manage users/);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => agent.invite({ email: 'x@acme.io', role: 'agent' }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => agent.removeFromTeam({ accountId: org.agentB.id }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => agent.updateProfile({ accountId: org.agentB.id, firstName: 'Eve' }),
      'FORBIDDEN',
    );
  });

  test('Domain: rule 6: the email never changes', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await expectRefusedUnchanged(
      ctx,
      org,
      () =>
        org
          .as(org.owner)
          .updateProfile({ accountId: org.agentA.id, email: 'new@acme.io' } as never),
      'EMAIL_IMMUTABLE',
    );
  });

  test('Domain: rule 11: nothing crosses organizations', async (ctx) => {
    const acme = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const acmeOwner = acme.as(acme.owner);
    await expectRefusedUnchanged(
      ctx,
      globex,
      () => acmeOwner.deactivate({ accountId: globex.agentA.id }),
      'NOT_FOUND',
    );
    await expectRefusedUnchanged(
      ctx,
      globex,
      () => acmeOwner.getAccount({ accountId: globex.admin.id }),
      'NOT_FOUND',
    );
    const forged = acme.roster.as({ accountId: acme.owner.id, orgId: globex.organization.id });
    await expectRefusedUnchanged(
      ctx,
      globex,
      () => forged.deactivate({ accountId: globex.agentA.id }),
      'ACTOR_UNKNOWN',
    );
    const list = await acmeOwner.listAccounts({ limit: 500 });
    expect(list.items.every((item) => item.account.orgId === acme.organization.id)).toBe(true);
    expect(list.total).toBe(4);
  });

  test('Domain: rule 4: rank is the account’s, through any of its memberships', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const tills = await owner.createGroup({ name: 'Tills', spaceId: leeds.id });
    // agentB directs the organization, and also works in Leeds as an agent.
    await owner.changeRole({ accountId: org.agentB.id, role: 'director' });
    await owner.addToTeam({ accountId: org.agentB.id, spaceId: leeds.id, role: 'agent' });
    await owner.addToTeam({ accountId: org.admin.id, spaceId: leeds.id, role: 'admin' });
    const admin = org.as(org.admin);
    const inLeeds = { accountId: org.agentB.id, spaceId: leeds.id };
    const refused = await expectRosterError(
      admin.changeRole({ ...inLeeds, role: 'admin' }),
      'RANK_EXCEEDED',
    );
    expect(refused.details).toEqual({ actorRank: 2, targetRank: 3, target: 'account' });
    for (const command of [
      () => admin.removeFromTeam(inLeeds),
      () => admin.assignGroups({ ...inLeeds, groupIds: [tills.id] }),
      () => admin.setManager({ ...inLeeds, managerId: org.admin.id }),
      () => admin.setRestrictions({ ...inLeeds, restrictions: ['no-invite'] }),
    ]) {
      await expectRefusedUnchanged(ctx, org, command, 'RANK_EXCEEDED');
    }
    const report = await admin.bulkUpdate([
      { email: org.agentB.email, space: 'Leeds', role: 'admin' },
    ]);
    expect(report.rows.map((row) => row.error?.code)).toEqual(['RANK_EXCEEDED']);
  });

  test('Domain: rule 3: nobody assigns their own groups or sets their own manager', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const sales = await org.as(org.owner).createGroup({ name: 'Sales' });
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.assignGroups({ accountId: org.admin.id, groupIds: [sales.id] }),
      'SELF_ACTION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.setManager({ accountId: org.admin.id, managerId: org.owner.id }),
      'SELF_ACTION',
    );
    const report = await admin.bulkUpdate([{ email: org.admin.email, groups: ['Sales'] }]);
    expect(report.rows.map((row) => row.error?.code)).toEqual(['SELF_ACTION']);
  });

  test('Domain: rule 1: only the owner manages the owner’s memberships beyond the default space', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const admin = org.as(org.admin);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const tills = await owner.createGroup({ name: 'Tills', spaceId: leeds.id });
    const inLeeds = { accountId: org.owner.id, spaceId: leeds.id };
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.addToTeam({ ...inLeeds, role: 'agent' }),
      'OWNER_PROTECTED',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.setManager({ accountId: org.owner.id, managerId: org.admin.id }),
      'OWNER_PROTECTED',
    );
    // The owner joins Leeds, takes a group there, and can leave again.
    await owner.addToTeam({ ...inLeeds, role: 'agent' });
    await owner.assignGroups({ ...inLeeds, groupIds: [tills.id] });
    for (const command of [
      () => admin.assignGroups({ ...inLeeds, groupIds: [] }),
      () => admin.changeRole({ ...inLeeds, role: 'admin' }),
      () => admin.removeFromTeam(inLeeds),
    ]) {
      await expectRefusedUnchanged(ctx, org, command, 'OWNER_PROTECTED');
    }
    const left = await owner.removeFromTeam(inLeeds);
    expect(left.state).toBe('account-only');
    expect(left.groupIds).toEqual([]);
    // The default space stays: rule 3 for the owner, rule 1 for everyone else.
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.removeFromTeam({ accountId: org.owner.id }),
      'SELF_ACTION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.removeFromTeam({ accountId: org.owner.id }),
      'OWNER_PROTECTED',
    );
  });

  test('Domain: rule 5: reassignReports asks the Policy first, and a manager without reports changes nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await expectRefusedUnchanged(
      ctx,
      org,
      () =>
        org
          .as(org.agentA)
          .reassignReports({ managerId: org.agentB.id, reassignment: { to: org.agentA.id } }),
      'FORBIDDEN',
    );
    const events = (await ctx.raw.auditEvents(org.organization.id)).length;
    const moved = await org
      .as(org.admin)
      .reassignReports({ managerId: org.agentB.id, reassignment: { to: org.admin.id } });
    expect(moved).toEqual([]);
    expect((await ctx.raw.auditEvents(org.organization.id)).length).toBe(events);
  });

  test('Domain: a deactivated actor can do nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.as(org.owner).deactivate({ accountId: org.admin.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.admin).deactivate({ accountId: org.agentA.id }),
      'ACTOR_INACTIVE',
    );
  });
};
