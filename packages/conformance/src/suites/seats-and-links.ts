import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError, meetingPoint } from '../conformance-context.js';
import {
  buildAccount,
  buildAuditEvent,
  buildInvitation,
  buildMembership,
  buildOrganization,
} from '../fixtures.js';

// The port methods of issue 14: accounts by the host's id (unique per
// organization, enforced by the store), the seats' count that holds until
// its transaction ends, and audit pages about several records at once.

const minute = 60_000;
const base = Date.UTC(2026, 0, 1);

/** How long a racing transaction waits for the other at the meeting point. */
const meetingMs = 1_000;

/** Accounts' externalId, countSeats, and auditEvents.list by targets. */
export const seatsAndLinksSuite: ConformanceSuite = (test) => {
  test('Account: findByExternalId finds the account of that organization only, compared exactly', async ({
    store,
  }) => {
    const ana = buildAccount({ orgId: 'org_a', externalId: 'auth0|Ana' });
    const bo = buildAccount({ orgId: 'org_a' });
    await store.transaction((tx) => tx.accounts.insertMany([ana, bo]));
    const find = (orgId: string, id: string) =>
      store.transaction((tx) => tx.accounts.findByExternalId(orgId, id));
    expect(await find('org_a', 'auth0|Ana')).toEqual(ana);
    expect(await find('org_a', 'auth0|ana')).toBeUndefined();
    expect(await find('org_a', 'auth0|An')).toBeUndefined();
    expect(await find('org_b', 'auth0|Ana')).toBeUndefined();
  });

  test('Account: an externalId is unique in its organization (insert, insertMany, update); any number have none', async ({
    store,
    raw,
  }) => {
    const ana = buildAccount({ orgId: 'org_a', externalId: 'u-1' });
    const none = [buildAccount({ orgId: 'org_a' }), buildAccount({ orgId: 'org_a' })];
    const elsewhere = buildAccount({ orgId: 'org_b', externalId: 'u-1' });
    await store.transaction((tx) => tx.accounts.insertMany([ana, ...none]));
    await store.transaction((tx) => tx.accounts.insert(elsewhere));
    const twin = buildAccount({ orgId: 'org_a', externalId: 'u-1' });
    for (const write of [
      () => store.transaction((tx) => tx.accounts.insert(twin)),
      () => store.transaction((tx) => tx.accounts.insertMany([twin])),
      () =>
        store.transaction((tx) =>
          tx.accounts.update({ ...(none[0] as typeof ana), externalId: 'u-1' }),
        ),
    ]) {
      await expectRosterError(write(), 'CONFLICT', { subject: 'Account', reason: 'unique' });
    }
    expect(await raw.account('org_a', twin.id)).toBeUndefined();
    expect(await raw.account('org_a', none[0]?.id as string)).toEqual(none[0]);
    const linked = await store.transaction((tx) =>
      tx.accounts.update({ ...(none[1] as typeof ana), externalId: 'u-2' }),
    );
    expect(await raw.account('org_a', linked.id)).toEqual(linked);
    expect(linked.externalId).toBe('u-2');
  });

  test('Organization: countSeats counts active accounts with a current membership, and pending invitations, of that organization only', async ({
    store,
  }) => {
    const org = buildOrganization({ id: 'org_a' });
    const member = buildAccount({ orgId: 'org_a' });
    const twoSpaces = buildAccount({ orgId: 'org_a' });
    const former = buildAccount({ orgId: 'org_a' });
    const deactivated = buildAccount({ orgId: 'org_a', status: 'deactivated' });
    const pending = buildAccount({
      orgId: 'org_a',
      status: 'pending',
      firstName: '',
      lastName: '',
    });
    const other = buildAccount({ orgId: 'org_b' });
    await store.transaction(async (tx) => {
      await tx.organizations.insert(org);
      await tx.accounts.insertMany([member, twoSpaces, former, deactivated, pending]);
      await tx.accounts.insert(other);
      await tx.memberships.insertMany([
        buildMembership({ orgId: 'org_a', accountId: member.id, spaceId: 'spc_1' }),
        buildMembership({ orgId: 'org_a', accountId: twoSpaces.id, spaceId: 'spc_1' }),
        buildMembership({ orgId: 'org_a', accountId: twoSpaces.id, spaceId: 'spc_2' }),
        buildMembership({
          orgId: 'org_a',
          accountId: former.id,
          spaceId: 'spc_1',
          state: 'account-only',
        }),
        buildMembership({ orgId: 'org_a', accountId: deactivated.id, spaceId: 'spc_1' }),
      ]);
      await tx.memberships.insert(
        buildMembership({ orgId: 'org_b', accountId: other.id, spaceId: 'spc_9' }),
      );
      await tx.invitations.insertMany([
        buildInvitation({ orgId: 'org_a', accountId: pending.id }),
        buildInvitation({ orgId: 'org_a', status: 'accepted' }),
        buildInvitation({ orgId: 'org_a', status: 'revoked' }),
        buildInvitation({ orgId: 'org_a', expiresAt: new Date(0) }),
      ]);
      await tx.invitations.insert(buildInvitation({ orgId: 'org_b' }));
    });
    expect(await store.transaction((tx) => tx.organizations.countSeats('org_a'))).toEqual({
      activeMembers: 2,
      pendingInvitations: 2,
    });
    expect(await store.transaction((tx) => tx.organizations.countSeats('org_none'))).toEqual({
      activeMembers: 0,
      pendingInvitations: 0,
    });
    // Counting changes nothing, the organization's version included.
    expect(await store.transaction((tx) => tx.organizations.get('org_a'))).toEqual(org);
  });

  test('Transaction: two transactions that count seats, then take the last one, racing, never both commit', async ({
    store,
    raw,
  }) => {
    await store.transaction((tx) => tx.organizations.insert(buildOrganization({ id: 'org_a' })));
    const meet = meetingPoint(2, meetingMs);
    // A cap of one pending invitation: each counts, meets the other, and
    // invites when the count leaves room, as `invite` does.
    const take = () =>
      store.transaction(async (tx) => {
        const { pendingInvitations } = await tx.organizations.countSeats('org_a');
        await meet();
        if (pendingInvitations >= 1) return 'refused';
        await tx.invitations.insert(buildInvitation({ orgId: 'org_a' }));
        return 'taken';
      });
    const results = await Promise.allSettled([take(), take()]);
    const taken = results.filter((r) => r.status === 'fulfilled' && r.value === 'taken');
    expect(taken).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        // Only a store that gave up retrying may fail the loser.
        await expectRosterError(Promise.reject(result.reason), 'CONFLICT');
      }
    }
    const stored = await store.transaction((tx) => tx.organizations.countSeats('org_a'));
    expect(stored.pendingInvitations).toBe(1);
    expect((await raw.organization('org_a'))?.version).toBe(1);
  });

  test('AuditEvent: list by targets pages the events about any of them in one cursor; 0 or over 100 targets is INVALID_INPUT', async ({
    store,
  }) => {
    const account = { type: 'Account' as const, id: 'acc_1' };
    const membership = { type: 'Membership' as const, id: 'mem_1' };
    const at = (n: number) => new Date(base + n * minute);
    const events = [
      buildAuditEvent({ id: 'aud_1', orgId: 'org_a', target: account, at: at(0) }),
      buildAuditEvent({ id: 'aud_2', orgId: 'org_a', target: membership, at: at(1) }),
      buildAuditEvent({ id: 'aud_3', orgId: 'org_a', at: at(2) }),
      buildAuditEvent({ id: 'aud_4', orgId: 'org_a', target: account, at: at(3) }),
      buildAuditEvent({ id: 'aud_5', orgId: 'org_a', target: membership, at: at(3) }),
      buildAuditEvent({ id: 'aud_6', orgId: 'org_b', target: account, at: at(4) }),
    ];
    await store.transaction((tx) => tx.auditEvents.appendMany(events));
    const pages: string[][] = [];
    let cursor: string | undefined;
    let total = -1;
    for (let i = 0; i < 10; i += 1) {
      const page = await store.transaction((tx) =>
        tx.auditEvents.list({
          orgId: 'org_a',
          // A target named twice counts once.
          targets: [account, membership, account],
          limit: 2,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
      pages.push(page.items.map((event) => event.id));
      total = page.total;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(pages).toEqual([
      ['aud_5', 'aud_4'],
      ['aud_2', 'aud_1'],
    ]);
    expect(total).toBe(4);
    const many = Array.from({ length: 101 }, (_, i) => ({ type: 'Account' as const, id: `a${i}` }));
    for (const targets of [[], many]) {
      await expectRosterError(
        store.transaction((tx) => tx.auditEvents.list({ orgId: 'org_a', targets, limit: 10 })),
        'INVALID_INPUT',
      );
    }
  });
};
