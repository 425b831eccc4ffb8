import type { Invitation, InvitationListQuery, Store } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildInvitation } from '../fixtures.js';

const day = 24 * 60 * 60 * 1000;
const base = Date.UTC(2026, 0, 1);
const at = (days: number) => new Date(base + days * day);

const list = (
  store: Store,
  query: Omit<InvitationListQuery, 'now' | 'limit'> & Partial<InvitationListQuery>,
) => store.transaction((tx) => tx.invitations.list({ now: at(10), limit: 50, ...query }));

const ids = (rows: readonly Invitation[]) => rows.map((row) => row.id);

/** The invitation list: newest first, by space and list status (expiry judged at `now`), paged, counted, tenant-scoped. */
export const invitationListSuite: ConformanceSuite = (test) => {
  test('Invitation: list returns an organization’s invitations newest first, ties by id descending', async ({
    store,
  }) => {
    const rows = [
      buildInvitation({ orgId: 'org_a', id: 'inv_a', createdAt: at(1), expiresAt: at(20) }),
      buildInvitation({ orgId: 'org_a', id: 'inv_c', createdAt: at(3), expiresAt: at(20) }),
      buildInvitation({ orgId: 'org_a', id: 'inv_b', createdAt: at(3), expiresAt: at(20) }),
      buildInvitation({ orgId: 'org_a', id: 'inv_d', createdAt: at(2), status: 'accepted' }),
      buildInvitation({ orgId: 'org_b', id: 'inv_e', createdAt: at(4), expiresAt: at(20) }),
    ];
    await store.transaction((tx) => tx.invitations.insertMany(rows));
    const page = await list(store, { orgId: 'org_a' });
    expect(ids(page.items)).toEqual(['inv_c', 'inv_b', 'inv_d', 'inv_a']);
    expect(page.items[0]).toEqual(rows[1]);
    expect(page.total).toBe(4);
    expect(page.nextCursor).toBeNull();
    expect((await list(store, { orgId: 'org_c' })).total).toBe(0);
  });

  test('Invitation: list filters by space and by list status, expiry judged at `now`', async ({
    store,
  }) => {
    const rows = [
      buildInvitation({ orgId: 'org_a', id: 'inv_live', spaceId: 'spc_1', expiresAt: at(11) }),
      buildInvitation({ orgId: 'org_a', id: 'inv_edge', spaceId: 'spc_1', expiresAt: at(10) }),
      buildInvitation({ orgId: 'org_a', id: 'inv_old', spaceId: 'spc_2', expiresAt: at(5) }),
      buildInvitation({ orgId: 'org_a', id: 'inv_used', spaceId: 'spc_1', status: 'accepted' }),
      buildInvitation({ orgId: 'org_a', id: 'inv_gone', spaceId: 'spc_2', status: 'revoked' }),
      buildInvitation({ orgId: 'org_a', id: 'inv_no', spaceId: 'spc_1', status: 'declined' }),
      buildInvitation({ orgId: 'org_b', id: 'inv_other', spaceId: 'spc_1', expiresAt: at(11) }),
    ];
    await store.transaction((tx) => tx.invitations.insertMany(rows));
    const sorted = async (query: Parameters<typeof list>[1]) =>
      ids((await list(store, query)).items).sort();
    expect(await sorted({ orgId: 'org_a', statuses: ['pending'] })).toEqual(['inv_live']);
    // expiresAt <= now is expired: the edge case is expired.
    expect(await sorted({ orgId: 'org_a', statuses: ['expired'] })).toEqual([
      'inv_edge',
      'inv_old',
    ]);
    expect(await sorted({ orgId: 'org_a', statuses: ['accepted', 'declined'] })).toEqual([
      'inv_no',
      'inv_used',
    ]);
    expect(await sorted({ orgId: 'org_a', statuses: ['revoked'] })).toEqual(['inv_gone']);
    expect(await sorted({ orgId: 'org_a', spaceIds: ['spc_2'] })).toEqual(['inv_gone', 'inv_old']);
    expect(
      await sorted({
        orgId: 'org_a',
        spaceIds: ['spc_1', 'spc_2'],
        statuses: ['pending', 'expired'],
      }),
    ).toEqual(['inv_edge', 'inv_live', 'inv_old']);
    // A later `now`: the live one has expired too.
    expect(await sorted({ orgId: 'org_a', statuses: ['expired'], now: at(12) })).toEqual([
      'inv_edge',
      'inv_live',
      'inv_old',
    ]);
    expect((await list(store, { orgId: 'org_a', spaceIds: [] })).total).toBe(0);
    expect((await list(store, { orgId: 'org_a', statuses: [] })).total).toBe(0);
    const counted = await list(store, { orgId: 'org_a', spaceIds: ['spc_1'], limit: 1 });
    expect(counted.total).toBe(4);
    expect(counted.items).toHaveLength(1);
  });

  test('Invitation: list pages by cursor, every row once, in order', async ({ store }) => {
    const rows = Array.from({ length: 7 }, (_, i) =>
      buildInvitation({
        orgId: 'org_a',
        id: `inv_${String(i).padStart(2, '0')}`,
        // Pairs share an instant: the cursor must break ties by id.
        createdAt: at(Math.floor(i / 2)),
        expiresAt: at(30),
      }),
    );
    await store.transaction((tx) => tx.invitations.insertMany(rows));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(store, { orgId: 'org_a', limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(7);
      seen.push(...ids(page.items));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(['inv_06', 'inv_05', 'inv_04', 'inv_03', 'inv_02', 'inv_01', 'inv_00']);
    await expectRosterError(
      list(store, { orgId: 'org_a', cursor: 'not a cursor' }),
      'INVALID_INPUT',
    );
    await expectRosterError(list(store, { orgId: 'org_a', limit: 0 }), 'INVALID_INPUT');
  });
};
