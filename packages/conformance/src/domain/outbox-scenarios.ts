import type { OutboxMessage } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { seedScenario } from './scenario-roster.js';

const second = 1000;
const minute = 60 * second;

/** Delivery through `drainOutbox`: failures back off, dead messages park, nothing stalls. */
export const outboxScenarios: ConformanceSuite = (test) => {
  test('Domain: messages that always fail do not stall the outbox; a sessions.revoke behind them is delivered', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    const admin = org.as(org.admin);
    for (const account of [org.agentA, org.agentB, org.agentA])
      await admin.requestPasswordReset({ accountId: account.id });
    org.clock.advance(1000);
    await admin.deactivate({ accountId: org.agentB.id });
    const delivered: string[] = [];
    const handler = async (message: { topic: string }) => {
      if (message.topic === 'password.reset') throw new Error('mail server down');
      delivered.push(message.topic);
    };
    for (let drain = 0; drain < 5; drain += 1) {
      await org.roster.drainOutbox(handler, { limit: 3 });
      org.clock.advance(1000);
    }
    expect(delivered).toEqual(['sessions.revoke']);
  });

  test('Domain: a failed message waits out the back-off, is tried again with its attempts, and is parked dead on its maxAttempts-th failure', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    await org.as(org.admin).requestPasswordReset({ accountId: org.agentA.id });
    const seen: { attempts: number; at: number }[] = [];
    const backoffCalls: [number, string][] = [];
    const options = {
      maxAttempts: 3,
      backoff: (attempts: number, message: OutboxMessage) => {
        backoffCalls.push([attempts, message.topic]);
        return attempts * minute;
      },
    };
    const handler = async (message: OutboxMessage) => {
      seen.push({ attempts: message.attempts, at: org.clock.now().getTime() });
      throw new Error(`refused ${message.attempts + 1}`);
    };
    const start = org.clock.now().getTime();
    const stored = async () => (await ctx.raw.outbox()).find((m) => m.topic === 'password.reset');

    expect(await org.roster.drainOutbox(handler, options)).toEqual({
      delivered: 0,
      failed: 1,
      dead: 0,
    });
    expect(await stored()).toMatchObject({
      attempts: 1,
      lastError: 'Error: refused 1',
      nextAttemptAt: new Date(start + minute),
      deadAt: null,
      deliveredAt: null,
    });
    // Not due yet: a drain a moment before the back-off ends tries nothing.
    org.clock.advance(minute - 1);
    expect(await org.roster.drainOutbox(handler, options)).toEqual({
      delivered: 0,
      failed: 0,
      dead: 0,
    });
    org.clock.advance(1);
    expect(await org.roster.drainOutbox(handler, options)).toMatchObject({ failed: 1, dead: 0 });
    expect((await stored())?.nextAttemptAt).toEqual(new Date(start + minute + 2 * minute));
    org.clock.advance(2 * minute);
    expect(await org.roster.drainOutbox(handler, options)).toEqual({
      delivered: 0,
      failed: 1,
      dead: 1,
    });
    const parkedAt = new Date(start + 3 * minute);
    const dead = await stored();
    expect(dead).toMatchObject({
      attempts: 3,
      lastError: 'Error: refused 3',
      deadAt: parkedAt,
      deliveredAt: null,
    });
    expect(seen).toEqual([
      { attempts: 0, at: start },
      { attempts: 1, at: start + minute },
      { attempts: 2, at: start + 3 * minute },
    ]);
    // The back-off is asked after the 1st and 2nd failures; the 3rd parks it.
    expect(backoffCalls).toEqual([
      [1, 'password.reset'],
      [2, 'password.reset'],
    ]);
    // Dead: never tried again on its own, however long the host waits.
    org.clock.advance(365 * 24 * 60 * minute);
    expect(await org.roster.drainOutbox(handler, options)).toEqual({
      delivered: 0,
      failed: 0,
      dead: 0,
    });
    expect(seen).toHaveLength(3);
    expect(await org.roster.listDeadOutboxMessages()).toEqual({
      items: [dead],
      nextCursor: null,
      total: 1,
    });
  });

  test('Domain: the default back-off waits 15 to 30 seconds after a first failure, doubling after each next one', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    await org.as(org.admin).requestPasswordReset({ accountId: org.agentA.id });
    const fail = async () => {
      throw new Error('down');
    };
    const waits: number[] = [];
    for (let failure = 1; failure <= 3; failure += 1) {
      const now = org.clock.now().getTime();
      expect(await org.roster.drainOutbox(fail)).toMatchObject({ failed: 1, dead: 0 });
      const message = (await ctx.raw.outbox()).find((m) => m.topic === 'password.reset');
      waits.push((message?.nextAttemptAt.getTime() ?? 0) - now);
      org.clock.advance(10 * minute);
    }
    expect(waits[0]).toBeGreaterThanOrEqual(15 * second);
    expect(waits[0]).toBeLessThanOrEqual(30 * second);
    expect(waits[1]).toBeGreaterThanOrEqual(30 * second);
    expect(waits[1]).toBeLessThanOrEqual(60 * second);
    expect(waits[2]).toBeGreaterThanOrEqual(60 * second);
    expect(waits[2]).toBeLessThanOrEqual(120 * second);
  });

  test('Domain: dead messages are listed per organization or all, newest first, in pages, and leave no due work behind', async (ctx) => {
    const acme = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    await acme.roster.drainOutbox(async () => {});
    const park = { maxAttempts: 1 };
    const refuse = async (message: OutboxMessage) => {
      if (message.topic === 'password.reset') throw 'no such mailbox';
    };
    await acme.as(acme.admin).requestPasswordReset({ accountId: acme.agentA.id });
    await globex.as(globex.admin).requestPasswordReset({ accountId: globex.agentA.id });
    expect(await acme.roster.drainOutbox(refuse, park)).toEqual({
      delivered: 0,
      failed: 2,
      dead: 2,
    });
    acme.clock.advance(minute);
    await acme.as(acme.admin).requestPasswordReset({ accountId: acme.agentB.id });
    expect(await acme.roster.drainOutbox(refuse, park)).toMatchObject({ failed: 1, dead: 1 });

    const first = await acme.roster.listDeadOutboxMessages({ limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((m) => [m.orgId, m.payload])).toEqual([
      [acme.organization.id, { accountId: acme.agentB.id, email: acme.agentB.email }],
      expect.anything(),
    ]);
    expect(first.items.every((m) => m.lastError === 'no such mailbox' && m.attempts === 1)).toBe(
      true,
    );
    const rest = await acme.roster.listDeadOutboxMessages({
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(rest.nextCursor).toBeNull();
    const all = [...first.items, ...rest.items];
    expect(new Set(all.map((m) => m.id)).size).toBe(3);
    expect(all.map((m) => m.deadAt?.getTime())).toEqual(
      [...all.map((m) => m.deadAt?.getTime())].sort((a, b) => (b ?? 0) - (a ?? 0)),
    );
    const globexOnly = await acme.roster.listDeadOutboxMessages({ orgId: globex.organization.id });
    expect(globexOnly.items.map((m) => m.orgId)).toEqual([globex.organization.id]);
    expect(globexOnly.total).toBe(1);
    expect(await acme.roster.drainOutbox(refuse)).toEqual({ delivered: 0, failed: 0, dead: 0 });
  });

  test('Domain: a thrown value of any kind becomes lastError, cut to 1000 characters', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    const admin = org.as(org.admin);
    for (const account of [org.agentA, org.agentB, org.admin])
      await admin.requestPasswordReset({ accountId: account.id });
    const thrown: unknown[] = [
      new TypeError(`${'🧑‍💻'.repeat(400)}`),
      {
        toString() {
          throw new Error('no text');
        },
      },
      42,
    ];
    let n = 0;
    await org.roster.drainOutbox(async () => {
      throw thrown[n++];
    });
    const errors = (await ctx.raw.outbox())
      .filter((m) => m.topic === 'password.reset')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((m) => m.lastError ?? '');
    expect(errors).toHaveLength(3);
    const long = errors.find((e) => e.startsWith('TypeError: '));
    expect(long?.length).toBeLessThanOrEqual(1000);
    expect(long?.endsWith('…')).toBe(true);
    // Never half a surrogate pair: the text survives a UTF-8 round trip.
    expect(Buffer.from(long ?? '', 'utf8').toString('utf8')).toBe(long);
    expect(errors).toContain('The handler threw a value that cannot be shown as text');
    expect(errors).toContain('42');
  });

  test('Domain: drainOutbox refuses bad options, and a back-off that throws or returns no wait, recording nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.roster.drainOutbox(async () => {});
    await org.as(org.admin).requestPasswordReset({ accountId: org.agentA.id });
    const before = await ctx.raw.outbox();
    let called = 0;
    const fail = async () => {
      called += 1;
      throw new Error('down');
    };
    for (const [options, path] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ maxAttempts: 0 }, 'maxAttempts'],
      [{ maxAttempts: 1.5 }, 'maxAttempts'],
      [{ backoff: 5000 }, 'backoff'],
      [{ retries: 3 }, ''],
    ] as const) {
      const error = await expectRosterError(
        org.roster.drainOutbox(fail, options as never),
        'INVALID_INPUT',
      );
      expect(error.details.issues.map((issue) => issue.path.join('.'))).toContain(path);
    }
    await expectRosterError(org.roster.drainOutbox('deliver' as never), 'INVALID_INPUT', {
      issues: [{ path: ['handler'], message: 'Must be a function' }],
    });
    expect(called).toBe(0);
    for (const backoff of [() => Number.NaN, () => -1, () => 366 * 24 * 60 * minute, () => '5']) {
      await expectRosterError(
        org.roster.drainOutbox(fail, { backoff: backoff as never }),
        'INVALID_INPUT',
        { issues: [{ path: ['backoff'], message: expect.any(String) }] },
      );
    }
    await expectRosterError(
      org.roster.drainOutbox(fail, {
        backoff: () => {
          throw new Error('bug');
        },
      }),
      'INVALID_INPUT',
    );
    // The claim is handed back: the same message, unclaimed, still due, no failure recorded.
    const unclaimed = (rows: readonly OutboxMessage[]) =>
      rows.map(({ nextAttemptAt: _next, ...row }) => row);
    expect(unclaimed(await ctx.raw.outbox())).toEqual(unclaimed(before));
    expect(
      (await ctx.store.transaction((tx) => tx.outbox.listDue(org.clock.now(), 10))).map(
        (message) => message.topic,
      ),
    ).toEqual(['password.reset']);
    for (const input of [
      { limit: 0 },
      { limit: 501 },
      { cursor: '%%%' },
      { orgId: '' },
      { x: 1 },
    ]) {
      await expectRosterError(org.roster.listDeadOutboxMessages(input as never), 'INVALID_INPUT');
    }
  });
};
