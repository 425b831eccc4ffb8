import type { AuditEvent, Store } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildAuditEvent } from '../fixtures.js';

const minute = 60 * 1000;
const base = Date.UTC(2026, 0, 1);

async function walk(store: Store, orgId: string, limit: number, target?: AuditEvent['target']) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const query = { orgId, limit, ...(target ? { target } : {}), ...(cursor ? { cursor } : {}) };
    const page = await store.transaction((tx) => tx.auditEvents.list(query));
    pages.push(page.items.map((event) => event.id));
    if (page.nextCursor === null) return { pages, total: page.total };
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('audit pagination does not end');
  }
}

/** The audit trail: append, newest-first pages with a cursor, by target, per organization. */
export const auditEventsSuite: ConformanceSuite = (test) => {
  test('AuditEvent: append stores the event as given', async ({ store, raw }) => {
    const event = buildAuditEvent({ orgId: 'org_a', actor: null, before: null });
    await store.transaction((tx) => tx.auditEvents.append(event));
    expect(await raw.auditEvents('org_a')).toEqual([event]);
    expect(await raw.auditEvents('org_b')).toEqual([]);
  });

  test('AuditEvent: appendMany stores every event; an empty array is a no-op; a failed transaction stores none', async ({
    store,
    raw,
  }) => {
    const events = [buildAuditEvent({ orgId: 'org_a' }), buildAuditEvent({ orgId: 'org_a' })];
    await store.transaction((tx) => tx.auditEvents.appendMany(events));
    await store.transaction((tx) => tx.auditEvents.appendMany([]));
    const byId = (a: AuditEvent, b: AuditEvent) => (a.id < b.id ? -1 : 1);
    expect([...(await raw.auditEvents('org_a'))].sort(byId)).toEqual([...events].sort(byId));
    const lost = [buildAuditEvent({ orgId: 'org_a' }), buildAuditEvent({ orgId: 'org_a' })];
    await expect(
      store.transaction(async (tx) => {
        await tx.auditEvents.appendMany(lost);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await raw.auditEvents('org_a')).toHaveLength(2);
  });

  test('AuditEvent: list is newest first, ties by id descending, paged by cursor', async ({
    store,
  }) => {
    const events = [
      buildAuditEvent({ id: 'aud_c', orgId: 'org_a', at: new Date(base) }),
      buildAuditEvent({ id: 'aud_a', orgId: 'org_a', at: new Date(base + minute) }),
      buildAuditEvent({ id: 'aud_e', orgId: 'org_a', at: new Date(base + minute) }),
      buildAuditEvent({ id: 'aud_b', orgId: 'org_a', at: new Date(base + 2 * minute) }),
      buildAuditEvent({ id: 'aud_d', orgId: 'org_a', at: new Date(base - minute) }),
      buildAuditEvent({ id: 'aud_z', orgId: 'org_b', at: new Date(base + minute) }),
    ];
    await store.transaction(async (tx) => {
      for (const event of events) await tx.auditEvents.append(event);
    });
    const first = await store.transaction((tx) =>
      tx.auditEvents.list({ orgId: 'org_a', limit: 10 }),
    );
    expect(first.items.map((event) => event.id)).toEqual([
      'aud_b',
      'aud_e',
      'aud_a',
      'aud_c',
      'aud_d',
    ]);
    expect(first.items[0]).toEqual(events[3]);
    expect(first.total).toBe(5);
    expect(first.nextCursor).toBeNull();
    expect(await walk(store, 'org_a', 2)).toEqual({
      pages: [['aud_b', 'aud_e'], ['aud_a', 'aud_c'], ['aud_d']],
      total: 5,
    });
  });

  test('AuditEvent: list by target returns only the events about that record', async ({
    store,
  }) => {
    const target = { type: 'Account' as const, id: 'acc_1' };
    const events = [
      buildAuditEvent({ id: 'aud_1', orgId: 'org_a', target, at: new Date(base) }),
      buildAuditEvent({ id: 'aud_2', orgId: 'org_a', at: new Date(base + minute) }),
      buildAuditEvent({ id: 'aud_3', orgId: 'org_a', target, at: new Date(base + 2 * minute) }),
      buildAuditEvent({
        id: 'aud_4',
        orgId: 'org_a',
        target: { type: 'Membership', id: 'acc_1' },
        at: new Date(base + 3 * minute),
      }),
      buildAuditEvent({ id: 'aud_5', orgId: 'org_b', target, at: new Date(base + 4 * minute) }),
    ];
    await store.transaction(async (tx) => {
      for (const event of events) await tx.auditEvents.append(event);
    });
    expect(await walk(store, 'org_a', 1, target)).toEqual({
      pages: [['aud_3'], ['aud_1']],
      total: 2,
    });
  });

  test('AuditEvent: an unreadable cursor or a limit outside 1..500 is INVALID_INPUT', async ({
    store,
  }) => {
    await expectRosterError(
      store.transaction((tx) => tx.auditEvents.list({ orgId: 'org_a', limit: 10, cursor: '%%%' })),
      'INVALID_INPUT',
    );
    await expectRosterError(
      store.transaction((tx) => tx.auditEvents.list({ orgId: 'org_a', limit: 0 })),
      'INVALID_INPUT',
    );
    await expectRosterError(
      store.transaction((tx) => tx.auditEvents.list({ orgId: 'org_a', limit: 501 })),
      'INVALID_INPUT',
    );
  });

  test('AuditEvent: eraseSnapshots nulls before and after of the events about the targets, in that organization only', async ({
    store,
    raw,
  }) => {
    const about = (orgId: string, id: string) =>
      buildAuditEvent({
        orgId,
        target: { type: 'Account', id },
        before: { email: 'x@acme.io' },
        after: { email: 'y@acme.io' },
      });
    const mine = about('org_a', 'acc_1');
    const other = about('org_a', 'acc_2');
    const elsewhere = about('org_b', 'acc_1');
    await store.transaction(async (tx) => {
      for (const event of [mine, other, elsewhere]) await tx.auditEvents.append(event);
    });
    expect(
      await store.transaction((tx) =>
        tx.auditEvents.eraseSnapshots('org_a', [{ type: 'Account', id: 'acc_1' }]),
      ),
    ).toBe(1);
    const kept = await raw.auditEvents('org_a');
    expect(kept.find((e) => e.id === mine.id)).toEqual({ ...mine, before: null, after: null });
    expect(kept.find((e) => e.id === other.id)).toEqual(other);
    expect(await raw.auditEvents('org_b')).toEqual([elsewhere]);
  });

  test('AuditEvent: deleteAllInOrganization deletes that organization’s events only', async ({
    store,
    raw,
  }) => {
    const kept = buildAuditEvent({ orgId: 'org_b' });
    await store.transaction(async (tx) => {
      await tx.auditEvents.append(buildAuditEvent({ orgId: 'org_a' }));
      await tx.auditEvents.append(buildAuditEvent({ orgId: 'org_a' }));
      await tx.auditEvents.append(kept);
    });
    expect(await store.transaction((tx) => tx.auditEvents.deleteAllInOrganization('org_a'))).toBe(
      2,
    );
    expect(await raw.auditEvents('org_a')).toEqual([]);
    expect(await raw.auditEvents('org_b')).toEqual([kept]);
  });

  test('AuditEvent: eraseSnapshots leaves events already erased as they are and counts only those it changed', async ({
    store,
    raw,
  }) => {
    const target = { type: 'Account' as const, id: 'acc_1' };
    const full = buildAuditEvent({ orgId: 'org_a', target, before: { a: 1 }, after: { a: 2 } });
    const half = buildAuditEvent({ orgId: 'org_a', target, before: null, after: { a: 3 } });
    const erased = buildAuditEvent({ orgId: 'org_a', target, before: null, after: null });
    await store.transaction((tx) => tx.auditEvents.appendMany([full, half, erased]));
    const erase = () => store.transaction((tx) => tx.auditEvents.eraseSnapshots('org_a', [target]));
    expect(await erase()).toBe(2);
    expect(await erase()).toBe(0);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...(await raw.auditEvents('org_a'))].sort(byId)).toEqual(
      [full, half, erased].map((event) => ({ ...event, before: null, after: null })).sort(byId),
    );
    expect(await store.transaction((tx) => tx.auditEvents.eraseSnapshots('org_a', []))).toBe(0);
  });
};
