import { matchAll } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError, yieldToOthers } from '../conformance-context.js';
import {
  buildAccount,
  buildAuditEvent,
  buildMembership,
  buildOrganization,
  buildOutboxMessage,
} from '../fixtures.js';

/** Transactions: all or nothing, read-your-writes, and races between two of them. */
export const transactionsSuite: ConformanceSuite = (test) => {
  test('Transaction: returns what work resolves with, and commits every write', async ({
    store,
    raw,
  }) => {
    const org = buildOrganization();
    const ana = buildAccount({ orgId: org.id });
    const result = await store.transaction(async (tx) => {
      await tx.organizations.insert(org);
      await tx.accounts.insert(ana);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await raw.organization(org.id)).toEqual(org);
    expect(await raw.account(org.id, ana.id)).toEqual(ana);
  });

  test('Transaction: a read-only one (as core runs its queries) reads every committed row', async ({
    store,
  }) => {
    // `readOnly` lets a store read from a snapshot; what it reads is what
    // the same work reads in a default transaction.
    const org = buildOrganization();
    const ana = buildAccount({ orgId: org.id });
    const member = buildMembership({ orgId: org.id, accountId: ana.id });
    await store.transaction(async (tx) => {
      await tx.organizations.insert(org);
      await tx.accounts.insert(ana);
      await tx.memberships.insert(member);
    });
    const read = async (options?: { readOnly: true }) =>
      store.transaction(
        async (tx) => ({
          org: await tx.organizations.get(org.id),
          account: await tx.accounts.get(org.id, ana.id),
          memberships: await tx.memberships.listByAccounts(org.id, [ana.id]),
        }),
        options,
      );
    const snapshot = await read({ readOnly: true });
    expect(snapshot).toEqual({ org, account: ana, memberships: [member] });
    expect(snapshot).toEqual(await read());
  });

  test("Transaction: offers the adapter's native transaction as `native` (undefined when it has none)", async ({
    store,
  }) => {
    // Resource handlers write the host's rows through it (DESIGN rule 10);
    // a missing key would reach them as a TypeError only at a departure.
    const keys = await store.transaction(async (tx) => Object.keys(tx));
    expect(keys).toContain('native');
  });

  test('Transaction: a failed transaction leaves no trace and rethrows the same error', async ({
    store,
    raw,
  }) => {
    const kept = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insert(kept));
    const org = buildOrganization();
    const ana = buildAccount({ orgId: org.id });
    const member = buildMembership({ orgId: org.id, accountId: ana.id });
    const event = buildAuditEvent({ orgId: org.id });
    const message = buildOutboxMessage({ orgId: org.id });
    const failure = new Error('the command failed after writing');
    const outcome = await store
      .transaction(async (tx) => {
        await tx.organizations.insert(org);
        await tx.accounts.insert(ana);
        await tx.memberships.insert(member);
        await tx.auditEvents.append(event);
        await tx.outbox.append(message);
        await tx.accounts.update({ ...kept, firstName: 'Changed' });
        await tx.accounts.setLastSeen('org_a', kept.id, new Date('2026-05-01T00:00:00.000Z'));
        throw failure;
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(outcome).toBe(failure);
    expect(await raw.organization(org.id)).toBeUndefined();
    expect(await raw.account(org.id, ana.id)).toBeUndefined();
    expect(await raw.membership(org.id, member.id)).toBeUndefined();
    expect(await raw.auditEvents(org.id)).toEqual([]);
    expect(await raw.outbox()).toEqual([]);
    expect(await raw.account('org_a', kept.id)).toEqual(kept);
    // Nor is anything of it visible through the store, indexes included.
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail(org.id, ana.email)),
    ).toBeUndefined();
    expect(
      await store.transaction((tx) => tx.memberships.find(org.id, ana.id, member.spaceId)),
    ).toBe(undefined);
    await store.transaction((tx) => tx.accounts.insert({ ...ana, id: `${ana.id}_again` }));
  });

  test('Transaction: reads see the transaction’s own writes', async ({ store }) => {
    const ana = buildAccount({ orgId: 'org_a', email: 'ana@acme.io' });
    const bo = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insert(bo));
    await store.transaction(async (tx) => {
      await tx.accounts.insert(ana);
      expect(await tx.accounts.get('org_a', ana.id)).toEqual(ana);
      expect(await tx.accounts.findByEmail('org_a', 'ana@acme.io')).toEqual(ana);
      const renamed = await tx.accounts.update({ ...ana, firstName: 'Anna' });
      expect(await tx.accounts.get('org_a', ana.id)).toEqual(renamed);
      await tx.accounts.delete('org_a', bo.id, 1);
      expect(await tx.accounts.get('org_a', bo.id)).toBeUndefined();
      const page = await tx.accounts.list({
        orgId: 'org_a',
        readFilter: matchAll,
        sort: { field: 'email', direction: 'asc' },
        limit: 10,
      });
      expect(page.items).toEqual([renamed]);
      expect(page.total).toBe(1);
    });
  });

  test('Transaction: a later transaction sees the committed writes of an earlier one', async ({
    store,
  }) => {
    const ana = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    const read = await store.transaction((tx) => tx.accounts.get('org_a', ana.id));
    expect(read).toEqual(ana);
  });

  test('Transaction: two racing updates of one row from the same version: exactly one wins', async ({
    store,
    raw,
  }) => {
    const ana = buildAccount({ orgId: 'org_a', firstName: 'Ana' });
    await store.transaction((tx) => tx.accounts.insert(ana));
    const edit = (firstName: string) =>
      store.transaction(async (tx) => {
        const current = await tx.accounts.get('org_a', ana.id);
        await yieldToOthers();
        // Both started from version 1; whoever writes second is stale.
        return tx.accounts.update({ ...(current ?? ana), version: 1, firstName });
      });
    const results = await Promise.allSettled([edit('First'), edit('Second')]);
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    await expectRosterError(Promise.reject(lost[0]), 'CONFLICT', { reason: 'stale-version' });
    expect(won[0]?.version).toBe(2);
    expect(await raw.account('org_a', ana.id)).toEqual(won[0]);
  });
};
