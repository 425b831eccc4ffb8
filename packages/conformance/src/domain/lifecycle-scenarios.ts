import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectFailedUnchanged, expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

/** The account and membership lifecycles through the commands (DESIGN §3, rules 1, 7, 9, 10). */
export const lifecycleScenarios: ConformanceSuite = (test) => {
  test('Domain: an employee resigns and rejoins: same account, history keeps both periods', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const removed = await admin.removeFromTeam({ accountId: org.agentA.id });
    expect(removed.state).toBe('account-only');
    expect(removed.periods.at(-1)?.endedAt).not.toBeNull();
    const allUsers = await admin.listAccounts({ limit: 50 });
    expect(allUsers.items.map((item) => item.account.id)).toContain(org.agentA.id);
    const team = await admin.listMembers({ limit: 50 });
    expect(team.items.map((item) => item.account.id)).not.toContain(org.agentA.id);

    org.clock.advance(86_400_000);
    const back = await admin.addToTeam({ accountId: org.agentA.id, role: 'agent' });
    expect(back.id).toBe(removed.id);
    expect(back.state).toBe('member');
    expect(back.periods).toHaveLength(2);
    const stored = await ctx.raw.membership(org.organization.id, back.id);
    expect(stored?.periods.map((period) => period.endedAt === null)).toEqual([false, true]);
    const again = await admin.listMembers({ limit: 50 });
    expect(again.items.map((item) => item.account.id)).toContain(org.agentA.id);
    expect(again.total).toBe(4);
  });

  test('Domain: deactivation clears groups, runs resource handlers, keeps membership; reactivation restores access but not groups', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const admin = org.as(org.admin);
    const group = await admin.createGroup({ name: 'Support', kind: 'queue' });
    expect(await ctx.raw.group(orgId, group.id)).toEqual(group);
    const assigned = await admin.assignGroups({ accountId: org.agentA.id, groupIds: [group.id] });
    expect(assigned.groupIds).toEqual([group.id]);
    const deactivated = await admin.deactivate({
      accountId: org.agentA.id,
      reassignResourcesTo: org.agentB.id,
    });
    expect(deactivated.status).toBe('deactivated');
    expect((await ctx.raw.account(orgId, org.agentA.id))?.status).toBe('deactivated');
    const { memberships } = await admin.getAccount({ accountId: org.agentA.id });
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((m) => m.groupIds.length === 0 && m.state === 'member')).toBe(true);
    expect(org.departures).toContain(`deactivate:${org.agentA.id}:${org.agentB.id}`);
    expect((await ctx.raw.outbox()).some((m) => m.topic === 'sessions.revoke')).toBe(true);
    // Out of every group until reactivated.
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.assignGroups({ accountId: org.agentA.id, groupIds: [group.id] }),
      'INVALID_INPUT',
    );

    const reactivated = await admin.reactivate({ accountId: org.agentA.id });
    expect(reactivated.status).toBe('active');
    expect(reactivated.id).toBe(org.agentA.id);
    const after = await admin.getAccount({ accountId: org.agentA.id });
    expect(after.memberships[0]?.groupIds).toEqual([]);
  });

  test('Domain: rule 10: a resource handler that throws undoes the whole departure, and its error reaches the caller', async (ctx) => {
    const failure = new Error('the ticket system is down');
    let failing = false;
    let handovers = 0;
    const org = await seedScenario(ctx.store, {
      handlers: [
        {
          name: 'tickets',
          async onDeparture(departure, tx) {
            // A write through rosterkit's own repositories, then the failure:
            // neither may survive.
            handovers += 1;
            await tx.auditEvents.append({
              id: `evt_handover_${handovers}`,
              orgId: departure.orgId,
              actor: null,
              action: 'tickets.handover',
              target: { type: 'Account', id: departure.accountId },
              before: null,
              after: { to: departure.reassignTo },
              at: new Date('2026-03-02T09:00:00Z'),
            });
            if (failing) throw failure;
          },
        },
      ],
    });
    const owner = org.as(org.owner);
    const group = await owner.createGroup({ name: 'Support', kind: 'queue' });
    await owner.assignGroups({ accountId: org.agentA.id, groupIds: [group.id] });
    await owner.setManager({ accountId: org.agentB.id, managerId: org.agentA.id });
    failing = true;
    const leave = { reassignReports: { to: org.admin.id }, reassignResourcesTo: org.admin.id };
    await expectFailedUnchanged(
      ctx,
      org,
      () => owner.deactivate({ accountId: org.agentA.id, ...leave }),
      failure,
    );
    await expectFailedUnchanged(
      ctx,
      org,
      () => owner.removeFromTeam({ accountId: org.agentA.id, ...leave }),
      failure,
    );
    await expectFailedUnchanged(
      ctx,
      org,
      () => org.as(org.agentA).deleteOwnAccount(leave),
      failure,
    );
    failing = false;
    const deactivated = await owner.deactivate({ accountId: org.agentA.id, ...leave });
    expect(deactivated.status).toBe('deactivated');
    const events = await ctx.raw.auditEvents(org.organization.id);
    expect(events.filter((event) => event.action === 'tickets.handover')).toHaveLength(1);
    expect(handovers).toBe(4);
  });

  test('Domain: rule 1: the owner cannot be deactivated, removed or demoted', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.deactivate({ accountId: org.owner.id }),
      'OWNER_PROTECTED',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.removeFromTeam({ accountId: org.owner.id }),
      'OWNER_PROTECTED',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.changeRole({ accountId: org.owner.id, role: 'agent' }),
      'OWNER_PROTECTED',
    );
  });

  test('Domain: rule 7: a manager with reports is deactivated only with them reassigned, in the same command', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const orgId = org.organization.id;
    await owner.removeFromTeam({ accountId: org.agentB.id });
    await owner.addToTeam({ accountId: org.agentB.id, role: 'agent', managerId: org.agentA.id });
    const refused = await expectRosterError(
      owner.deactivate({ accountId: org.agentA.id }),
      'HAS_DIRECT_REPORTS',
    );
    expect(refused.details.reportIds).toEqual([org.agentB.id]);
    expect((await ctx.raw.account(orgId, org.agentA.id))?.status).toBe('active');
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.removeFromTeam({ accountId: org.agentA.id }),
      'HAS_DIRECT_REPORTS',
    );

    await owner.deactivate({ accountId: org.agentA.id, reassignReports: { to: org.admin.id } });
    const report = (await owner.getAccount({ accountId: org.agentB.id })).memberships[0];
    expect(report?.managerId).toBe(org.admin.id);
    expect((await ctx.raw.membership(orgId, report?.id ?? ''))?.managerId).toBe(org.admin.id);
  });

  test('Domain: rule 7: reports cannot be handed to an inactive account', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    await owner.removeFromTeam({ accountId: org.agentB.id });
    await owner.addToTeam({ accountId: org.agentB.id, role: 'agent', managerId: org.agentA.id });
    await owner.deactivate({ accountId: org.admin.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.deactivate({ accountId: org.agentA.id, reassignReports: { to: org.admin.id } }),
      'INVALID_INPUT',
    );
  });

  test('Domain: rule 7: nobody is placed under a manager who is not an active member of the space', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const orgId = org.organization.id;
    // An invitation names agentA as manager; agentA is deactivated before it
    // is accepted: the newcomer joins with no manager.
    const { token } = await owner.invite({
      email: 'new@acme.io',
      role: 'agent',
      managerId: org.agentA.id,
    });
    await owner.deactivate({ accountId: org.agentA.id });
    const { membership } = await org.roster.acceptInvitation({
      token,
      firstName: 'New',
      lastName: 'Comer',
    });
    expect(membership.managerId).toBeNull();
    expect((await ctx.raw.membership(orgId, membership.id))?.managerId).toBeNull();
    // addToTeam checks its manager as setManager does.
    await owner.removeFromTeam({ accountId: org.agentB.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.addToTeam({ accountId: org.agentB.id, role: 'agent', managerId: org.agentA.id }),
      'NOT_FOUND',
    );
    // Reports are not handed to someone who left the team (still active).
    await owner.reactivate({ accountId: org.agentA.id });
    await owner.addToTeam({ accountId: org.agentB.id, role: 'agent', managerId: org.agentA.id });
    await owner.removeFromTeam({ accountId: org.admin.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.deactivate({ accountId: org.agentA.id, reassignReports: { to: org.admin.id } }),
      'INVALID_INPUT',
    );
  });

  test('Domain: rule 9: an incomplete profile is neither deactivated nor reactivated', async (ctx) => {
    const org = await seedScenario(ctx.store, { requiredProfileFields: ['profile.phone'] });
    const admin = org.as(org.admin);
    const refused = await expectRosterError(
      admin.deactivate({ accountId: org.agentA.id }),
      'PROFILE_INCOMPLETE',
    );
    expect(refused.details.missingFields).toEqual(['profile.phone']);
    await admin.updateProfile({ accountId: org.agentA.id, profile: { phone: '+44 20 7946 0000' } });
    await admin.deactivate({ accountId: org.agentA.id });
    await ctx.store.transaction(async (tx) => {
      const account = await tx.accounts.get(org.organization.id, org.agentA.id);
      if (account) await tx.accounts.update({ ...account, profile: {} });
    });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.reactivate({ accountId: org.agentA.id }),
      'PROFILE_INCOMPLETE',
    );
  });

  test('Domain: refused transitions: a pending account cannot be deactivated, an active one not reactivated', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const { account } = await admin.invite({ email: 'new@acme.io', role: 'agent' });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.deactivate({ accountId: account.id }),
      'INVALID_TRANSITION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.reactivate({ accountId: org.agentA.id }),
      'INVALID_TRANSITION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.addToTeam({ accountId: org.agentA.id, role: 'agent' }),
      'INVALID_TRANSITION',
    );
  });

  test('Domain: every successful command writes exactly one audit event with before and after', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const before = (await ctx.raw.auditEvents(orgId)).length;
    await org.as(org.admin).changeRole({ accountId: org.agentA.id, role: 'admin' });
    const events = await ctx.raw.auditEvents(orgId);
    expect(events).toHaveLength(before + 1);
    const event = events.find((e) => e.action === 'changeRole');
    expect(event?.actor).toEqual({ accountId: org.admin.id, orgId });
    expect(event?.before).toMatchObject({ role: 'agent' });
    expect(event?.after).toMatchObject({ role: 'admin' });
  });
};
