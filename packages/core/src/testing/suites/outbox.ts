import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { buildOutboxMessage } from '../fixtures.js';

const base = Date.UTC(2026, 0, 1);

/** The outbox: undelivered messages oldest first across organizations, delivery and failures. */
export const outboxSuite: ConformanceSuite = (test) => {
  test('Outbox: append stores the message undelivered', async ({ store, raw }) => {
    const message = buildOutboxMessage({ orgId: 'org_a', payload: { list: [1, 'two', null] } });
    await store.transaction((tx) => tx.outbox.append(message));
    expect(await raw.outbox()).toEqual([message]);
  });

  test('Outbox: appendMany stores every message undelivered; an empty array is a no-op; a failed transaction stores none', async ({
    store,
    raw,
  }) => {
    const messages = [
      buildOutboxMessage({ orgId: 'org_a' }),
      buildOutboxMessage({ orgId: 'org_b' }),
    ];
    await store.transaction((tx) => tx.outbox.appendMany(messages));
    await store.transaction((tx) => tx.outbox.appendMany([]));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...(await raw.outbox())].sort(byId)).toEqual([...messages].sort(byId));
    expect(await store.transaction((tx) => tx.outbox.listUndelivered(10))).toHaveLength(2);
    await expect(
      store.transaction(async (tx) => {
        await tx.outbox.appendMany([buildOutboxMessage({ orgId: 'org_a' })]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await raw.outbox()).toHaveLength(2);
  });

  test('Outbox: listUndelivered is oldest first across organizations, ties by id, up to limit', async ({
    store,
  }) => {
    const messages = [
      buildOutboxMessage({ id: 'out_c', orgId: 'org_a', createdAt: new Date(base + 2000) }),
      buildOutboxMessage({ id: 'out_b', orgId: 'org_b', createdAt: new Date(base + 1000) }),
      buildOutboxMessage({ id: 'out_a', orgId: 'org_a', createdAt: new Date(base + 1000) }),
      buildOutboxMessage({ id: 'out_d', orgId: 'org_c', createdAt: new Date(base) }),
      buildOutboxMessage({
        id: 'out_e',
        orgId: 'org_a',
        createdAt: new Date(base - 1000),
        deliveredAt: new Date(base),
      }),
    ];
    await store.transaction(async (tx) => {
      for (const message of messages) await tx.outbox.append(message);
    });
    const ids = (limit: number) =>
      store
        .transaction((tx) => tx.outbox.listUndelivered(limit))
        .then((rows) => rows.map((row) => row.id));
    expect(await ids(10)).toEqual(['out_d', 'out_a', 'out_b', 'out_c']);
    expect(await ids(2)).toEqual(['out_d', 'out_a']);
  });

  test('Outbox: markDelivered succeeds once; the message leaves the undelivered list', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ orgId: 'org_a' });
    const other = buildOutboxMessage({ orgId: 'org_a' });
    await store.transaction(async (tx) => {
      await tx.outbox.append(message);
      await tx.outbox.append(other);
    });
    const at = new Date(base);
    expect(await store.transaction((tx) => tx.outbox.markDelivered(message.id, at))).toBe(true);
    expect(
      await store.transaction((tx) => tx.outbox.markDelivered(message.id, new Date(base + 5000))),
    ).toBe(false);
    const stored = await raw.outbox();
    expect(stored.find((row) => row.id === message.id)).toEqual({ ...message, deliveredAt: at });
    expect(stored.find((row) => row.id === other.id)).toEqual(other);
    expect(
      (await store.transaction((tx) => tx.outbox.listUndelivered(10))).map((row) => row.id),
    ).toEqual([other.id]);
  });

  test('Outbox: recordFailure counts attempts and keeps the message undelivered', async ({
    store,
    raw,
  }) => {
    const message = buildOutboxMessage({ orgId: 'org_a' });
    await store.transaction((tx) => tx.outbox.append(message));
    await store.transaction((tx) => tx.outbox.recordFailure(message.id));
    await store.transaction((tx) => tx.outbox.recordFailure(message.id));
    expect(await raw.outbox()).toEqual([{ ...message, attempts: 2 }]);
    expect(await store.transaction((tx) => tx.outbox.listUndelivered(10))).toEqual([
      { ...message, attempts: 2 },
    ]);
  });
};
