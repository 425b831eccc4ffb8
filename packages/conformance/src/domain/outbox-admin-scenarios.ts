import type { OutboxMessage } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { type ScenarioOrg, seedScenario } from './scenario-roster.js';

const refuseResets = async (message: OutboxMessage) => {
  if (message.topic === 'password.reset') throw new Error('no such mailbox');
};

/** Delivers what is due, then parks the organization's next password reset dead on its first failure. */
async function parkOneReset(org: ScenarioOrg): Promise<OutboxMessage> {
  await org.roster.drainOutbox(async () => {});
  await org.as(org.admin).requestPasswordReset({ accountId: org.agentA.id });
  await org.roster.drainOutbox(refuseResets, { maxAttempts: 1 });
  const page = await org.roster.listDeadOutboxMessages({ orgId: org.organization.id });
  const [dead] = page.items;
  if (dead === undefined) throw new Error('the password reset was not parked dead');
  return dead;
}

const snapshotOf = async (ctx: ConformanceContext, org: ScenarioOrg) => [
  await ctx.raw.outbox(),
  await ctx.raw.auditEvents(org.organization.id),
];

/** The actor's outbox calls: authorized by `manageOutbox`, one organization only, retries audited. */
export const outboxAdminScenarios: ConformanceSuite = (test) => {
  test('Domain: an admin lists their organization’s dead messages and retries one: queued again with attempts 0, audited without its payload; a second retry is false', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const dead = await parkOneReset(org);
    const admin = org.as(org.admin);
    expect(await admin.can('manageOutbox')).toBe(true);
    expect(await admin.listDeadOutboxMessages()).toEqual({
      items: [dead],
      nextCursor: null,
      total: 1,
    });
    org.clock.advance(60_000);
    expect(await admin.retryDeadOutboxMessage({ messageId: dead.id })).toBe(true);
    const stored = (await ctx.raw.outbox()).find((message) => message.id === dead.id);
    expect(stored).toEqual({
      ...dead,
      attempts: 0,
      deadAt: null,
      leaseId: null,
      nextAttemptAt: org.clock.now(),
    });
    expect((await admin.listDeadOutboxMessages()).total).toBe(0);
    const events = (await ctx.raw.auditEvents(org.organization.id)).filter(
      (event) => event.action === 'retryDeadOutboxMessage',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { accountId: org.admin.id, orgId: org.organization.id },
      target: { type: 'OutboxMessage', id: dead.id },
      before: {
        id: dead.id,
        topic: 'password.reset',
        attempts: 1,
        lastError: 'Error: no such mailbox',
      },
      after: { id: dead.id, attempts: 0, deadAt: null },
      at: org.clock.now(),
    });
    // The trail keeps no payload: the e-mail address stays out of it.
    expect(JSON.stringify(events[0])).not.toContain(org.agentA.email);
    // Delivered on the next drain; retrying it again changes nothing, audits nothing.
    expect(await org.roster.drainOutbox(async () => {})).toMatchObject({ delivered: 1 });
    const before = await snapshotOf(ctx, org);
    expect(await admin.retryDeadOutboxMessage({ messageId: dead.id })).toBe(false);
    expect(await snapshotOf(ctx, org)).toEqual(before);
  });

  test('Domain: an agent may neither list nor retry dead messages (FORBIDDEN), and nothing changes', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const dead = await parkOneReset(org);
    const agent = org.as(org.agentA);
    expect(await agent.can('manageOutbox')).toBe(false);
    const before = await snapshotOf(ctx, org);
    await expectRosterError(agent.listDeadOutboxMessages(), 'FORBIDDEN', {
      action: 'manageOutbox',
      subject: 'OutboxMessage',
    });
    await expectRosterError(agent.retryDeadOutboxMessage({ messageId: dead.id }), 'FORBIDDEN', {
      action: 'manageOutbox',
      subject: 'OutboxMessage',
    });
    expect(await snapshotOf(ctx, org)).toEqual(before);
    expect((await org.roster.listDeadOutboxMessages()).total).toBe(1);
  });

  test('Domain: an admin sees only their own organization’s dead messages; another organization’s message id is NOT_FOUND, and stays dead', async (ctx) => {
    const acme = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const acmeDead = await parkOneReset(acme);
    const globexAdmin = globex.as(globex.admin);
    expect(await globexAdmin.listDeadOutboxMessages()).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
    const before = [await ctx.raw.outbox(), await ctx.raw.auditEvents(globex.organization.id)];
    await expectRosterError(
      globexAdmin.retryDeadOutboxMessage({ messageId: acmeDead.id }),
      'NOT_FOUND',
    );
    await expectRosterError(
      globexAdmin.retryDeadOutboxMessage({ messageId: 'out_missing' }),
      'NOT_FOUND',
    );
    expect([await ctx.raw.outbox(), await ctx.raw.auditEvents(globex.organization.id)]).toEqual(
      before,
    );
    // Each admin sees their own, in pages.
    const globexDead = await parkOneReset(globex);
    expect((await globexAdmin.listDeadOutboxMessages()).items.map((m) => m.id)).toEqual([
      globexDead.id,
    ]);
    const acmeAdmin = acme.as(acme.admin);
    const first = await acmeAdmin.listDeadOutboxMessages({ limit: 1 });
    expect(first).toMatchObject({ items: [acmeDead], total: 1, nextCursor: null });
    expect((await acme.roster.listDeadOutboxMessages()).total).toBe(2);
  });

  test('Domain: the actor’s outbox calls refuse bad input (INVALID_INPUT), reading nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    for (const input of [{ limit: 0 }, { limit: 501 }, { cursor: '' }, { orgId: 'org_x' }]) {
      await expectRosterError(admin.listDeadOutboxMessages(input as never), 'INVALID_INPUT');
    }
    for (const input of [{}, { messageId: '' }, { messageId: 'out_1', orgId: 'x' }, null]) {
      await expectRosterError(admin.retryDeadOutboxMessage(input as never), 'INVALID_INPUT');
    }
  });
};
