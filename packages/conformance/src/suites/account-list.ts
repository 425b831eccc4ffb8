import {
  type Account,
  type AccountListQuery,
  type AccountSort,
  matchAll,
  type ReadFilter,
  type Store,
} from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildAccount, buildMembership } from '../fixtures.js';

type ListInput = Omit<AccountListQuery, 'orgId' | 'readFilter' | 'sort' | 'limit'> &
  Partial<Pick<AccountListQuery, 'readFilter' | 'sort' | 'limit'>>;

const byEmail: AccountSort = { field: 'email', direction: 'asc' };
const byId: AccountSort = { field: 'createdAt', direction: 'asc' };

/** The ids of every account `query` lists, walking every page, and the totals each page reported. */
export async function listAllIds(
  store: Store,
  query: AccountListQuery,
): Promise<{ ids: string[]; pages: number; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
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
async function seedDirectory(store: Store): Promise<void> {
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

async function ids(store: Store, input: ListInput, orgId = 'org_a'): Promise<string[]> {
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

const field = (name: string, op: 'eq' | 'ne', value: string): ReadFilter => ({
  kind: 'field',
  field: name,
  op,
  value,
});

// Five accounts whose order differs under every sort, with ties under each.
const T1 = new Date('2026-01-01T00:00:00.000Z');
const T2 = new Date('2026-02-01T00:00:00.000Z');
const T3 = new Date('2026-03-01T00:00:00.000Z');
const sortRows = [
  ['k3', 'Bo', 'Li', 'bo.li@example.com', T1, T3],
  ['k1', 'bo', 'li', 'zed@example.com', T2, null],
  ['k2', 'Ana', 'Zed', 'ana@example.com', T2, T3],
  ['k5', 'ana', 'Young', 'yo@example.com', T1, null],
  ['k4', 'Cy', 'Ng', 'cy@example.com', T3, T1],
] as const;
const expectedOrders: Record<string, string[]> = {
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
function sortOf(key: string): AccountSort {
  const [field, direction] = key.split(' ') as [AccountSort['field'], AccountSort['direction']];
  return { field, direction };
}

async function seedSortable(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const [id, firstName, lastName, email, createdAt, lastSeenAt] of sortRows) {
      await tx.accounts.insert(
        buildAccount({ id, orgId: 'org_sort', firstName, lastName, email, createdAt, lastSeenAt }),
      );
    }
  });
}

/** AccountRepository.list: every criterion, the read filter, every sort, cursors and totals. */
export const accountListSuite: ConformanceSuite = (test) => {
  test('Account list: All Users is every account of the organization, with the total', async ({
    store,
  }) => {
    await seedDirectory(store);
    expect(await ids(store, {})).toEqual([
      'acc_ana',
      'acc_bo',
      'acc_cy',
      'acc_di',
      'acc_ed',
      'acc_fi',
    ]);
    expect(await ids(store, {}, 'org_b')).toEqual(['acc_zz']);
    expect(await ids(store, {}, 'org_c')).toEqual([]);
  });

  test('Account list: search matches email, first name, last name or "first last", ignoring case', async ({
    store,
  }) => {
    await seedDirectory(store);
    expect(await ids(store, { search: 'NG' })).toEqual(['acc_ana', 'acc_cy']);
    expect(await ids(store, { search: 'ana' })).toEqual(['acc_ana', 'acc_di']);
    expect(await ids(store, { search: 'ED.WARD' })).toEqual(['acc_ed']);
    expect(await ids(store, { search: 'example.org' })).toEqual(['acc_fi']);
    expect(await ids(store, { search: 'bo li' })).toEqual(['acc_bo']);
    expect(await ids(store, { search: 'i Anand' })).toEqual(['acc_di']);
    expect(await ids(store, { search: 'nobody' })).toEqual([]);
  });

  test('Account list: search is a literal substring: % _ and \\ match only themselves', async ({
    store,
  }) => {
    // The three characters SQL's LIKE gives a meaning (wildcards and the
    // escape character), in names and emails, with decoys that a LIKE
    // wildcard would match.
    await store.transaction(async (tx) => {
      for (const [id, firstName, lastName, email] of [
        ['w_pct', 'Ann', 'Per%cent', 'ann@acme.io'],
        ['w_und', 'Bob', 'Under_score', 'bob_b@acme.io'],
        ['w_bsl', 'Cat', 'Back\\slash', 'c\\at@acme.io'],
        ['w_mix', 'Eve', 'A_b%', 'x%y@acme.io'],
        ['w_axb', 'Axb', 'Axbz', 'dan@acme.io'],
        ['w_esc', 'Fay', 'S\\_t', 'fay@acme.io'],
      ] as const) {
        await tx.accounts.insert(
          buildAccount({ id, orgId: 'org_wild', firstName, lastName, email }),
        );
      }
    });
    const search = (text: string) => ids(store, { search: text, sort: byId }, 'org_wild');
    expect(await search('%')).toEqual(['w_mix', 'w_pct']);
    expect(await search('_')).toEqual(['w_esc', 'w_mix', 'w_und']);
    expect(await search('\\')).toEqual(['w_bsl', 'w_esc']);
    expect(await search('%%')).toEqual([]);
    expect(await search('__')).toEqual([]);
    expect(await search('\\\\')).toEqual([]);
    expect(await search('r%c')).toEqual(['w_pct']);
    expect(await search('a_b')).toEqual(['w_mix']);
    expect(await search('A_B%')).toEqual(['w_mix']);
    expect(await search('eve a_b%')).toEqual(['w_mix']);
    expect(await search('b_b@')).toEqual(['w_und']);
    expect(await search('x%y@')).toEqual(['w_mix']);
    expect(await search('c\\at')).toEqual(['w_bsl']);
    expect(await search('k\\s')).toEqual(['w_bsl']);
    // The escaped forms mean a backslash followed by the character, not the character alone.
    expect(await search('\\_')).toEqual(['w_esc']);
    expect(await search('\\%')).toEqual([]);
    expect(await search('\\s')).toEqual(['w_bsl']);
    expect(await search('s\\_t')).toEqual(['w_esc']);
  });

  test('Account list: a blank search matches every account', async ({ store }) => {
    await seedDirectory(store);
    expect(await ids(store, { search: '' })).toHaveLength(6);
    expect(await ids(store, { search: '   ' })).toHaveLength(6);
  });

  test('Account list: statuses keeps accounts in one of them', async ({ store }) => {
    await seedDirectory(store);
    expect(await ids(store, { statuses: ['active', 'pending'] })).toEqual([
      'acc_ana',
      'acc_bo',
      'acc_cy',
      'acc_ed',
      'acc_fi',
    ]);
    expect(await ids(store, { statuses: ['deactivated'] })).toEqual(['acc_di']);
    expect(await ids(store, { statuses: ['deleted'] })).toEqual([]);
  });

  test('Account list: memberOf keeps the current members of a space (the Team page)', async ({
    store,
  }) => {
    await seedDirectory(store);
    expect(await ids(store, { memberOf: 'spc_team' })).toEqual(['acc_ana', 'acc_bo', 'acc_cy']);
    expect(await ids(store, { memberOf: 'spc_north' })).toEqual(['acc_ana', 'acc_di', 'acc_fi']);
    expect(await ids(store, { memberOf: 'spc_none' })).toEqual([]);
  });

  test('Account list: roles keeps holders of a role in a current membership, of memberOf when given', async ({
    store,
  }) => {
    await seedDirectory(store);
    expect(await ids(store, { roles: ['agent'] })).toEqual([
      'acc_bo',
      'acc_cy',
      'acc_di',
      'acc_fi',
    ]);
    expect(await ids(store, { roles: ['agent'], memberOf: 'spc_team' })).toEqual([
      'acc_bo',
      'acc_cy',
    ]);
    expect(await ids(store, { roles: ['manager'] })).toEqual(['acc_ana']);
    expect(await ids(store, { roles: ['manager'], memberOf: 'spc_team' })).toEqual([]);
    // A former member's role does not count.
    expect(await ids(store, { roles: ['admin'] })).toEqual(['acc_ana']);
  });

  test('Account list: groupId keeps the current members of a group', async ({ store }) => {
    await seedDirectory(store);
    expect(await ids(store, { groupId: 'grp_billing' })).toEqual(['acc_ana']);
    expect(await ids(store, { groupId: 'grp_sales' })).toEqual(['acc_bo']);
    expect(await ids(store, { groupId: 'grp_none' })).toEqual([]);
  });

  test('Account list: the read filter sees account fields and the derived roles and spaceIds', async ({
    store,
  }) => {
    await seedDirectory(store);
    expect(await ids(store, { readFilter: field('status', 'eq', 'active') })).toEqual([
      'acc_ana',
      'acc_bo',
      'acc_ed',
      'acc_fi',
    ]);
    expect(
      await ids(store, {
        readFilter: { kind: 'field', field: 'roles', op: 'in', value: ['admin', 'manager'] },
      }),
    ).toEqual(['acc_ana']);
    expect(await ids(store, { readFilter: field('spaceIds', 'eq', 'spc_north') })).toEqual([
      'acc_ana',
      'acc_di',
      'acc_fi',
    ]);
    expect(
      await ids(store, {
        readFilter: { kind: 'not', filter: field('spaceIds', 'eq', 'spc_team') },
      }),
    ).toEqual(['acc_di', 'acc_ed', 'acc_fi']);
    expect(
      await ids(store, {
        readFilter: {
          kind: 'or',
          filters: [field('status', 'eq', 'pending'), field('roles', 'eq', 'admin')],
        },
      }),
    ).toEqual(['acc_ana', 'acc_cy']);
    expect(await ids(store, { readFilter: { kind: 'and', filters: [] } })).toHaveLength(6);
    expect(
      await ids(store, { readFilter: field('status', 'eq', 'active'), memberOf: 'spc_team' }),
    ).toEqual(['acc_ana', 'acc_bo']);
    expect(await ids(store, { readFilter: field('orgId', 'eq', 'org_b') })).toEqual([]);
  });

  test('Account list: the read filter none lists nothing and counts nothing', async ({ store }) => {
    await seedDirectory(store);
    const page = await store.transaction((tx) =>
      tx.accounts.list({ orgId: 'org_a', readFilter: { kind: 'none' }, sort: byEmail, limit: 10 }),
    );
    expect(page).toEqual({ items: [], nextCursor: null, total: 0 });
  });

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
};
