import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError, yieldToOthers } from '../conformance-context.js';
import { buildAccount } from '../fixtures.js';

/** Accounts: unique email per organization (also under races), findByEmail, setLastSeen. */
export const accountsSuite: ConformanceSuite = (test) => {
  test('Account: findByEmail finds the account of that organization only', async ({ store }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail('org_a', 'ana@acme.io')),
    ).toEqual(ana);
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail('org_b', 'ana@acme.io')),
    ).toBeUndefined();
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail('org_a', 'bo@acme.io')),
    ).toBeUndefined();
  });

  test('Account: a second account with the same email in one organization is CONFLICT unique', async ({
    store,
    raw,
  }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    const twin = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    await expectRosterError(
      store.transaction((tx) => tx.accounts.insert(twin)),
      'CONFLICT',
      { subject: 'Account', reason: 'unique' },
    );
    expect(await raw.account('org_a', twin.id)).toBeUndefined();
    expect(await raw.account('org_a', ana.id)).toEqual(ana);
  });

  test('Account: findByEmails finds the accounts of that organization, skipping unknown emails', async ({
    store,
  }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    const bo = buildAccount({ orgId: 'org_a', email: 'bo@acme.io' });
    const elsewhere = buildAccount({ orgId: 'org_b', email: 'cy@acme.io' });
    await store.transaction((tx) => tx.accounts.insertMany([ana, bo]));
    await store.transaction((tx) => tx.accounts.insert(elsewhere));
    const found = await store.transaction((tx) =>
      tx.accounts.findByEmails('org_a', [
        'bo@acme.io',
        'nobody@acme.io',
        'cy@acme.io',
        'ana@acme.io',
      ]),
    );
    expect([...found].sort((a, b) => (a.email < b.email ? -1 : 1))).toEqual([ana, bo]);
    expect(await store.transaction((tx) => tx.accounts.findByEmails('org_a', []))).toEqual([]);
    expect(
      await store.transaction((tx) => tx.accounts.findByEmails('org_b', ['ana@acme.io'])),
    ).toEqual([]);
  });

  test('Account: insertMany refuses an email taken in the organization or twice in the rows, storing none', async ({
    store,
    raw,
  }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    const bo = buildAccount({ orgId: 'org_a', email: 'bo@acme.io' });
    const anaTwin = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    await expectRosterError(
      store.transaction((tx) => tx.accounts.insertMany([bo, anaTwin])),
      'CONFLICT',
      { subject: 'Account', reason: 'unique' },
    );
    const cy = buildAccount({ orgId: 'org_a', email: 'cy@acme.io' });
    const cyTwin = buildAccount({ orgId: 'org_a', email: 'cy@acme.io' });
    await expectRosterError(
      store.transaction((tx) => tx.accounts.insertMany([cy, cyTwin])),
      'CONFLICT',
      { subject: 'Account', reason: 'unique' },
    );
    for (const row of [bo, anaTwin, cy, cyTwin])
      expect(await raw.account('org_a', row.id)).toBeUndefined();
    expect(await raw.account('org_a', ana.id)).toEqual(ana);
    // The same email in another organization is fine.
    const elsewhere = buildAccount({ orgId: 'org_b', email: 'ana@acme.io' });
    await store.transaction((tx) => tx.accounts.insertMany([elsewhere]));
    expect(await raw.account('org_b', elsewhere.id)).toEqual(elsewhere);
  });

  test('Account: the same email is allowed in another organization', async ({ store, raw }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    const elsewhere = buildAccount({ orgId: 'org_b', email: 'ana@acme.io' });
    await store.transaction(async (tx) => {
      await tx.accounts.insert(ana);
      await tx.accounts.insert(elsewhere);
    });
    expect(await raw.account('org_b', elsewhere.id)).toEqual(elsewhere);
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail('org_b', 'ana@acme.io')),
    ).toEqual(elsewhere);
  });

  test('Account: an update that would share an email in one organization is CONFLICT unique', async ({
    store,
    raw,
  }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    const bo = buildAccount({ orgId: 'org_a', email: 'bo@acme.io' });
    await store.transaction(async (tx) => {
      await tx.accounts.insert(ana);
      await tx.accounts.insert(bo);
    });
    await expectRosterError(
      store.transaction((tx) => tx.accounts.update({ ...bo, email: 'ana@acme.io' })),
      'CONFLICT',
      { reason: 'unique' },
    );
    expect(await raw.account('org_a', bo.id)).toEqual(bo);
  });

  test('Account: a deleted account frees its email', async ({ store, raw }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    await store.transaction((tx) => tx.accounts.delete('org_a', ana.id, 1));
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail('org_a', 'ana@acme.io')),
    ).toBeUndefined();
    const again = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    await store.transaction((tx) => tx.accounts.insert(again));
    expect(await raw.account('org_a', again.id)).toEqual(again);
  });

  test('Account: two racing transactions inserting the same email: exactly one wins', async ({
    store,
    raw,
  }) => {
    const first = buildAccount({ orgId: 'org_a', email: 'race@acme.io', firstName: 'First' });
    const second = buildAccount({ orgId: 'org_a', email: 'race@acme.io', firstName: 'Second' });
    // Each checks first, then writes: the check-then-insert that only a unique
    // constraint in the store itself makes safe.
    const attempt = (row: typeof first) =>
      store.transaction(async (tx) => {
        await tx.accounts.findByEmail('org_a', row.email);
        await yieldToOthers();
        return tx.accounts.insert(row);
      });
    const results = await Promise.allSettled([attempt(first), attempt(second)]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    await expectRosterError(Promise.reject(lost[0]?.reason), 'CONFLICT', { reason: 'unique' });
    const stored = [await raw.account('org_a', first.id), await raw.account('org_a', second.id)];
    expect(stored.filter((row) => row !== undefined)).toHaveLength(1);
    const winner = results[0]?.status === 'fulfilled' ? first : second;
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail('org_a', 'race@acme.io')),
    ).toEqual(winner);
  });

  test('Account: setLastSeen records the time without changing the version', async ({
    store,
    raw,
  }) => {
    const ana = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    const seen = new Date('2026-03-01T10:00:00.000Z');
    await store.transaction((tx) => tx.accounts.setLastSeen('org_a', ana.id, seen));
    expect(await raw.account('org_a', ana.id)).toEqual({ ...ana, lastSeenAt: seen });
    // An admin's edit made from the version read before the presence update still applies.
    const edited = await store.transaction((tx) =>
      tx.accounts.update({ ...ana, firstName: 'Edited' }),
    );
    expect(edited).toEqual({ ...ana, firstName: 'Edited', lastSeenAt: seen, version: 2 });
    // update never writes lastSeenAt: setLastSeen alone does.
    const rewound = await store.transaction((tx) =>
      tx.accounts.update({ ...edited, lastSeenAt: new Date('2020-01-01T00:00:00.000Z') }),
    );
    expect(rewound.lastSeenAt).toEqual(seen);
    expect(await raw.account('org_a', ana.id)).toEqual({ ...edited, version: 3 });
  });

  test('Account: setLastSeen never moves lastSeenAt back', async ({ store, raw }) => {
    const ana = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    const later = new Date('2026-03-01T10:00:00.000Z');
    const earlier = new Date('2026-02-01T10:00:00.000Z');
    await store.transaction((tx) => tx.accounts.setLastSeen('org_a', ana.id, later));
    await store.transaction((tx) => tx.accounts.setLastSeen('org_a', ana.id, earlier));
    expect(await raw.account('org_a', ana.id)).toMatchObject({ lastSeenAt: later, version: 1 });
    const latest = new Date('2026-04-01T10:00:00.000Z');
    await store.transaction((tx) => tx.accounts.setLastSeen('org_a', ana.id, latest));
    expect(await raw.account('org_a', ana.id)).toMatchObject({ lastSeenAt: latest, version: 1 });
  });

  test('Account: setLastSeen from another organization touches nothing', async ({ store, raw }) => {
    const ana = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    await store
      .transaction((tx) => tx.accounts.setLastSeen('org_b', ana.id, new Date()))
      .catch(() => undefined);
    expect(await raw.account('org_a', ana.id)).toEqual(ana);
  });

  test('Account: setLastSeen of an unknown id, or of another organization’s account, is NOT_FOUND and changes nothing', async ({
    store,
    raw,
  }) => {
    const ana = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    await expectRosterError(
      store.transaction((tx) => tx.accounts.setLastSeen('org_a', 'acc_missing', new Date())),
      'NOT_FOUND',
      { subject: 'Account', id: 'acc_missing' },
    );
    await expectRosterError(
      store.transaction((tx) => tx.accounts.setLastSeen('org_b', ana.id, new Date())),
      'NOT_FOUND',
      { subject: 'Account', id: ana.id },
    );
    expect(await raw.account('org_a', ana.id)).toEqual(ana);
  });
};
