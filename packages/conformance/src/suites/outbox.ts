import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildOutboxMessage } from '../fixtures.js';
import { at, byId, dueIds, farFuture } from './outbox-support.js';

/** The outbox: appends, due messages across organizations in the order they became due, delivery. */
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

  test('Outbox: get returns one message of the organization as stored, any state; another organization’s or an unknown id is undefined', async ({
    store,
  }) => {
    const alive = buildOutboxMessage({ orgId: 'org_a', payload: { nested: { n: [1, null] } } });
    const dead = buildOutboxMessage({
      orgId: 'org_a',
      attempts: 4,
      lastError: 'Error: gone',
      deadAt: at(50),
      leaseId: null,
    });
    const sent = buildOutboxMessage({ orgId: 'org_b', deliveredAt: at(9), leaseId: 'lease_x' });
    await store.transaction((tx) => tx.outbox.appendMany([alive, dead, sent]));
    const got = await store.transaction(async (tx) => [
      await tx.outbox.get('org_a', alive.id),
      await tx.outbox.get('org_a', dead.id),
      await tx.outbox.get('org_b', sent.id),
      await tx.outbox.get('org_a', sent.id),
      await tx.outbox.get('org_b', alive.id),
      await tx.outbox.get('org_a', 'out_missing'),
    ]);
    expect(got).toEqual([alive, dead, sent, undefined, undefined, undefined]);
  });

  test('Outbox: markDeliveredMany marks each undelivered message of the list delivered (dead or not), clears its lease, counts what it marked; an id twice counts once; [] is a no-op; an unknown id is NOT_FOUND and marks none', async ({
    store,
    raw,
  }) => {
    const leased = buildOutboxMessage({ orgId: 'org_a', leaseId: 'lease_1', nextAttemptAt: at(9) });
    const dead = buildOutboxMessage({ orgId: 'org_b', attempts: 3, deadAt: at(5) });
    const sent = buildOutboxMessage({ orgId: 'org_a', deliveredAt: at(1) });
    const untouched = buildOutboxMessage({ orgId: 'org_a' });
    await store.transaction((tx) => tx.outbox.appendMany([leased, dead, sent, untouched]));
    expect(await store.transaction((tx) => tx.outbox.markDeliveredMany([], at(50)))).toBe(0);
    await expectRosterError(
      store.transaction((tx) => tx.outbox.markDeliveredMany([leased.id, 'out_missing'], at(50))),
      'NOT_FOUND',
    );
    expect([...(await raw.outbox())].sort(byId)).toEqual(
      [leased, dead, sent, untouched].sort(byId),
    );
    expect(
      await store.transaction((tx) =>
        tx.outbox.markDeliveredMany([leased.id, dead.id, sent.id, leased.id], at(50)),
      ),
    ).toBe(2);
    expect([...(await raw.outbox())].sort(byId)).toEqual(
      [
        { ...leased, deliveredAt: at(50), leaseId: null },
        { ...dead, deliveredAt: at(50) },
        sent,
        untouched,
      ].sort(byId),
    );
    expect(await dueIds(store, farFuture)).toEqual([untouched.id]);
    expect((await store.transaction((tx) => tx.outbox.listDead({ limit: 10 }))).total).toBe(0);
    expect(
      await store.transaction((tx) => tx.outbox.markDeliveredMany([leased.id, dead.id], at(60))),
    ).toBe(0);
  });
};
