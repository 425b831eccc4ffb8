import { type AccountListQuery, matchAll } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildAccount } from '../fixtures.js';
import {
  byEmail,
  expectedOrders,
  ids,
  listAllIds,
  seedDirectory,
  seedSortable,
  sortOf,
} from './account-list-seeds.js';

/** AccountRepository.list: every sort, cursors, limits and totals. */
export const accountListPagesSuite: ConformanceSuite = (test) => {
  test('Account list: every sort field and direction, ties by id, never seen last', async ({
    store,
  }) => {
    await seedSortable(store);
    for (const [key, expected] of Object.entries(expectedOrders)) {
      expect(await ids(store, { sort: sortOf(key) }, 'org_sort'), key).toEqual(expected);
    }
  });

  test('Account list: cursor pages walk every row once, in order, for every sort', async ({
    store,
  }) => {
    await seedSortable(store);
    for (const [key, expected] of Object.entries(expectedOrders)) {
      const walked = await listAllIds(store, {
        orgId: 'org_sort',
        readFilter: matchAll,
        sort: sortOf(key),
        limit: 2,
      });
      expect(walked, key).toEqual({ ids: expected, pages: 3, totals: [5, 5, 5] });
    }
  });

  test('Account list: the total ignores cursor and limit; the last page has no cursor', async ({
    store,
  }) => {
    await seedDirectory(store);
    const query: AccountListQuery = {
      orgId: 'org_a',
      readFilter: matchAll,
      sort: byEmail,
      limit: 4,
    };
    const first = await store.transaction((tx) => tx.accounts.list(query));
    expect(first.items.map((a) => a.id)).toEqual(['acc_ana', 'acc_bo', 'acc_cy', 'acc_di']);
    expect(first.total).toBe(6);
    expect(typeof first.nextCursor).toBe('string');
    const second = await store.transaction((tx) =>
      tx.accounts.list({ ...query, cursor: first.nextCursor ?? '' }),
    );
    expect(second.items.map((a) => a.id)).toEqual(['acc_ed', 'acc_fi']);
    expect(second.total).toBe(6);
    expect(second.nextCursor).toBeNull();
    const exact = await store.transaction((tx) => tx.accounts.list({ ...query, limit: 6 }));
    expect(exact.items).toHaveLength(6);
    expect(exact.nextCursor).toBeNull();
  });

  test("Account list: total 'none' gives the same pages with a null total", async ({ store }) => {
    await seedDirectory(store);
    const query: AccountListQuery = {
      orgId: 'org_a',
      readFilter: matchAll,
      sort: byEmail,
      limit: 4,
    };
    for (const exact of [query, { ...query, memberOf: 'spc_team' }, { ...query, search: 'o' }]) {
      const counted = await store.transaction((tx) => tx.accounts.list(exact));
      const none = await store.transaction((tx) => tx.accounts.list({ ...exact, total: 'none' }));
      expect(typeof counted.total).toBe('number');
      expect(none.total).toBeNull();
      expect(none.items).toEqual(counted.items);
      expect(none.nextCursor).toBe(counted.nextCursor);
    }
  });

  test('Account list: a cursor stays put when rows are added before it', async ({ store }) => {
    await seedDirectory(store);
    const query: AccountListQuery = {
      orgId: 'org_a',
      readFilter: matchAll,
      sort: byEmail,
      limit: 2,
    };
    const first = await store.transaction((tx) => tx.accounts.list(query));
    await store.transaction((tx) =>
      tx.accounts.insert(buildAccount({ orgId: 'org_a', email: 'aaron@acme.io' })),
    );
    const second = await store.transaction((tx) =>
      tx.accounts.list({ ...query, cursor: first.nextCursor ?? '' }),
    );
    expect(second.items.map((a) => a.id)).toEqual(['acc_cy', 'acc_di']);
    expect(second.total).toBe(7);
  });

  test('Account list: an unreadable cursor or a limit outside 1..500 is INVALID_INPUT', async ({
    store,
  }) => {
    const query: AccountListQuery = {
      orgId: 'org_a',
      readFilter: matchAll,
      sort: byEmail,
      limit: 10,
    };
    for (const cursor of ['not a cursor', '', 'eyJ4Ijo1fQ']) {
      await expectRosterError(
        store.transaction((tx) => tx.accounts.list({ ...query, cursor })),
        'INVALID_INPUT',
      );
    }
    for (const limit of [0, 501, 1.5, -1]) {
      await expectRosterError(
        store.transaction((tx) => tx.accounts.list({ ...query, limit })),
        'INVALID_INPUT',
      );
    }
  });

  test('Account list: a cursor of another sort field or direction is INVALID_INPUT', async ({
    store,
  }) => {
    await seedSortable(store);
    const query = (sort: AccountListQuery['sort']): AccountListQuery => ({
      orgId: 'org_sort',
      readFilter: matchAll,
      sort,
      limit: 2,
    });
    const first = await store.transaction((tx) =>
      tx.accounts.list(query({ field: 'email', direction: 'asc' })),
    );
    const cursor = first.nextCursor ?? '';
    expect(cursor).not.toBe('');
    for (const sort of [
      { field: 'email', direction: 'desc' },
      { field: 'name', direction: 'asc' },
      { field: 'createdAt', direction: 'asc' },
      { field: 'lastSeenAt', direction: 'asc' },
    ] as const) {
      await expectRosterError(
        store.transaction((tx) => tx.accounts.list({ ...query(sort), cursor })),
        'INVALID_INPUT',
      );
    }
  });
};
