import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { connectScenario } from './scenario-connection.js';
import { seedScenario } from './scenario-roster.js';

/** The provisioner actor (DESIGN §8, Actors and SCIM 2.0): an identity provider acting through a connection. */
export const provisionerScenarios: ConformanceSuite = (test) => {
  test('Domain: a provisioner deactivates and reactivates, its audit events name the connection', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { actor, api } = await connectScenario(ctx, org);
    expect((await api.deactivate({ accountId: org.agentA.id })).status).toBe('deactivated');
    expect((await api.reactivate({ accountId: org.agentA.id })).status).toBe('active');
    const events = await ctx.raw.auditEvents(org.organization.id);
    const mine = events.filter((event) => event.actor?.kind === 'provisioner');
    expect(mine.map((event) => event.action).sort()).toEqual(['deactivate', 'reactivate']);
    for (const event of mine) expect(event.actor).toEqual(actor);
  });

  test("Domain: a provisioner deactivating a manager clears the reports' manager (audited, reports.unassigned) where an admin is refused; rule 9 does not block it", async (ctx) => {
    const org = await seedScenario(ctx.store, { requiredProfileFields: ['profile.phone'] });
    const owner = org.as(org.owner);
    await owner.setManager({ accountId: org.agentB.id, managerId: org.agentA.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.admin).deactivate({ accountId: org.agentA.id }),
      'PROFILE_INCOMPLETE',
    );
    const { actor, api } = await connectScenario(ctx, org);
    await org.roster.drainOutbox(async () => {});
    // agentA has no phone: rule 9 would refuse an admin too.
    expect((await api.deactivate({ accountId: org.agentA.id })).status).toBe('deactivated');
    const reports = await ctx.store.transaction((tx) =>
      tx.memberships.listByAccounts(org.organization.id, [org.agentB.id]),
    );
    expect(reports.map((membership) => membership.managerId)).toEqual([null]);
    const events = await ctx.raw.auditEvents(org.organization.id);
    expect(
      events.find((event) => event.action === 'setManager' && event.actor?.kind === 'provisioner'),
    ).toMatchObject({
      actor,
      target: { type: 'Membership', id: reports[0]?.id },
      before: expect.objectContaining({ managerId: org.agentA.id }),
      after: expect.objectContaining({ managerId: null }),
    });
    const messages = (await ctx.raw.outbox()).filter((m) => m.topic === 'reports.unassigned');
    expect(messages.map((message) => message.payload)).toEqual([
      {
        managerId: org.agentA.id,
        reportIds: [org.agentB.id],
        spaceIds: [org.organization.defaultSpaceId],
        connectionId: actor.connectionId,
      },
    ]);
    expect((await api.reactivate({ accountId: org.agentA.id })).status).toBe('active');
  });

  test('Domain: a provisioner removing a manager from the team clears only the reports in that space', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    await owner.setManager({ accountId: org.agentB.id, managerId: org.agentA.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.admin).removeFromTeam({ accountId: org.agentA.id }),
      'HAS_DIRECT_REPORTS',
    );
    const { api } = await connectScenario(ctx, org);
    const removed = await api.removeFromTeam({ accountId: org.agentA.id });
    expect(removed.state).toBe('account-only');
    const [report] = await ctx.store.transaction((tx) =>
      tx.memberships.listByAccounts(org.organization.id, [org.agentB.id]),
    );
    expect(report?.managerId).toBeNull();
  });

  test('Domain: a provisioner cannot touch the owner, grant the top role, act for itself, or act on another organization', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.deactivate({ accountId: org.owner.id }),
      'OWNER_PROTECTED',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.changeRole({ accountId: org.agentA.id, role: 'owner' }),
      'OWNER_PROTECTED',
    );
    await expectRefusedUnchanged(ctx, org, () => api.deleteOwnAccount(), 'FORBIDDEN');
    await expectRefusedUnchanged(ctx, org, () => api.recordActivity(), 'FORBIDDEN');
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.renameOrganization({ name: 'Taken over' }),
      'FORBIDDEN',
    );
    expect(await api.can('deleteOwnAccount')).toBe(false);
    // It may manage anyone below the owner, a director included.
    await org.as(org.owner).changeRole({ accountId: org.admin.id, role: 'director' });
    expect((await api.deactivate({ accountId: org.admin.id })).status).toBe('deactivated');
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    await expectRosterError(api.deactivate({ accountId: globex.agentA.id }), 'NOT_FOUND');
  });

  test('Domain: an unknown or revoked connection cannot act, nor can one of another organization; a revoked one no longer backs its invitations', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const { actor, api } = await connectScenario(ctx, org);
    const { token } = await api.invite({ email: 'dee@acme.io', role: 'agent' });
    const second = await api.invite({ email: 'eve@acme.io', role: 'agent' });
    // Accepted while the connection is active: the connection backs it.
    const { account } = await org.roster.acceptInvitation({
      token,
      firstName: 'Dee',
      lastName: 'Do',
    });
    expect(account.status).toBe('active');
    await expectRosterError(
      org.roster
        .as({ kind: 'provisioner', orgId: org.organization.id, connectionId: 'prc_missing' })
        .listMembers(),
      'ACTOR_UNKNOWN',
    );
    await expectRosterError(
      globex.roster.as({ ...actor, orgId: globex.organization.id }).listMembers(),
      'ACTOR_UNKNOWN',
    );
    const stored = await ctx.store.transaction((tx) =>
      tx.provisioning.getConnection(org.organization.id, actor.connectionId),
    );
    if (stored === undefined) throw new Error('the connection was stored');
    await ctx.store.transaction((tx) =>
      tx.provisioning.updateConnection({ ...stored, status: 'revoked' }, stored.version),
    );
    await expectRosterError(api.deactivate({ accountId: org.agentA.id }), 'ACTOR_INACTIVE', {
      orgId: org.organization.id,
      connectionId: actor.connectionId,
      status: 'revoked',
      reason: 'revoked',
    });
    await expectRosterError(
      org.roster.acceptInvitation({ token: second.token, firstName: 'Eve', lastName: 'Ek' }),
      'FORBIDDEN',
    );
  });
};
