import type { OutboxMessage, Store } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError, yieldToOthers } from '../conformance-context.js';
import { buildOutboxMessage } from '../fixtures.js';
import { at, byId, dueIds, farFuture, parkAt } from './outbox-support.js';

const interruptedError = 'Interrupted: its worker died';

const claim = (
  store: Store,
  now: Date,
  limit: number,
  leaseId: string,
  until: Date,
  maxAttempts = 10,
) =>
  store.transaction(
    (tx) => tx.outbox.claim({ now, limit, leaseId, until, maxAttempts, interruptedError }),
    { isolation: 'read-committed' },
  );

const ids = (messages: readonly OutboxMessage[]) => messages.map((message) => message.id);

/** The outbox's leases: claims, renewals, releases, expired leases, racing claimers, dead messages retried. */
export const outboxLeasesSuite: ConformanceSuite = (test) => {
  test('Outbox: claim takes due messages in due order up to limit, setting leaseId and nextAttemptAt to the lease end', async ({
    store,
    raw,
  }) => {
    const due = (id: string, createdAt: number) =>
      buildOutboxMessage({ id, orgId: 'org_a', createdAt: at(createdAt) });
    const later = buildOutboxMessage({ id: 'out_z', createdAt: at(0), nextAttemptAt: at(9000) });
    const sent = buildOutboxMessage({ id: 'out_s', createdAt: at(0), deliveredAt: at(1) });
    const [c, a, b] = [due('out_c', 300), due('out_a', 100), due('out_b', 200)];
    await store.transaction((tx) => tx.outbox.appendMany([c, a, b, later, sent]));
    const claimed = await claim(store, at(1000), 2, 'lease_1', at(31_000));
    expect(claimed).toEqual([
      { ...a, leaseId: 'lease_1', nextAttemptAt: at(31_000) },
      { ...b, leaseId: 'lease_1', nextAttemptAt: at(31_000) },
    ]);
    const stored = [...(await raw.outbox())].sort(byId);
    expect(stored.filter((row) => row.leaseId === 'lease_1').map((row) => row.id)).toEqual([
      'out_a',
      'out_b',
    ]);
    expect(stored.find((row) => row.id === 'out_a')).toEqual(claimed[0]);
    // Claimed messages are not due for anyone else while the lease runs.
    expect(await dueIds(store, at(30_999))).toEqual(['out_c', 'out_z']);
    expect(ids(await claim(store, at(1000), 10, 'lease_2', at(31_000)))).toEqual(['out_c']);
    expect(await claim(store, at(1000), 10, 'lease_3', at(31_000))).toEqual([]);
  });

  test('Outbox: an expired lease returns the message to the queue; it is claimed over, the interruption counted as an attempt, and the old lease no longer renews or releases it', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ createdAt: at(0) });
    await store.transaction((tx) => tx.outbox.append(message));
    await claim(store, at(0), 1, 'lease_dead', at(30_000));
    expect(await claim(store, at(29_999), 1, 'lease_early', at(60_000))).toEqual([]);
    // The worker holding lease_dead was killed: at the lease's end the message is due again.
    expect(await dueIds(store, at(30_000))).toEqual([message.id]);
    const [again] = await claim(store, at(30_000), 1, 'lease_new', at(60_000));
    expect(again).toEqual({
      ...message,
      leaseId: 'lease_new',
      nextAttemptAt: at(60_000),
      attempts: 1,
      lastError: interruptedError,
    });
    expect(
      await store.transaction((t) => t.outbox.renewLease(message.id, 'lease_dead', at(90_000))),
    ).toBe(false);
    expect(
      await store.transaction((t) => t.outbox.release(message.id, 'lease_dead', at(30_000))),
    ).toBe(false);
    expect(await raw.outbox()).toEqual([again]);
  });

  test('Outbox: renewLease and release act only for the lease that holds the message; release leaves attempts unchanged; an unknown id is NOT_FOUND', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({
      createdAt: at(0),
      attempts: 2,
      lastError: 'Error: x',
    });
    const sent = buildOutboxMessage({ createdAt: at(0), deliveredAt: at(5), leaseId: 'lease_s' });
    await store.transaction((tx) => tx.outbox.appendMany([message, sent]));
    await claim(store, at(0), 1, 'lease_1', at(30_000));
    expect(
      await store.transaction((tx) => tx.outbox.renewLease(message.id, 'lease_1', at(50_000))),
    ).toBe(true);
    expect(await dueIds(store, at(49_999))).toEqual([]);
    expect(
      await store.transaction((tx) => tx.outbox.renewLease(message.id, 'lease_2', at(90_000))),
    ).toBe(false);
    expect(
      await store.transaction((tx) => tx.outbox.release(message.id, 'lease_2', at(1000))),
    ).toBe(false);
    expect(
      await store.transaction((tx) => tx.outbox.release(message.id, 'lease_1', at(1000))),
    ).toBe(true);
    const released = { ...message, nextAttemptAt: at(1000) };
    expect((await raw.outbox()).find((row) => row.id === message.id)).toEqual(released);
    expect(await dueIds(store, at(1000))).toEqual([message.id]);
    // Released, it is held by no lease: a second release changes nothing.
    expect(
      await store.transaction((tx) => tx.outbox.release(message.id, 'lease_1', at(5000))),
    ).toBe(false);
    // A delivered message is held by nobody, whatever its stored leaseId.
    expect(await store.transaction((tx) => tx.outbox.release(sent.id, 'lease_s', at(0)))).toBe(
      false,
    );
    expect(await store.transaction((tx) => tx.outbox.renewLease(sent.id, 'lease_s', at(0)))).toBe(
      false,
    );
    await expectRosterError(
      store.transaction((tx) => tx.outbox.renewLease('out_missing', 'lease_1', at(0))),
      'NOT_FOUND',
    );
    await expectRosterError(
      store.transaction((tx) => tx.outbox.release('out_missing', 'lease_1', at(0))),
      'NOT_FOUND',
    );
  });

  test('Outbox: markDelivered and recordFailure clear the lease', async ({ store, raw }) => {
    const delivered = buildOutboxMessage({ createdAt: at(0) });
    const failed = buildOutboxMessage({ createdAt: at(1) });
    await store.transaction((tx) => tx.outbox.appendMany([delivered, failed]));
    await claim(store, at(10), 2, 'lease_1', at(30_000));
    await store.transaction((tx) => tx.outbox.markDelivered(delivered.id, at(20)));
    await store.transaction((tx) =>
      tx.outbox.recordFailure(failed.id, {
        attempts: 1,
        error: 'Error: down',
        nextAttemptAt: at(60_000),
        deadAt: null,
      }),
    );
    expect([...(await raw.outbox())].sort(byId)).toEqual(
      [
        { ...delivered, deliveredAt: at(20), nextAttemptAt: at(30_000) },
        { ...failed, attempts: 1, lastError: 'Error: down', nextAttemptAt: at(60_000) },
      ].sort(byId),
    );
  });

  test('Outbox: retryDead puts a dead message back in the queue (attempts 0, lastError kept); false when not dead or delivered; an unknown id is NOT_FOUND', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ createdAt: at(0), attempts: 9 });
    const alive = buildOutboxMessage({ createdAt: at(0) });
    const sentDead = buildOutboxMessage({
      createdAt: at(0),
      attempts: 10,
      deadAt: at(3),
      deliveredAt: at(4),
    });
    await store.transaction((tx) => tx.outbox.appendMany([message, alive, sentDead]));
    await store.transaction((tx) => tx.outbox.recordFailure(message.id, parkAt(10, at(500))));
    expect(await store.transaction((tx) => tx.outbox.retryDead(message.id, at(700)))).toBe(true);
    expect((await raw.outbox()).find((row) => row.id === message.id)).toEqual({
      ...message,
      attempts: 0,
      lastError: 'Error: mailbox does not exist',
      nextAttemptAt: at(700),
    });
    expect((await store.transaction((tx) => tx.outbox.listDead({ limit: 10 }))).total).toBe(0);
    expect(ids(await claim(store, at(700), 10, 'lease_1', at(9000)))).toEqual([
      alive.id,
      message.id,
    ]);
    expect(await store.transaction((tx) => tx.outbox.retryDead(alive.id, at(700)))).toBe(false);
    expect(await store.transaction((tx) => tx.outbox.retryDead(sentDead.id, at(700)))).toBe(false);
    await expectRosterError(
      store.transaction((tx) => tx.outbox.retryDead('out_missing', at(0))),
      'NOT_FOUND',
    );
  });

  test('Outbox: two racing claimers never claim one message twice, and together with later claims take every message once', async ({
    store,
  }) => {
    const messages = Array.from({ length: 30 }, (_, i) =>
      buildOutboxMessage({ orgId: i % 2 === 0 ? 'org_a' : 'org_b', createdAt: at(i) }),
    );
    await store.transaction((tx) => tx.outbox.appendMany(messages));
    const racer = (leaseId: string) =>
      store.transaction(
        async (tx) => {
          await yieldToOthers();
          return tx.outbox.claim({
            now: at(100),
            limit: 20,
            leaseId,
            until: at(60_000),
            maxAttempts: 10,
            interruptedError,
          });
        },
        { isolation: 'read-committed' },
      );
    const [first, second] = await Promise.all([racer('lease_a'), racer('lease_b')]);
    const firstIds = ids(first ?? []);
    const secondIds = ids(second ?? []);
    expect(firstIds.filter((id) => secondIds.includes(id))).toEqual([]);
    expect(first?.every((message) => message.leaseId === 'lease_a')).toBe(true);
    expect(second?.every((message) => message.leaseId === 'lease_b')).toBe(true);
    // Four more claimers in turn take what the race left, each message once.
    const rest: string[] = [];
    for (const leaseId of ['lease_c', 'lease_d', 'lease_e', 'lease_f']) {
      rest.push(...ids(await claim(store, at(100), 10, leaseId, at(60_000))));
    }
    const all = [...firstIds, ...secondIds, ...rest];
    expect(all.length).toBe(30);
    expect([...all].sort()).toEqual(ids(messages).sort());
  });

  test('Outbox: eight claimers in parallel, claiming until nothing is due, take every message exactly once', async ({
    store,
  }) => {
    const messages = Array.from({ length: 60 }, (_, i) =>
      buildOutboxMessage({ orgId: `org_${i % 3}`, createdAt: at(i) }),
    );
    await store.transaction((tx) => tx.outbox.appendMany(messages));
    const taken: string[] = [];
    const worker = async (w: number) => {
      for (let round = 0; round < 100; round += 1) {
        const got = await claim(store, at(100), 4, `lease_${w}_${round}`, at(60_000));
        taken.push(...ids(got));
        if (got.length === 0 && taken.length >= messages.length) return;
        await yieldToOthers();
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    expect(taken.length).toBe(60);
    expect(new Set(taken).size).toBe(60);
  });

  test('Outbox: a message whose lease lapses on every claim is parked dead by the claim that counts its maxAttempts-th attempt; fresh and released messages count nothing', async ({
    store,
    raw,
  }) => {
    const killer = buildOutboxMessage({ id: 'out_k', createdAt: at(0) });
    const released = buildOutboxMessage({ id: 'out_r', createdAt: at(1) });
    await store.transaction((tx) => tx.outbox.appendMany([killer, released]));
    // Three workers in turn claim out_k and die; out_r is handed back each time.
    let now = 1000;
    for (const [round, attempts] of [
      [1, 0],
      [2, 1],
    ] as const) {
      const got = await claim(store, at(now), 10, `lease_${round}`, at(now + 1000), 3);
      expect([...got].sort(byId).map((m) => [m.id, m.attempts, m.leaseId, m.deadAt])).toEqual([
        ['out_k', attempts, `lease_${round}`, null],
        ['out_r', 0, `lease_${round}`, null],
      ]);
      expect(
        await store.transaction((tx) => tx.outbox.release('out_r', `lease_${round}`, at(now))),
      ).toBe(true);
      now += 1000;
    }
    const third = await claim(store, at(now), 10, 'lease_3', at(now + 1000), 3);
    expect(third.map((m) => [m.id, m.attempts, m.lastError])).toEqual([
      ['out_r', 0, null],
      ['out_k', 2, interruptedError],
    ]);
    expect(await store.transaction((tx) => tx.outbox.release('out_r', 'lease_3', at(now)))).toBe(
      true,
    );
    now += 1000;
    // Its third interruption reaches maxAttempts 3: parked, not claimed.
    const fourth = await claim(store, at(now), 10, 'lease_4', at(now + 1000), 3);
    const parked = {
      ...killer,
      attempts: 3,
      lastError: interruptedError,
      deadAt: at(now),
      nextAttemptAt: at(now),
      leaseId: null,
    };
    expect(fourth.map((m) => m.id)).toEqual(['out_r', 'out_k']);
    expect(fourth[0]).toMatchObject({ attempts: 0, leaseId: 'lease_4', lastError: null });
    expect(fourth[1]).toEqual(parked);
    expect((await raw.outbox()).find((m) => m.id === 'out_k')).toEqual(parked);
    expect((await store.transaction((tx) => tx.outbox.listDead({ limit: 10 }))).items).toEqual([
      parked,
    ]);
    expect(await dueIds(store, farFuture)).toEqual(['out_r']);
    expect(
      await store.transaction((tx) => tx.outbox.renewLease('out_k', 'lease_3', at(now + 5000))),
    ).toBe(false);
    // The worker of lease_3 that was slow, not dead, still records its failure
    // only if nobody counted an attempt meanwhile: it did not here.
    expect(
      await store.transaction((tx) =>
        tx.outbox.recordFailure('out_k', {
          attempts: 3,
          error: 'Error: x',
          nextAttemptAt: at(now),
          deadAt: null,
        }),
      ),
    ).toBe(false);
    // Retried, it starts afresh: a new claim over a lapsed lease counts from 0.
    expect(await store.transaction((tx) => tx.outbox.retryDead('out_k', at(now)))).toBe(true);
    const [again] = await claim(store, at(now), 1, 'lease_5', at(now + 1000), 3);
    expect(again).toMatchObject({ id: 'out_k', attempts: 0, leaseId: 'lease_5', deadAt: null });
  });

  test('Outbox: a claim with maxAttempts 1 parks a message over a lapsed lease at once, and claims the other due messages in the same call', async ({
    store,
  }) => {
    const lapsed = buildOutboxMessage({
      id: 'out_l',
      createdAt: at(0),
      leaseId: 'lease_gone',
      nextAttemptAt: at(500),
    });
    const due = buildOutboxMessage({ id: 'out_d', createdAt: at(100) });
    await store.transaction((tx) => tx.outbox.appendMany([lapsed, due]));
    const got = await claim(store, at(1000), 10, 'lease_1', at(9000), 1);
    expect(got.map((m) => [m.id, m.leaseId, m.deadAt, m.attempts])).toEqual([
      ['out_d', 'lease_1', null, 0],
      ['out_l', null, at(1000), 1],
    ]);
  });
};
