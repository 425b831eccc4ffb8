import {
  type BulkImportRow,
  createRoster,
  matchAll,
  type Policy,
  type PolicyRequest,
  type RoleCatalog,
} from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index.js';

// A bulk import asks the Policy about an invitation once per space, role and
// restrictions in a batch, however many rows share them: a spy Policy counts.

const roles: RoleCatalog = {
  ownerRole: { name: 'owner' },
  roles: [{ name: 'owner' }, { name: 'admin' }, { name: 'lead' }, { name: 'agent' }],
};

/** Allows everything but inviting admins; counts the requests by action. */
function spyPolicy(): { policy: Policy; calls: PolicyRequest[] } {
  const calls: PolicyRequest[] = [];
  const policy: Policy = {
    roles,
    check(request) {
      calls.push(request);
      const refused = request.action === 'invite' && request.subject.role === 'admin';
      return refused ? { allowed: false, reason: 'No admins by import.' } : { allowed: true };
    },
    readFilter: () => matchAll,
  };
  return { policy, calls };
}

/** `n` rows over 2 spaces × 3 roles (one refused), a few with restrictions. */
function rowsOf(n: number): BulkImportRow[] {
  const rolesUsed = ['agent', 'lead', 'admin'];
  return Array.from({ length: n }, (_, i) => ({
    email: `person${i}@acme.io`,
    role: rolesUsed[i % 3] as string,
    ...(i % 2 === 0 ? {} : { space: 'North' }),
    ...(i % 5 === 0 ? { restrictions: ['no-export'] } : {}),
  }));
}

/** The Policy requests of one bulk import of `n` rows (the setup's not counted). */
async function importCalls(n: number, batchSize: number): Promise<PolicyRequest[]> {
  const { policy, calls } = spyPolicy();
  const roster = createRoster({ store: memoryStore(), policy });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    plan: 'pro',
    owner: { email: 'olga@acme.io', firstName: 'Olga', lastName: 'Owner' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  await admin.createSpace({ name: 'North' });
  calls.length = 0;
  const report = await admin.bulkImport(rowsOf(n), { batchSize });
  // Every admin row refused at its role; the rest created.
  expect(report.counts).toEqual({
    created: n - Math.floor(n / 3),
    updated: 0,
    unchanged: 0,
    failed: Math.floor(n / 3),
  });
  for (const row of report.rows.filter((r) => r.status === 'failed')) {
    expect(row.error).toMatchObject({ code: 'FORBIDDEN', column: 'role' });
  }
  return calls;
}

describe('bulkImport and the Policy', () => {
  it('asks about each (space, role, restrictions) once per batch, whatever the number of rows', async () => {
    const few = await importCalls(30, 500);
    const many = await importCalls(300, 500);
    const invites = (calls: PolicyRequest[]) => calls.filter((call) => call.action === 'invite');
    // 2 spaces × 3 roles × with or without restrictions, plus the refused
    // rows' question of which column to blame (other roles, other spaces).
    expect(invites(many).length).toBe(invites(few).length);
    expect(many.length).toBe(few.length);
    // 12 invitations to decide, and for each refused space one question
    // (the owner role there: allowed, so the column is `role`).
    expect(invites(many).length).toBeLessThanOrEqual(14);
  });

  it('asks again in each batch: the count grows with the batches, not the rows', async () => {
    const oneBatch = await importCalls(120, 120);
    const twoBatches = await importCalls(120, 60);
    const invites = (calls: PolicyRequest[]) => calls.filter((call) => call.action === 'invite');
    expect(invites(twoBatches).length).toBe(2 * invites(oneBatch).length);
  });
});
