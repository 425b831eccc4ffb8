import {
  createRoster,
  type InvitationDelivery,
  type OutboxWorkerEvent,
  type OutboxWorkerOptions,
  type Roster,
  type Store,
  startOutboxWorker,
} from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { scenarioPolicy } from './scenario-policy.js';
import { type ScenarioOrg, seedScenario } from './scenario-roster.js';

const names = { firstName: 'Dee', lastName: 'Test' };
const keyA = { id: 'key-a', secret: 'a'.repeat(32) };
const keyB = { id: 'key-b', secret: 'b'.repeat(40) };

/** Every string anywhere in `value`. */
function stringsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (value instanceof Date) into.add(value.toISOString());
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/** Runs a worker until `until()` holds (or 10 s), then stops it; returns its events. */
async function runWorker(
  roster: Roster,
  options: OutboxWorkerOptions,
  until: (events: readonly OutboxWorkerEvent[]) => boolean,
): Promise<OutboxWorkerEvent[]> {
  const events: OutboxWorkerEvent[] = [];
  const worker = startOutboxWorker(roster, {
    pollMs: 10,
    ...options,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  const deadline = Date.now() + 10_000;
  while (!until(events) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
  await worker.stop();
  return events;
}

/** What a dump of the database holds of the organization: its invitations, accounts, audit and outbox. */
async function dumpOf(ctx: ConformanceContext, org: ScenarioOrg, invitationId: string) {
  const messages = await ctx.raw.outbox();
  const invitation = await ctx.raw.invitation(org.organization.id, invitationId);
  const account =
    invitation === undefined
      ? undefined
      : await ctx.raw.account(org.organization.id, invitation.accountId);
  return [messages, invitation, account, await ctx.raw.auditEvents(org.organization.id)];
}

/** `startOutboxWorker`: invitation links rebuilt after a crash, resends, leases, parking, stopping. */
export const outboxWorkerScenarios: ConformanceSuite = (test) => {
  test('Domain: an invitation whose process died before any delivery is sent by a fresh roster with only the store and the key, and its link accepts; the dump alone accepts nothing', async (ctx) => {
    const org = await seedScenario(ctx.store, { invitationKeys: { current: keyA } });
    await org.roster.drainOutbox(async () => {});
    // The process that invited dies: its token is gone with it.
    const { invitation } = await org.as(org.admin).invite({ email: 'dee@acme.io', role: 'agent' });
    for (const candidate of stringsIn(await dumpOf(ctx, org, invitation.id))) {
      if (candidate.length < 1 || candidate.length > 200) continue;
      await expectRosterError(
        org.roster.acceptInvitation({ token: candidate, ...names }),
        'NOT_FOUND',
      );
    }
    const fresh = createRoster({
      store: ctx.store,
      policy: scenarioPolicy,
      clock: org.clock,
      invitationKeys: { current: keyA },
    });
    const sent: InvitationDelivery[] = [];
    await runWorker(
      fresh,
      { handlers: { 'invitation.created': (payload) => void sent.push(payload) } },
      () => sent.length > 0,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      orgId: org.organization.id,
      invitationId: invitation.id,
      email: 'dee@acme.io',
      role: 'agent',
      expiresAt: invitation.expiresAt,
    });
    const { account } = await fresh.acceptInvitation({ token: sent[0]?.token ?? '', ...names });
    expect(account.status).toBe('active');
    expect((await ctx.raw.outbox()).every((message) => message.deliveredAt !== null)).toBe(true);
  });

  test('Domain: a resent invitation sends one e-mail, with the new link; the first message is skipped and the old link no longer accepts', async (ctx) => {
    const org = await seedScenario(ctx.store, { invitationKeys: { current: keyA } });
    await org.roster.drainOutbox(async () => {});
    const admin = org.as(org.admin);
    const first = await admin.invite({ email: 'dee@acme.io', role: 'agent' });
    const second = await admin.resendInvitation({ invitationId: first.invitation.id });
    const sent: string[] = [];
    const events = await runWorker(
      org.roster,
      { handlers: { 'invitation.created': ({ token }) => void sent.push(token) }, concurrency: 1 },
      (seen) => seen.filter((e) => e.type === 'skipped' || e.type === 'delivered').length >= 2,
    );
    expect(sent).toEqual([second.token]);
    expect(events.filter((event) => event.type === 'skipped')).toHaveLength(1);
    await expectRosterError(
      org.roster.acceptInvitation({ token: first.token, ...names }),
      'NOT_FOUND',
    );
    expect(
      (await org.roster.acceptInvitation({ token: second.token, ...names })).account.status,
    ).toBe('active');
  });

  test('Domain: after a key rotation, messages made under the previous key are delivered until it retires, then parked dead', async (ctx) => {
    const org = await seedScenario(ctx.store, { invitationKeys: { current: keyA } });
    await org.roster.drainOutbox(async () => {});
    const admin = org.as(org.admin);
    await admin.invite({ email: 'dee@acme.io', role: 'agent' });
    const retiresAt = new Date(org.clock.now().getTime() + 60_000);
    const rotated = createRoster({
      store: ctx.store,
      policy: scenarioPolicy,
      clock: org.clock,
      invitationKeys: { current: keyB, previous: [{ ...keyA, retiresAt }] },
    });
    const sent: InvitationDelivery[] = [];
    const handlers = { 'invitation.created': (p: InvitationDelivery) => void sent.push(p) };
    await runWorker(rotated, { handlers }, () => sent.length >= 1);
    expect(sent.map((p) => p.email)).toEqual(['dee@acme.io']);
    expect(
      (await rotated.acceptInvitation({ token: sent[0]?.token ?? '', ...names })).account.email,
    ).toBe('dee@acme.io');
    // A server not yet rotated still invites under key A; past retiresAt its message is parked.
    await admin.invite({ email: 'eve@acme.io', role: 'agent' });
    org.clock.advance(60_000);
    const events = await runWorker(rotated, { handlers }, (seen) =>
      seen.some((e) => e.type === 'parked'),
    );
    expect(sent).toHaveLength(1);
    expect(events.find((e) => e.type === 'parked')).toMatchObject({
      reason: expect.stringContaining('retired'),
    });
    expect((await org.roster.listDeadOutboxMessages()).total).toBe(1);
    expect(() =>
      startOutboxWorker(createRoster({ store: ctx.store, policy: scenarioPolicy }), { handlers }),
    ).toThrow(/invitationKeys/);
  });

  test('Domain: two workers at once hand each message to one handler at a time, each delivered once; a topic without a handler is parked dead, and retried once it has one', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    const admin = org.as(org.admin);
    for (let i = 0; i < 12; i += 1)
      await admin.requestPasswordReset({ accountId: (i % 2 ? org.agentA : org.agentB).id });
    await admin.deactivate({ accountId: org.agentB.id });
    const active = new Set<string>();
    const deliveries = new Map<string, number>();
    let overlaps = 0;
    const handler = async (_payload: unknown, { message }: { message: { id: string } }) => {
      if (active.has(message.id)) overlaps += 1;
      active.add(message.id);
      await new Promise((resolve) => setTimeout(resolve, 3));
      active.delete(message.id);
      deliveries.set(message.id, (deliveries.get(message.id) ?? 0) + 1);
    };
    const other = createRoster({ store: ctx.store, policy: scenarioPolicy, clock: org.clock });
    const options = { handlers: { 'password.reset': handler }, concurrency: 3 };
    const done = () => deliveries.size >= 12;
    const [a, b] = await Promise.all([
      runWorker(org.roster, options, done),
      runWorker(other, options, done),
    ]);
    expect(overlaps).toBe(0);
    expect([...deliveries.values()]).toEqual(Array(12).fill(1));
    const parked = [...a, ...b].filter((event) => event.type === 'parked');
    expect(parked).toHaveLength(1);
    const dead = await org.roster.listDeadOutboxMessages();
    expect(dead.items.map((message) => message.topic)).toEqual(['sessions.revoke']);
    const retried = await org.roster.retryDeadOutboxMessage({ messageId: dead.items[0]?.id ?? '' });
    expect(retried).toBe(true);
    const revoked: string[] = [];
    await runWorker(
      org.roster,
      { handlers: { 'sessions.revoke': ({ accountId }) => void revoked.push(accountId) } },
      () => revoked.length > 0,
    );
    expect(revoked).toEqual([org.agentB.id]);
    await expectRosterError(
      org.roster.retryDeadOutboxMessage({ messageId: 'out_missing' }),
      'NOT_FOUND',
    );
  });

  test('Domain: a message whose worker died comes back when its lease lapses, the interruption counted as an attempt; stop hands back what a handler gave up, counting no failure', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    await org.as(org.admin).requestPasswordReset({ accountId: org.agentA.id });
    const now = org.clock.now();
    // A worker claims it, then dies without a word.
    const [claimed] = await ctx.store.transaction((tx) =>
      tx.outbox.claim({
        now,
        limit: 1,
        leaseId: 'lease_dead',
        until: new Date(now.getTime() + 30_000),
        maxAttempts: 10,
        interruptedError: 'Interrupted',
      }),
    );
    let calls = 0;
    const slow = {
      'password.reset': (_p: unknown, { signal }: { signal: AbortSignal }) =>
        new Promise<void>((_resolve, reject) => {
          calls += 1;
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    };
    const worker = startOutboxWorker(org.roster, { handlers: slow, pollMs: 10, gracePeriodMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(0);
    org.clock.advance(30_000);
    worker.wake();
    const deadline = Date.now() + 5000;
    while (calls === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
    await worker.stop();
    const [stored] = (await ctx.raw.outbox()).filter((m) => m.id === claimed?.id);
    expect(stored).toMatchObject({
      leaseId: null,
      attempts: 1,
      deliveredAt: null,
      lastError: expect.stringMatching(/^Interrupted: /),
    });
    expect(stored?.nextAttemptAt.getTime()).toBeLessThanOrEqual(org.clock.now().getTime());
  });

  test('Domain: a worker whose claim waited for the store claims with a whole lease, and one whose lease ran out before its handler started hands the message to nobody', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    const admin = org.as(org.admin);
    await admin.requestPasswordReset({ accountId: org.agentA.id });
    const lease = 2000;
    // The claim's transaction waits 3 s for a connection (a busy pool).
    let waited = false;
    const slowPool: Store = {
      transaction: (work, options) => {
        if (!waited) {
          waited = true;
          org.clock.advance(3000);
        }
        return ctx.store.transaction(work, options);
      },
    };
    const leaseLeft: number[] = [];
    const slowRoster = createRoster({ store: slowPool, policy: scenarioPolicy, clock: org.clock });
    await runWorker(
      slowRoster,
      {
        lease,
        handlers: {
          'password.reset': async (_payload, { message }) => {
            const [stored] = (await ctx.raw.outbox()).filter((m) => m.id === message.id);
            leaseLeft.push(stored?.nextAttemptAt.getTime() ?? 0);
          },
        },
      },
      () => leaseLeft.length > 0,
    );
    expect(leaseLeft).toHaveLength(1);
    // The lease runs from when the claim ran, not from before it waited.
    expect(leaseLeft[0]).toBeGreaterThan(org.clock.now().getTime());

    // Between the claim and the handler the lease runs out (the process
    // stalled) and another worker claims the message.
    await admin.requestPasswordReset({ accountId: org.agentB.id });
    let stalled = false;
    const stallingStore: Store = {
      transaction: async (work, options) => {
        const result = await ctx.store.transaction(work, options);
        if (!stalled) {
          stalled = true;
          org.clock.advance(lease + 1);
          const now = org.clock.now();
          await ctx.store.transaction((tx) =>
            tx.outbox.claim({
              now,
              limit: 10,
              leaseId: 'lease_other',
              until: new Date(now.getTime() + 30_000),
              maxAttempts: 10,
              interruptedError: 'Interrupted',
            }),
          );
        }
        return result;
      },
    };
    let calls = 0;
    const events = await runWorker(
      createRoster({ store: stallingStore, policy: scenarioPolicy, clock: org.clock }),
      {
        lease,
        handlers: {
          'password.reset': () => {
            calls += 1;
          },
        },
      },
      (seen) => seen.some((event) => event.type === 'lease-lost'),
    );
    expect(calls).toBe(0);
    expect(events.filter((event) => event.type === 'lease-lost')).toHaveLength(1);
    const held = (await ctx.raw.outbox()).filter((m) => m.deliveredAt === null);
    expect(held.map((m) => m.leaseId)).toEqual(['lease_other']);
  });

  test("Domain: afterCommit is told of each committed command's outbox messages, not of a refused one, and a hook that throws fails nothing", async (ctx) => {
    const seen: string[][] = [];
    let throwing = false;
    const roster = createRoster({
      store: ctx.store,
      policy: scenarioPolicy,
      afterCommit: (messages) => {
        seen.push(messages.map((message) => message.topic));
        if (throwing) throw new Error('hook bug');
      },
    });
    const { organization, owner } = await roster.createOrganization({
      name: 'Hooked',
      owner: { email: 'ana@hooked.io', firstName: 'Ana', lastName: 'Ng' },
    });
    const owner$ = roster.as({ accountId: owner.id, orgId: organization.id });
    seen.length = 0;
    const { token } = await owner$.invite({ email: 'bo@hooked.io', role: 'agent' });
    expect(seen).toEqual([['invitation.created']]);
    const { account } = await roster.acceptInvitation({ token, ...names });
    const before = seen.length;
    await expect(owner$.deactivate({ accountId: owner.id })).rejects.toThrow();
    expect(seen).toHaveLength(before);
    throwing = true;
    await owner$.deactivate({ accountId: account.id });
    expect(seen.at(-1)).toEqual(['sessions.revoke']);
    expect(seen.filter((topics) => topics.includes('sessions.revoke'))).toHaveLength(1);
  });

  test('Domain: a message that kills its worker every time is parked dead after maxAttempts interrupted deliveries, its lastError saying so, and the next worker reports it parked', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    await org.as(org.admin).requestPasswordReset({ accountId: org.agentA.id });
    // The handler "kills" its process: nothing it would settle reaches the store.
    const killed = (): never => {
      throw new Error('the process died');
    };
    const dying: Store = {
      transaction: (work, options) =>
        ctx.store.transaction(
          (tx) =>
            work({
              ...tx,
              outbox: {
                ...tx.outbox,
                markDelivered: killed,
                markDeliveredMany: killed,
                recordFailure: killed,
                release: killed,
                renewLease: killed,
              },
            }),
          options,
        ),
    };
    const doomed = createRoster({ store: dying, policy: scenarioPolicy, clock: org.clock });
    let calls = 0;
    const deliver = async () => {
      calls += 1;
    };
    const leaseMs = 60_000;
    for (let life = 0; life < 2; life += 1) {
      await expect(doomed.drainOutbox(deliver, { maxAttempts: 3, leaseMs })).rejects.toThrow(
        'the process died',
      );
      org.clock.advance(leaseMs);
    }
    const [stored] = (await ctx.raw.outbox()).filter((m) => m.topic === 'password.reset');
    expect(stored).toMatchObject({ attempts: 1, deadAt: null, leaseId: expect.any(String) });
    // The third death: its lease lapses once more, and the claim after it parks the message.
    await expect(doomed.drainOutbox(deliver, { maxAttempts: 3, leaseMs })).rejects.toThrow();
    org.clock.advance(leaseMs);
    expect(calls).toBe(3);
    const events = await runWorker(
      org.roster,
      { handlers: { 'password.reset': deliver }, maxAttempts: 3 },
      (seen) => seen.some((event) => event.type === 'parked'),
    );
    expect(calls).toBe(3);
    const parked = events.find((event) => event.type === 'parked');
    expect(parked).toMatchObject({ reason: expect.stringMatching(/^Interrupted: /) });
    const dead = await org.as(org.admin).listDeadOutboxMessages();
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0]).toMatchObject({
      id: stored?.id,
      attempts: 3,
      lastError: expect.stringMatching(/^Interrupted: /),
      deadAt: org.clock.now(),
      leaseId: null,
      deliveredAt: null,
    });
    // drainOutbox reports such a message as failed and dead.
    await org.as(org.admin).requestPasswordReset({ accountId: org.agentB.id });
    await expect(doomed.drainOutbox(deliver, { maxAttempts: 1, leaseMs })).rejects.toThrow();
    org.clock.advance(leaseMs);
    expect(await org.roster.drainOutbox(deliver, { maxAttempts: 1 })).toEqual({
      delivered: 0,
      failed: 1,
      dead: 1,
    });
  });

  test('Domain: deliveries that finish together are marked delivered in one transaction, each once, and reported delivered once marked', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    const admin = org.as(org.admin);
    for (let i = 0; i < 8; i += 1)
      await admin.requestPasswordReset({ accountId: (i % 2 ? org.agentA : org.agentB).id });
    const batches: string[][] = [];
    let singles = 0;
    // Counted once the transaction commits: a store may run `work` again
    // (a serialization failure on PostgreSQL), and a rolled-back run marks nothing.
    const counting: Store = {
      transaction: async (work, options) => {
        let run = { batches: [] as string[][], singles: 0 };
        const result = await ctx.store.transaction((tx) => {
          run = { batches: [], singles: 0 };
          return work({
            ...tx,
            outbox: {
              ...tx.outbox,
              markDelivered: (id, at) => {
                run.singles += 1;
                return tx.outbox.markDelivered(id, at);
              },
              markDeliveredMany: (ids, at) => {
                run.batches.push([...ids]);
                return tx.outbox.markDeliveredMany(ids, at);
              },
            },
          });
        }, options);
        batches.push(...run.batches);
        singles += run.singles;
        return result;
      },
    };
    const roster = createRoster({ store: counting, policy: scenarioPolicy, clock: org.clock });
    const undelivered: string[] = [];
    const checks: Promise<void>[] = [];
    const events = await runWorker(
      roster,
      {
        concurrency: 4,
        handlers: { 'password.reset': () => undefined },
        onEvent: (event) => {
          // Reported once its batch committed: the store has it delivered.
          if (event.type === 'delivered')
            checks.push(
              Promise.resolve(ctx.raw.outbox()).then((rows) => {
                if (rows.find((row) => row.id === event.message.id)?.deliveredAt === null)
                  undelivered.push(event.message.id);
              }),
            );
        },
      },
      (seen) => seen.filter((event) => event.type === 'delivered').length >= 8,
    );
    const delivered = events.filter((event) => event.type === 'delivered');
    expect(delivered).toHaveLength(8);
    expect(singles).toBe(0);
    const marked = batches.flat();
    expect(marked).toHaveLength(8);
    expect(new Set(marked).size).toBe(8);
    expect(batches.length).toBeLessThan(8);
    await Promise.all(checks);
    expect(checks).toHaveLength(8);
    expect(undelivered).toEqual([]);
    expect(
      (await ctx.raw.outbox()).filter(
        (m) => m.topic === 'password.reset' && m.deliveredAt === null,
      ),
    ).toEqual([]);
  });
};
