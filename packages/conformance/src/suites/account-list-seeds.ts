import {
  type Account,
  type AccountListQuery,
  type AccountSort,
  matchAll,
  type ReadFilter,
  type Store,
} from '@rosterkit/core';
import { expect } from 'vitest';
import { buildAccount, buildMembership } from '../fixtures.js';

// The rows and helpers of the account list's tests: a directory of six
// accounts, five accounts whose order differs under every sort, and walks.

export type ListInput = Omit<AccountListQuery, 'orgId' | 'readFilter' | 'sort' | 'limit'> &
  Partial<Pick<AccountListQuery, 'readFilter' | 'sort' | 'limit'>>;

export const byEmail: AccountSort = { field: 'email', direction: 'asc' };
export const byId: AccountSort = { field: 'createdAt', direction: 'asc' };

/** The ids of every account `query` lists, walking every page, and the totals each page reported. */
export async function listAllIds(
  store: Store,
  query: AccountListQuery,
): Promise<{ ids: string[]; pages: number; totals: (number | null)[] }> {
  const ids: string[] = [];
  const totals: (number | null)[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages += 1) {
    const page = await store.transaction((tx) =>
      tx.accounts.list(cursor === undefined ? query : { ...query, cursor }),
    );
    ids.push(...page.items.map((account) => account.id));
    totals.push(page.total);
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    if (page.nextCursor === null) return { ids, pages, totals };
    expect(page.items.length).toBe(query.limit);
    cursor = page.nextCursor;
    if (pages > 1000) throw new Error('pagination does not end');
  }
}

// org_a: six accounts in two spaces and two groups of the team; org_b: a
// namesake of Ana, to prove nothing crosses organizations.
export async function seedDirectory(store: Store): Promise<void> {
  const account = (
    id: string,
    firstName: string,
    lastName: string,
    email: string,
    status: Account['status'],
  ) => buildAccount({ id, orgId: 'org_a', firstName, lastName, email, status });
  const member = (accountId: string, spaceId: string, role: string, groupIds: string[] = []) =>
    buildMembership({ orgId: 'org_a', accountId, spaceId, role, groupIds });
  await store.transaction(async (tx) => {
    for (const row of [
      account('acc_ana', 'Ana', 'Ng', 'ana@acme.io', 'active'),
      account('acc_bo', 'Bo', 'Li', 'bo.li@acme.io', 'active'),
      account('acc_cy', 'Cy', 'Ng', 'cy@acme.io', 'pending'),
      account('acc_di', 'Di', 'Anand', 'di@acme.io', 'deactivated'),
      account('acc_ed', 'Ed', 'Ward', 'ed.ward@acme.io', 'active'),
      account('acc_fi', 'Fi', 'Lima', 'fi@example.org', 'active'),
      buildAccount({
        id: 'acc_zz',
        orgId: 'org_b',
        firstName: 'Ana',
        lastName: 'Ng',
        email: 'ana@acme.io',
      }),
    ]) {
      await tx.accounts.insert(row);
    }
    for (const row of [
      member('acc_ana', 'spc_team', 'admin', ['grp_billing']),
      member('acc_ana', 'spc_north', 'manager'),
      member('acc_bo', 'spc_team', 'agent', ['grp_sales']),
      member('acc_cy', 'spc_team', 'agent'),
      buildMembership({
        orgId: 'org_a',
        accountId: 'acc_di',
        spaceId: 'spc_team',
        role: 'admin',
        state: 'account-only',
      }),
      member('acc_di', 'spc_north', 'agent'),
      member('acc_fi', 'spc_north', 'agent'),
      buildMembership({ orgId: 'org_b', accountId: 'acc_zz', spaceId: 'spc_team', role: 'admin' }),
    ]) {
      await tx.memberships.insert(row);
    }
  });
}

export async function ids(store: Store, input: ListInput, orgId = 'org_a'): Promise<string[]> {
  const query: AccountListQuery = {
    orgId,
    readFilter: matchAll,
    sort: byEmail,
    limit: 500,
    ...input,
  };
  const page = await store.transaction((tx) => tx.accounts.list(query));
  expect(page.total).toBe(page.items.length);
  expect(page.nextCursor).toBeNull();
  return page.items.map((account) => account.id);
}

export const field = (name: string, op: 'eq' | 'ne', value: string): ReadFilter => ({
  kind: 'field',
  field: name,
  op,
  value,
});

// Five accounts whose order differs under every sort, with ties under each.
export const T1 = new Date('2026-01-01T00:00:00.000Z');
export const T2 = new Date('2026-02-01T00:00:00.000Z');
export const T3 = new Date('2026-03-01T00:00:00.000Z');
export const sortRows = [
  ['k3', 'Bo', 'Li', 'bo.li@example.com', T1, T3],
  ['k1', 'bo', 'li', 'zed@example.com', T2, null],
  ['k2', 'Ana', 'Zed', 'ana@example.com', T2, T3],
  ['k5', 'ana', 'Young', 'yo@example.com', T1, null],
  ['k4', 'Cy', 'Ng', 'cy@example.com', T3, T1],
] as const;
export const expectedOrders: Record<string, string[]> = {
  'name asc': ['k5', 'k2', 'k1', 'k3', 'k4'],
  'name desc': ['k4', 'k3', 'k1', 'k2', 'k5'],
  'email asc': ['k2', 'k3', 'k4', 'k5', 'k1'],
  'email desc': ['k1', 'k5', 'k4', 'k3', 'k2'],
  'createdAt asc': ['k3', 'k5', 'k1', 'k2', 'k4'],
  'createdAt desc': ['k4', 'k2', 'k1', 'k5', 'k3'],
  'lastSeenAt asc': ['k4', 'k2', 'k3', 'k1', 'k5'],
  'lastSeenAt desc': ['k3', 'k2', 'k4', 'k5', 'k1'],
};

/** The sort a key of {@link expectedOrders} names (`'name asc'`). */
export function sortOf(key: string): AccountSort {
  const [field, direction] = key.split(' ') as [AccountSort['field'], AccountSort['direction']];
  return { field, direction };
}

export async function seedSortable(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const [id, firstName, lastName, email, createdAt, lastSeenAt] of sortRows) {
      await tx.accounts.insert(
        buildAccount({ id, orgId: 'org_sort', firstName, lastName, email, createdAt, lastSeenAt }),
      );
    }
  });
}
