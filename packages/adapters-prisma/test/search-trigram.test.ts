import { PrismaPg } from '@prisma/adapter-pg';
import { createRoster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, prismaStore } from '../src/index.js';
import { PrismaClient as PostgresClient } from './generated/postgresql/client/client.js';
import {
  createTestDatabase,
  postgresUrl,
  type TestClient,
  type TestDatabase,
} from './support/databases.js';

// On PostgreSQL a search is served by the pg_trgm GIN indexes of the
// migrations: the statements the adapter sends for a searched page can use
// them (EXPLAIN, with sequential scans priced out so that the small test
// table does not decide the plan). And a role that may not create the
// extension gets rosterkit's error, not a bare permission failure.

interface QueryEvent {
  readonly query: string;
  readonly params: string;
}

describe('search by trigram index on PostgreSQL', () => {
  let db: TestDatabase;
  let client: TestClient;
  let sent: QueryEvent[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    client = db.connect(((event: QueryEvent) => sent.push(event)) as unknown as () => void);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  it("a searched page's count and rows use the trigram indexes", async () => {
    const roster = createRoster({
      store: prismaStore(client),
      policy: createPolicy(presets.contactCenter),
    });
    const { organization, owner } = await roster.createOrganization({
      name: 'Acme',
      owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Marsh' },
    });
    const admin = roster.as({ accountId: owner.id, orgId: organization.id });
    // 5,000 other accounts of the organization (All Users is searched): its
    // indexes select them all, only the trigrams select the one searched for.
    await client.$executeRawUnsafe(
      `INSERT INTO rosterkit_accounts (id, "orgId", email, "firstName", "lastName", "firstNameKey", "lastNameKey", "nameSearch", "emailSearch", status, "profileJson", "createdAt", "updatedAt", version)
       SELECT 'acc_' || n, $1, 'p' || n || '@acme.io', 'P', 'Q' || n, 'p', 'q' || n, 'p q' || n, 'p' || n || '@acme.io', 'active', '{}', now(), now(), 1
         FROM generate_series(1, 5000) AS n`,
      organization.id,
    );
    // VACUUM merges the GIN pending list, as autovacuum does on a live database.
    await client.$executeRawUnsafe('VACUUM ANALYZE rosterkit_accounts');
    sent = [];
    const page = await admin.listAccounts({ search: 'marsh' });
    expect(page.total).toBe(1);
    const searched = sent.filter((event) => /LIKE/i.test(event.query));
    expect(searched.length).toBeGreaterThanOrEqual(2); // the count and the page
    for (const event of searched) {
      const plan = await client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        return (await tx.$queryRawUnsafe(
          `EXPLAIN ${event.query}`,
          ...(JSON.parse(event.params) as unknown[]),
        )) as { 'QUERY PLAN': string }[];
      });
      const text = plan.map((row) => row['QUERY PLAN']).join('\n');
      expect(text, text).toContain('rosterkit_accounts_nameSearch_trgm_idx');
      expect(text, text).toContain('rosterkit_accounts_emailSearch_trgm_idx');
    }
  });
});

describe('pg_trgm when the role may not create it', () => {
  const name = `i18_noext_${Date.now().toString(36)}`;
  const role = `${name}_role`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE ROLE "${role}" LOGIN`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
  });

  it("stops at the trigram migration with rosterkit's message and hint", async () => {
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    // May create tables in the schema, not extensions in the database.
    await owner.query(`GRANT ALL ON SCHEMA public TO "${role}"`);
    await owner.end();
    url.username = role;
    const prisma = new PostgresClient({
      adapter: new PrismaPg({ connectionString: url.toString() }),
    });
    try {
      await expect(applyMigrations(prisma, { provider: 'postgresql' })).rejects.toThrow(
        /20261203040000_rosterkit_search_trigram needs the pg_trgm extension/,
      );
    } finally {
      await prisma.$disconnect();
    }
  });
});
