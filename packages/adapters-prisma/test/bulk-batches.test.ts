import { randomUUID } from 'node:crypto';
import { buildAccount, buildMembership } from '@rosterkit/conformance';
import { type Account, createRoster, type Roster } from '@rosterkit/core';
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
      emails = Array.from({ length: rows }, (_, i) => `agent${i}@acme.io`);
      const accounts = emails.map((email) => buildAccount({ orgId: organization.id, email }));
      const memberships = accounts.map((account) =>
        buildMembership({
          orgId: organization.id,
          accountId: account.id,
          spaceId: organization.defaultSpaceId,
        }),
      );
      await store.transaction(async (tx) => {
        await tx.accounts.insertMany(accounts);
        await tx.memberships.insertMany(memberships);
      });
    }, 60_000);
    afterAll(async () => {
      await client?.$disconnect();
      await db?.drop();
    });

    it('insertMany stores every value as given: shared and varying dates, nulls, text, profiles', async () => {
      const orgId = admin.actor.orgId;
      const base = Date.UTC(2026, 0, 15, 9, 30, 0, 123);
      const made = (i: number, lastSeenAt: Date | null): Account => ({
        id: randomUUID(),
        orgId,
        email: `row${i}.${randomUUID()}@acme.io`,
        externalId: i % 2 === 0 ? null : `ext-${i}-ü-\u{1F600}`,
        firstName: `Zoë "${i}"`,
        lastName: "O'Brien\\",
        status: 'pending',
        profile: { site: i % 2 === 0 ? null : 'north', extension: i, remote: i % 3 === 0 },
        lastSeenAt,
        createdAt: new Date(base),
        updatedAt: new Date(base),
        version: 1,
      });
      // The same dates in every row (bound once), then dates that differ.
      const shared = Array.from({ length: 3 }, (_, i) => made(i, null));
      const varying = Array.from({ length: 3 }, (_, i) => made(i + 3, new Date(base + i * 1000)));
      const store = prismaStore(client);
      for (const batch of [shared, varying]) {
        await store.transaction((tx) => tx.accounts.insertMany(batch));
        const read = await store.transaction((tx) =>
          tx.accounts.getMany(
            orgId,
            batch.map((account) => account.id),
          ),
        );
        const byId = new Map(read.map((account) => [account.id, account]));
        expect(batch.map((account) => byId.get(account.id))).toEqual(batch);
      }
    });

    it('bulkUpdate changes 500 roles in one batch', async () => {
      const report = await admin.bulkUpdate(emails.map((email) => ({ email, role: 'manager' })));
      expect(report.counts).toEqual({ created: 0, updated: rows, unchanged: 0, failed: 0 });
      expect(await client.rosterkitMembership.count({ where: { role: 'manager' } })).toBe(rows);
    }, 60_000);
  });
}
