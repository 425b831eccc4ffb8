import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

/** Ownership, deletion, presence, history and the outbox (DESIGN rules 1, 2, 14). */
export const organizationScenarios: ConformanceSuite = (test) => {
  test('Domain: rule 1: ownership moves only to another active member, and only by the owner', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    await expectRefusedUnchanged(
      ctx,
      org,
      () =>
        org
          .as(org.admin)
          .transferOwnership({ toAccountId: org.admin.id, previousOwnerRole: 'admin' }),
      'FORBIDDEN',
    );
    await org.as(org.owner).deactivate({ accountId: org.agentB.id });
    await expectRosterError(
      org
        .as(org.owner)
        .transferOwnership({ toAccountId: org.agentB.id, previousOwnerRole: 'admin' }),
      'INVALID_INPUT',
    );
    const moved = await org
      .as(org.owner)
      .transferOwnership({ toAccountId: org.admin.id, previousOwnerRole: 'admin' });
    expect(moved.ownerId).toBe(org.admin.id);
    expect((await ctx.raw.organization(orgId))?.ownerId).toBe(org.admin.id);
    const roles = (await org.as(org.admin).listMembers({ limit: 50 })).items.map((item) => [
      item.account.id,
      item.memberships[0]?.role,
    ]);
    expect(roles).toContainEqual([org.admin.id, 'owner']);
    expect(roles).toContainEqual([org.owner.id, 'admin']);
    // The protection moved with the ownership.
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentA).deactivate({ accountId: org.admin.id }),
      'OWNER_PROTECTED',
    );
    const former = await org.as(org.admin).deactivate({ accountId: org.owner.id });
    expect(former.status).toBe('deactivated');
  });

  test('Domain: the organization is renamed, re-planned and given spaces by those allowed, and by nobody else', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const owner = org.as(org.owner);
    expect((await owner.renameOrganization({ name: 'Acme Ltd' })).name).toBe('Acme Ltd');
    expect((await owner.changePlan({ plan: 'pro' })).plan).toBe('pro');
    expect(await ctx.raw.organization(orgId)).toMatchObject({ name: 'Acme Ltd', plan: 'pro' });
    const space = await owner.createSpace({ name: 'Leeds' });
    expect(await ctx.raw.space(orgId, space.id)).toEqual(space);
    const actions = (await ctx.raw.auditEvents(orgId)).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['renameOrganization', 'changePlan', 'createSpace']),
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentA).renameOrganization({ name: 'Mine' }),
      'FORBIDDEN',
    );
  });

  test('Domain: rule 2: the owner cannot delete their own account; others delete only their own', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.owner).deleteOwnAccount(),
      'OWNER_PROTECTED',
    );
    await org.as(org.agentA).deleteOwnAccount();
    expect(await ctx.raw.account(orgId, org.agentA.id)).toBeUndefined();
    const trail = await ctx.raw.auditEvents(orgId);
    const deletion = trail.find((event) => event.action === 'deleteOwnAccount');
    expect(deletion?.target.id).toBe(org.agentA.id);
    expect(JSON.stringify(deletion)).not.toContain('bo@acme.io');
    // Nothing of the person's data stays in the trail; their id stays as a pseudonym.
    expect(JSON.stringify(trail)).not.toContain('bo@acme.io');
    expect(
      trail.some(
        (event) => event.target.id === org.agentA.id && event.action === 'acceptInvitation',
      ),
    ).toBe(true);
    const page = await org.as(org.owner).listAccounts({ limit: 50 });
    expect(page.items.map((item) => item.account.id)).not.toContain(org.agentA.id);
  });

  test('Domain: rule 2: deleting the organization deletes every account, after confirming its name', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const other = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const orgId = org.organization.id;
    await org.as(org.owner).deactivate({ accountId: org.agentB.id });
    await org.as(org.owner).removeFromTeam({ accountId: org.agentA.id });
    const pending = await org.as(org.owner).invite({ email: 'late@acme.io', role: 'agent' });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.owner).deleteOrganization({ confirmName: 'acme' }),
      'INVALID_INPUT',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.admin).deleteOrganization({ confirmName: 'Acme' }),
      'FORBIDDEN',
    );
    const deleted = await org.as(org.owner).deleteOrganization({ confirmName: 'Acme' });
    expect(deleted.accounts).toBe(5);
    expect(await ctx.raw.organization(orgId)).toBeUndefined();
    for (const id of [
      org.owner.id,
      org.admin.id,
      org.agentA.id,
      org.agentB.id,
      pending.account.id,
    ]) {
      expect(await ctx.raw.account(orgId, id)).toBeUndefined();
    }
    expect(await ctx.raw.organization(other.organization.id)).toBeDefined();
    expect((await other.as(other.owner).listAccounts({ limit: 50 })).total).toBe(4);
  });

  test('Domain: activity is recorded at most once a minute and drives presence', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const agent = org.as(org.agentA);
    await agent.recordActivity();
    const first = (await ctx.raw.account(orgId, org.agentA.id))?.lastSeenAt;
    org.clock.advance(30_000);
    await agent.recordActivity();
    expect((await ctx.raw.account(orgId, org.agentA.id))?.lastSeenAt).toEqual(first);
    const version = (await ctx.raw.account(orgId, org.agentA.id))?.version;
    org.clock.advance(31_000);
    await agent.recordActivity();
    const stored = await ctx.raw.account(orgId, org.agentA.id);
    expect(stored?.lastSeenAt?.getTime()).toBe((first?.getTime() ?? 0) + 61_000);
    expect(stored?.version).toBe(version);

    const admin = org.as(org.admin);
    const ids = [org.agentA.id, org.agentB.id];
    expect((await admin.presence({ accountIds: ids })).map((p) => p.status)).toEqual([
      'online',
      'offline',
    ]);
    org.clock.advance(10 * 60_000);
    expect((await admin.presence({ accountIds: ids })).map((p) => p.status)).toEqual([
      'away',
      'offline',
    ]);
  });

  test('Domain: history shows both membership periods and the events about the account', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    org.clock.advance(60_000);
    await admin.removeFromTeam({ accountId: org.agentA.id });
    org.clock.advance(60_000);
    await admin.addToTeam({ accountId: org.agentA.id, role: 'agent' });
    const { memberships, events } = await admin.history({ accountId: org.agentA.id });
    expect(memberships[0]?.periods).toHaveLength(2);
    expect(events.map((event) => event.action)).toEqual([
      'addToTeam',
      'removeFromTeam',
      'acceptInvitation',
    ]);
  });

  test('Domain: the outbox is delivered at least once, marked only after the handler succeeds', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.as(org.admin).requestPasswordReset({ accountId: org.agentA.id });
    let fail = true;
    const seen: string[] = [];
    const handler = async (message: { topic: string; id: string }) => {
      if (message.topic === 'password.reset' && fail) throw new Error('mail server down');
      seen.push(message.topic);
    };
    const first = await org.roster.drainOutbox(handler);
    expect(first.failed).toBe(1);
    const reset = (await ctx.raw.outbox()).find((m) => m.topic === 'password.reset');
    expect(reset?.deliveredAt).toBeNull();
    expect(reset?.attempts).toBe(1);
    fail = false;
    // The failed message is due again after its back-off (at most 30 s after a first failure).
    org.clock.advance(30_000);
    const second = await org.roster.drainOutbox(handler);
    expect(second).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(seen.filter((topic) => topic === 'password.reset')).toHaveLength(1);
    expect((await ctx.raw.outbox()).every((m) => m.deliveredAt !== null)).toBe(true);
  });
};
