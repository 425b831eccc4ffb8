import { RosterError } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { meetingPoint } from '../conformance-context.js';
import { buildAccount, buildMembership } from '../fixtures.js';

// Two transactions that each read what the other is about to write, then
// write rows the other did not touch: a write skew. No version check sees
// it, since neither row is written twice; only transactions that behave as if
// run one after the other (SERIALIZABLE on PostgreSQL, locking reads on
// MySQL, one writer at a time in SQLite or the memory store) do. At READ
// COMMITTED both commit and the invariant breaks: DESIGN rule 7, a manager
// with a direct report deactivated.

/** How long a transaction waits at the meeting point for the other one. */
const meetingMs = 1_000;

/** What a racing transaction throws when its check fails, as a command would refuse. */
class Refused extends Error {}

/** Races that only serializable transactions survive. */
export const writeSkewSuite: ConformanceSuite = (test) => {
  test('Transaction: write skew: deactivating a manager and assigning them a report, racing, never both commit', async ({
    store,
    raw,
  }) => {
    const manager = buildAccount({ orgId: 'org_a', firstName: 'Manager' });
    const report = buildAccount({ orgId: 'org_a', firstName: 'Report' });
    const managerMembership = buildMembership({
      orgId: 'org_a',
      accountId: manager.id,
      spaceId: 'spc_team',
    });
    const reportMembership = buildMembership({
      orgId: 'org_a',
      accountId: report.id,
      spaceId: 'spc_team',
    });
    await store.transaction(async (tx) => {
      await tx.accounts.insertMany([manager, report]);
      await tx.memberships.insertMany([managerMembership, reportMembership]);
    });
    const meet = meetingPoint(2, meetingMs);

    // Each checks the invariant (rule 7: no deactivated manager with a
    // report) on rows the other writes, meets the other, then writes.
    const deactivate = store.transaction(async (tx) => {
      const reports = await tx.memberships.listReports('org_a', manager.id);
      await meet();
      if (reports.length > 0) throw new Refused('The manager has a report.');
      const stored = await tx.accounts.get('org_a', manager.id);
      if (stored === undefined) throw new Error('the manager vanished');
      await tx.accounts.update({ ...stored, status: 'deactivated' });
      return 'deactivated';
    });
    const assign = store.transaction(async (tx) => {
      const boss = await tx.accounts.get('org_a', manager.id);
      await meet();
      if (boss?.status !== 'active') throw new Refused('The manager is not active.');
      const stored = await tx.memberships.find('org_a', report.id, 'spc_team');
      if (stored === undefined) throw new Error('the membership vanished');
      await tx.memberships.update({ ...stored, managerId: manager.id });
      return 'assigned';
    });
    const results = await Promise.allSettled([deactivate, assign]);

    const storedManager = await raw.account('org_a', manager.id);
    const storedReport = await raw.membership('org_a', reportMembership.id);
    const outcome = `the manager is ${storedManager?.status} and the report's manager is ${storedReport?.managerId === manager.id ? 'that manager' : 'nobody'}`;
    expect(
      storedManager?.status === 'deactivated' && storedReport?.managerId === manager.id,
      `both transactions committed: ${outcome}`,
    ).toBe(false);
    // One wins; the other saw its write (and refused) or gave up as a CONFLICT.
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(
      lost[0] instanceof Refused || RosterError.isInstance(lost[0], 'CONFLICT'),
      String(lost[0]),
    ).toBe(true);
    if (won[0] === 'deactivated') {
      expect(storedManager?.status).toBe('deactivated');
      expect(storedReport?.managerId).toBeNull();
    } else {
      expect(storedManager?.status).toBe('active');
      expect(storedReport?.managerId).toBe(manager.id);
    }
  });
};
