import type { OutboxMessage } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError, yieldToOthers } from '../conformance-context.js';
import { buildOutboxMessage } from '../fixtures.js';
import { at, byId, dueIds, farFuture, parkAt, retryAt, walkDead } from './outbox-support.js';

/** The outbox's failures: their schedule, dead messages and their list, racing drainers. */
export const outboxFailuresSuite: ConformanceSuite = (test) => {
  test('Outbox: recordFailure stores the count, the error and the next attempt; the message is not due until then', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ orgId: 'org_a', createdAt: at(0) });
    const bystander = buildOutboxMessage({ orgId: 'org_b', createdAt: at(0) });
    await store.transaction((tx) => tx.outbox.appendMany([message, bystander]));
    expect(
      await store.transaction((tx) => tx.outbox.recordFailure(message.id, retryAt(1, at(30_000)))),
    ).toBe(true);
    const once = {
      ...message,
      attempts: 1,
      lastError: 'Error: mail server down',
      nextAttemptAt: at(30_000),
    };
    expect([...(await raw.outbox())].sort(byId)).toEqual([once, bystander].sort(byId));
    expect(await dueIds(store, at(29_999))).toEqual([bystander.id]);
    expect(await dueIds(store, at(30_000))).toEqual([bystander.id, message.id]);
    const error = `Error: ${'é'.repeat(900)} 🧑‍💻`;
    expect(
      await store.transaction((tx) =>
        tx.outbox.recordFailure(message.id, retryAt(2, at(90_000), error)),
      ),
    ).toBe(true);
    const twice = { ...once, attempts: 2, lastError: error, nextAttemptAt: at(90_000) };
    expect((await raw.outbox()).find((row) => row.id === message.id)).toEqual(twice);
    expect(await store.transaction((tx) => tx.outbox.listDue(at(90_000), 10))).toEqual([
      bystander,
      twice,
    ]);
  });

  test('Outbox: recordFailure with deadAt parks the message dead: never due again, listed dead', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ orgId: 'org_a', createdAt: at(0), attempts: 2 });
    await store.transaction((tx) => tx.outbox.append(message));
    expect(
      await store.transaction((tx) => tx.outbox.recordFailure(message.id, parkAt(3, at(60_000)))),
    ).toBe(true);
    const dead = {
      ...message,
      attempts: 3,
      lastError: 'Error: mailbox does not exist',
      nextAttemptAt: at(60_000),
      deadAt: at(60_000),
    };
    expect(await raw.outbox()).toEqual([dead]);
    expect(await dueIds(store, farFuture)).toEqual([]);
    const page = await store.transaction((tx) => tx.outbox.listDead({ limit: 10 }));
    expect(page).toEqual({ items: [dead], nextCursor: null, total: 1 });
  });

  test('Outbox: recordFailure changes nothing and returns false on a delivered message, a dead one, or an attempt already recorded', async ({
    store,
    raw,
  }) => {
    const sent = buildOutboxMessage({ deliveredAt: at(10) });
    const dead = buildOutboxMessage({ attempts: 4, lastError: 'Error: x', deadAt: at(20) });
    const tried = buildOutboxMessage({ attempts: 2, lastError: 'Error: y' });
    await store.transaction((tx) => tx.outbox.appendMany([sent, dead, tried]));
    const record = (id: string, failure: Parameters<typeof retryAt>) =>
      store.transaction((tx) => tx.outbox.recordFailure(id, retryAt(...failure)));
    expect(await record(sent.id, [1, at(1000)])).toBe(false);
    expect(await record(dead.id, [5, at(1000)])).toBe(false);
    // `tried` stands at 2 failures: recording the 2nd again, or a 4th, is stale.
    expect(await record(tried.id, [2, at(1000)])).toBe(false);
    expect(await record(tried.id, [4, at(1000)])).toBe(false);
    expect(
      await store.transaction((tx) => tx.outbox.recordFailure(dead.id, parkAt(5, at(1000)))),
    ).toBe(false);
    expect([...(await raw.outbox())].sort(byId)).toEqual([sent, dead, tried].sort(byId));
    await expectRosterError(record('out_missing', [1, at(1000)]), 'NOT_FOUND');
  });

  test('Outbox: two racing drainers recording the same failed attempt: exactly one records it', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ orgId: 'org_a', createdAt: at(0) });
    await store.transaction((tx) => tx.outbox.append(message));
    const fail = (next: Date) =>
      store.transaction(async (tx) => {
        const [listed] = await tx.outbox.listDue(at(0), 1);
        await yieldToOthers();
        return tx.outbox.recordFailure(message.id, retryAt((listed?.attempts ?? 0) + 1, next));
      });
    const results = await Promise.all([fail(at(1000)), fail(at(2000))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const [stored] = await raw.outbox();
    expect(stored?.attempts).toBe(1);
    expect(stored?.nextAttemptAt).toEqual(results[0] ? at(1000) : at(2000));
  });

  test('Outbox: a dead message that is delivered after all is marked delivered and leaves the dead list', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ attempts: 10, lastError: 'Error: x', deadAt: at(20) });
    await store.transaction((tx) => tx.outbox.append(message));
    expect(await store.transaction((tx) => tx.outbox.markDelivered(message.id, at(30)))).toBe(true);
    expect(await raw.outbox()).toEqual([{ ...message, deliveredAt: at(30) }]);
    expect(await store.transaction((tx) => tx.outbox.listDead({ limit: 10 }))).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
  });

  test('Outbox: listDead is the most recently parked first, ties by id descending, paged by cursor, of one organization or all', async ({
    store,
  }) => {
    const dead = (id: string, orgId: string, deadAt: number) =>
      buildOutboxMessage({ id, orgId, attempts: 10, lastError: 'Error: x', deadAt: at(deadAt) });
    await store.transaction((tx) =>
      tx.outbox.appendMany([
        dead('out_c', 'org_a', 1000),
        dead('out_a', 'org_a', 2000),
        dead('out_e', 'org_b', 2000),
        dead('out_b', 'org_a', 3000),
        dead('out_d', 'org_b', 0),
        buildOutboxMessage({ id: 'out_f', orgId: 'org_a' }),
        { ...dead('out_g', 'org_a', 5000), deliveredAt: at(6000) },
      ]),
    );
    expect(await walkDead(store, { limit: 2 })).toEqual({
      pages: [['out_b', 'out_e'], ['out_a', 'out_c'], ['out_d']],
      totals: [5, 5, 5],
    });
    expect(await walkDead(store, { orgId: 'org_a', limit: 2 })).toEqual({
      pages: [['out_b', 'out_a'], ['out_c']],
      totals: [3, 3],
    });
    expect(await walkDead(store, { orgId: 'org_z', limit: 2 })).toEqual({
      pages: [[]],
      totals: [0],
    });
    const all = await store.transaction((tx) => tx.outbox.listDead({ limit: 500 }));
    expect(all.items.every((message: OutboxMessage) => message.deadAt !== null)).toBe(true);
  });

  test('Outbox: listDead refuses an unreadable cursor or a limit outside 1..500 with INVALID_INPUT', async ({
    store,
  }) => {
    for (const query of [{ limit: 10, cursor: '%%%' }, { limit: 0 }, { limit: 501 }]) {
      await expectRosterError(
        store.transaction((tx) => tx.outbox.listDead(query)),
        'INVALID_INPUT',
      );
    }
  });
};
