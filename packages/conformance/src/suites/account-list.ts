import { matchAll, matchesFilter, type ReadFilter } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { buildAccount } from '../fixtures.js';
import { byEmail, byId, field, ids, seedDirectory } from './account-list-seeds.js';

/** AccountRepository.list: every criterion and the read filter. */
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

  test('Account list: the read filter compares dates with numbers as matchesFilter does, at the very instant too', async ({
    store,
  }) => {
    const at = Date.UTC(2026, 0, 10);
    await store.transaction((tx) =>
      tx.accounts.insertMany([
        buildAccount({ id: 'acc_before', orgId: 'org_d', createdAt: new Date(at - 1) }),
        buildAccount({ id: 'acc_at', orgId: 'org_d', createdAt: new Date(at) }),
        buildAccount({ id: 'acc_after', orgId: 'org_d', createdAt: new Date(at + 1) }),
        buildAccount({ id: 'acc_seen', orgId: 'org_d', lastSeenAt: new Date(at) }),
      ]),
    );
    const accounts = await store.transaction((tx) =>
      tx.accounts.list({ orgId: 'org_d', readFilter: matchAll, sort: byEmail, limit: 10 }),
    );
    for (const op of ['lt', 'lte', 'gt', 'gte'] as const) {
      for (const name of ['createdAt', 'lastSeenAt']) {
        const readFilter: ReadFilter = { kind: 'field', field: name, op, value: at };
        // JavaScript never finds a Date === a number: at the instant itself, lt holds and gte does not.
        const expected = accounts.items
          .filter((account) => matchesFilter(readFilter, { ...account }))
          .map((account) => account.id)
          .sort();
        const listed = (await ids(store, { readFilter }, 'org_d')).sort();
        expect(listed, `${name} ${op} ${at}`).toEqual(expected);
      }
    }
    expect(
      (
        await ids(
          store,
          { readFilter: { kind: 'field', field: 'createdAt', op: 'lt', value: at } },
          'org_d',
        )
      ).sort(),
    ).toContain('acc_at');
  });
};
