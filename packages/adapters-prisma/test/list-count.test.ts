import { createRoster, type Roster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaStore, type RosterkitProvider } from '../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';

// A list's total is taken on the narrowest table that answers it: a team's
// count (by role or not) is a count of memberships, and accounts are joined
// only when an account-level criterion applies. Checked on the SQL each
// provider is sent (Prisma's query events), not on timings.

const providers: RosterkitProvider[] = ['postgresql', 'mysql', 'sqlite'];

describe.each(providers)('list counts on %s', (provider) => {
  let db: TestDatabase;
  let client: TestClient;
  let sent: string[] = [];
  let admin: ReturnType<Roster['as']>;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    // Prisma's query event carries the statement's SQL.
    const listener = (event: { query: string }) => sent.push(event.query);
    client = db.connect(listener as unknown as () => void);
    const roster = createRoster({
      store: prismaStore(client),
      policy: createPolicy(presets.contactCenter),
    });
    const { organization, owner } = await roster.createOrganization({
      name: 'Acme',
      owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
    });
    admin = roster.as({ accountId: owner.id, orgId: organization.id });
    for (let i = 0; i < 3; i += 1) {
      const { token } = await admin.invite({ email: `p${i}@acme.io`, role: 'agent' });
      await roster.acceptInvitation({ token, firstName: 'P', lastName: `${i}` });
    }
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  /** The counting statements a list sends, and its total. */
  async function counts(list: () => Promise<{ total: number | null }>) {
    sent = [];
    const { total } = await list();
    return { total, counts: sent.filter((sql) => /count\s*\(/i.test(sql)) };
  }
  const readsAccounts = (sql: string) => /rosterkit_accounts/.test(sql);

  it('counts a team, by role or not, on memberships alone', async () => {
    for (const input of [{}, { roles: ['agent'] }]) {
      const { total, counts: sql } = await counts(() => admin.listMembers(input));
      expect(total).toBe(input.roles === undefined ? 4 : 3);
      expect(sql).toHaveLength(1);
      expect(sql.filter(readsAccounts), JSON.stringify(input)).toEqual([]);
    }
  });

  it('counts a team on the columns of its index, not the id', async () => {
    // Prisma counts a subquery selecting a column: the id is in no index of
    // memberships on SQLite (its indexes hold the rowid), so each row was read.
    const { counts: sql } = await counts(() => admin.listMembers({ roles: ['agent'] }));
    expect(sql).toHaveLength(1);
    expect(sql[0], sql[0]).not.toMatch(/rosterkit_memberships[`"]?\.[`"]?id[`"]/);
  });

  it("sends an administrator's read filter as what it is in the organization: nothing", async () => {
    // The owner may read every account of the organization: the page and the
    // count test the team membership once, and no read-filter clause.
    for (const input of [{}, { search: 'p' }]) {
      sent = [];
      await admin.listMembers(input);
      // The page (ordered) and a count of accounts, not the actor's own load
      // (one statement from the organization, see actor-rows-sql.ts).
      const reads = sent.filter(
        (sql) =>
          /rosterkit_accounts/.test(sql) &&
          !/rosterkit_organizations/.test(sql) &&
          /ORDER BY|COUNT\s*\(/i.test(sql),
      );
      expect(reads.length, JSON.stringify(input)).toBe(input.search === undefined ? 1 : 2);
      for (const sql of reads) {
        expect(sql.match(/FROM [`"\w.]*rosterkit_memberships/g) ?? [], sql).toHaveLength(1);
      }
    }
  });

  it('joins accounts when an account-level criterion applies', async () => {
    for (const input of [{ statuses: ['active' as const] }, { search: 'p' }]) {
      const { total, counts: sql } = await counts(() => admin.listMembers(input));
      expect(total).toBe(input.search === undefined ? 4 : 3);
      expect(sql.filter(readsAccounts)).toHaveLength(1);
    }
  });

  it.runIf(provider !== 'postgresql')(
    "counts without Prisma's derived table on MariaDB and SQLite (which do not flatten it)",
    async () => {
      for (const input of [
        { search: 'p' },
        { statuses: ['active' as const], roles: ['agent'] },
        { roles: ['agent'] },
      ]) {
        const { total, counts: sql } = await counts(() => admin.listMembers(input));
        expect(total).toBe(3);
        expect(sql).toHaveLength(1);
        expect(sql[0], sql[0]).not.toMatch(/FROM\s*\(/i);
      }
    },
  );

  it("sends no count for total 'none'", async () => {
    const { total, counts: sql } = await counts(() => admin.listMembers({ total: 'none' }));
    expect(total).toBeNull();
    expect(sql).toEqual([]);
  });
});
