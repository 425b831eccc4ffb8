import { randomUUID } from 'node:crypto';
import { type Account, createRoster, type Membership, type Roster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaStore } from '../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';

// A bulk batch of the default size (500 rows) binds more values than SQLite
// lets Prisma put in one statement (999) when each row binds several: the
// batch writes must split their statements, on every provider.

const rows = 500;

for (const provider of ['sqlite', 'postgresql'] as const) {
  describe(`a full bulk batch on ${provider}`, () => {
    let db: TestDatabase;
    let client: TestClient;
    let roster: Roster;
    let admin: ReturnType<Roster['as']>;
    let emails: string[];

    beforeAll(async () => {
      db = await createTestDatabase(provider, { prefix: 'rk_bulkbatch' });
      client = db.connect();
      const store = prismaStore(client);
      roster = createRoster({ store, policy: createPolicy(presets.contactCenter) });
      const { organization, owner } = await roster.createOrganization({
        name: 'Acme',
        owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
      });
      admin = roster.as({ accountId: owner.id, orgId: organization.id });
      const now = new Date();
      emails = Array.from({ length: rows }, (_, i) => `agent${i}@acme.io`);
      const accounts: Account[] = emails.map((email, i) => ({
        id: randomUUID(),
        orgId: organization.id,
        email,
        externalId: null,
        firstName: 'Agent',
        lastName: `${i}`,
        status: 'active',
        profile: {},
        lastSeenAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      }));
      const memberships: Membership[] = accounts.map((account) => ({
        id: randomUUID(),
        orgId: organization.id,
        accountId: account.id,
        spaceId: organization.defaultSpaceId,
        state: 'member',
        role: 'agent',
        restrictions: [],
        groupIds: [],
        managerId: null,
        periods: [{ startedAt: now, endedAt: null, role: 'agent' }],
        version: 1,
      }));
      await store.transaction(async (tx) => {
        await tx.accounts.insertMany(accounts);
        await tx.memberships.insertMany(memberships);
      });
    }, 60_000);
    afterAll(async () => {
      await client?.$disconnect();
      await db?.drop();
    });

    it('bulkUpdate changes 500 roles in one batch', async () => {
      const report = await admin.bulkUpdate(emails.map((email) => ({ email, role: 'manager' })));
      expect(report.counts).toEqual({ created: 0, updated: rows, unchanged: 0, failed: 0 });
      expect(await client.rosterkitMembership.count({ where: { role: 'manager' } })).toBe(rows);
    }, 60_000);
  });
}
