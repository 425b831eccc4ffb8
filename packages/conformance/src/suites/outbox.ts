import type { OutboxDeadQuery, OutboxMessage, Store } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError, yieldToOthers } from '../conformance-context.js';
import { buildOutboxMessage } from '../fixtures.js';

const base = Date.UTC(2026, 0, 1);
const at = (ms: number) => new Date(base + ms);
const farFuture = new Date(Date.UTC(2100, 0, 1));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

const dueIds = (store: Store, now: Date, limit = 100) =>
  store
    .transaction((tx) => tx.outbox.listDue(now, limit))
    .then((rows) => rows.map((row) => row.id));

async function walkDead(store: Store, query: Omit<OutboxDeadQuery, 'cursor'>) {
  const pages: string[][] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await store.transaction((tx) =>
      tx.outbox.listDead({ ...query, ...(cursor === undefined ? {} : { cursor }) }),
    );
    pages.push(page.items.map((message) => message.id));
    totals.push(page.total);
    if (page.nextCursor === null) return { pages, totals };
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('dead outbox pagination does not end');
  }
}

/** A failure that schedules the next try at `next`. */
const retryAt = (attempts: number, next: Date, error = 'Error: mail server down') => ({
  attempts,
  error,
  nextAttemptAt: next,
  deadAt: null,
});

/** A failure that parks the message dead at `when`. */
const parkAt = (attempts: number, when: Date, error = 'Error: mailbox does not exist') => ({
  attempts,
  error,
  nextAttemptAt: when,
  deadAt: when,
});

/**
 * The outbox: due messages across organizations in the order they became
 * due, delivery, failures with their schedule, dead messages, unknown ids.
 */
export const outboxSuite: ConformanceSuite = (test) => {
  test('Outbox: append stores the message as given, every field', async ({ store, raw }) => {
    const fresh = buildOutboxMessage({ orgId: 'org_a', payload: { list: [1, 'two', null] } });
    const tried = buildOutboxMessage({
      orgId: 'org_b',
      attempts: 3,
      nextAttemptAt: at(90_000),
      lastError: `TypeError: "quoted" é 🧑‍💻\n${'x'.repeat(900)}`,
      deadAt: at(60_000),
    });
    await store.transaction(async (tx) => {
      await tx.outbox.append(fresh);
      await tx.outbox.append(tried);
    });
    expect([...(await raw.outbox())].sort(byId)).toEqual([fresh, tried].sort(byId));
  });

  test('Outbox: appendMany stores every message as given; an empty array is a no-op; a failed transaction stores none', async ({
    store,
    raw,
  }) => {
    const messages = [
      buildOutboxMessage({ orgId: 'org_a' }),
      buildOutboxMessage({ orgId: 'org_b', attempts: 1, lastError: 'Error: x', deadAt: at(5) }),
    ];
    await store.transaction((tx) => tx.outbox.appendMany(messages));
    await store.transaction((tx) => tx.outbox.appendMany([]));
    expect([...(await raw.outbox())].sort(byId)).toEqual([...messages].sort(byId));
    expect(await dueIds(store, farFuture)).toEqual([messages[0]?.id]);
    await expect(
      store.transaction(async (tx) => {
        await tx.outbox.appendMany([buildOutboxMessage({ orgId: 'org_a' })]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await raw.outbox()).toHaveLength(2);
  });

  test('Outbox: listDue is in the order messages became due (nextAttemptAt, createdAt, id) across organizations, up to limit', async ({
    store,
  }) => {
    const due = (id: string, orgId: string, createdAt: number, next = createdAt) =>
      buildOutboxMessage({ id, orgId, createdAt: at(createdAt), nextAttemptAt: at(next) });
    await store.transaction((tx) =>
      tx.outbox.appendMany([
        due('out_c', 'org_a', 2000),
        due('out_b', 'org_b', 1000),
        due('out_a', 'org_a', 1000),
        due('out_d', 'org_c', 0),
        // Created first, but retried later: it waits behind what became due before it.
        due('out_f', 'org_a', -5000, 1500),
        // Same next attempt as out_a and out_b, created earlier: before them.
        due('out_g', 'org_b', -1000, 1000),
      ]),
    );
    expect(await dueIds(store, at(10_000))).toEqual([
      'out_d',
      'out_g',
      'out_a',
      'out_b',
      'out_f',
      'out_c',
    ]);
    expect(await dueIds(store, at(10_000), 2)).toEqual(['out_d', 'out_g']);
  });

  test('Outbox: listDue lists only due messages: nextAttemptAt at or before now, undelivered, not dead', async ({
    store,
  }) => {
    await store.transaction((tx) =>
      tx.outbox.appendMany([
        buildOutboxMessage({ id: 'out_now', createdAt: at(0), nextAttemptAt: at(1000) }),
        buildOutboxMessage({ id: 'out_later', createdAt: at(0), nextAttemptAt: at(1001) }),
        buildOutboxMessage({ id: 'out_sent', createdAt: at(0), deliveredAt: at(10) }),
        buildOutboxMessage({ id: 'out_dead', createdAt: at(0), attempts: 5, deadAt: at(20) }),
      ]),
    );
    expect(await dueIds(store, at(999))).toEqual([]);
    expect(await dueIds(store, at(1000))).toEqual(['out_now']);
    expect(await dueIds(store, at(1001))).toEqual(['out_now', 'out_later']);
    expect(await dueIds(store, farFuture)).toEqual(['out_now', 'out_later']);
  });

  test('Outbox: markDelivered succeeds once; the message is no longer due; an unknown id is NOT_FOUND', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ orgId: 'org_a' });
    const other = buildOutboxMessage({ orgId: 'org_a' });
    await store.transaction((tx) => tx.outbox.appendMany([message, other]));
    expect(await store.transaction((tx) => tx.outbox.markDelivered(message.id, at(0)))).toBe(true);
    expect(await store.transaction((tx) => tx.outbox.markDelivered(message.id, at(5000)))).toBe(
      false,
    );
    const stored = await raw.outbox();
    expect(stored.find((row) => row.id === message.id)).toEqual({ ...message, deliveredAt: at(0) });
    expect(stored.find((row) => row.id === other.id)).toEqual(other);
    expect(await dueIds(store, farFuture)).toEqual([other.id]);
    await expectRosterError(
      store.transaction((tx) => tx.outbox.markDelivered('out_missing', at(0))),
      'NOT_FOUND',
    );
    expect([...(await raw.outbox())].sort(byId)).toEqual(
      [{ ...message, deliveredAt: at(0) }, other].sort(byId),
    );
  });

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
