import { matchAll } from '@rosterkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaStore } from '../src/index.js';
import { migrationStatements } from '../src/migrations.js';
import { searchKey } from '../src/search-key.js';
import {
  createTestDatabase,
  type TestClient,
  type TestDatabase,
  tables,
} from './support/databases.js';
import { migrationsAround } from './support/migrations-around.js';

// The migration that made search literal rewrites the name keys and fills the
// new email keys of rows written before it: in SQL, the same keys the
// adapter makes in JavaScript.

const literalSearch = '20261124120000_rosterkit_literal_search';
const legacy = [
  { id: 'acc_1', email: 'a_b@acme.io', first: 'Ann', last: 'Per%cent' },
  { id: 'acc_2', email: 'c\\at@acme.io', first: 'Cat', last: 'Back\\slash' },
  { id: 'acc_3', email: 'x%y@acme.io', first: 'Zoë', last: 'Ng' },
  { id: 'acc_4', email: 'plain@acme.io', first: 'Bo', last: 'Li' },
];
// The account columns before the migration.
const columns = [
  'id',
  'orgId',
  'email',
  'firstName',
  'lastName',
  'firstNameKey',
  'lastNameKey',
  'nameSearch',
  'status',
  'profileJson',
  'createdAt',
  'updatedAt',
  'version',
];

describe.each(['sqlite', 'postgresql', 'mysql'] as const)(
  'literal search migration: %s',
  (provider) => {
    let db: TestDatabase;
    let client: TestClient;
    const q = (name: string) => (provider === 'mysql' ? `\`${name}\`` : `"${name}"`);
    const mark = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');
    const run = async (sql: string) => {
      for (const statement of migrationStatements(sql)) await client.$executeRawUnsafe(statement);
    };

    beforeAll(async () => {
      db = await createTestDatabase(provider);
      client = db.connect();
      // Back to the tables before the migration, holding rows written then.
      for (const table of [...tables, 'rosterkit_migrations'])
        await client.$executeRawUnsafe(`DROP TABLE ${q(table)}`);
      const { before, from } = migrationsAround(provider, literalSearch);
      for (const migration of before) await run(migration.sql);
      const when = new Date('2026-11-20T10:00:00.000Z');
      for (const row of legacy) {
        // The keys as the adapter wrote them then: lower-cased, nothing replaced.
        const values = [
          row.id,
          'org_1',
          row.email,
          row.first,
          row.last,
          row.first.toLowerCase(),
          row.last.toLowerCase(),
          `${row.first} ${row.last}`.toLowerCase(),
          'active',
          '{}',
          when,
          when,
          1,
        ];
        await client.$executeRawUnsafe(
          `INSERT INTO ${q('rosterkit_accounts')} (${columns.map(q).join(', ')}) VALUES (${values.map((_, i) => mark(i + 1)).join(', ')})`,
          ...values,
        );
      }
      for (const migration of from) await run(migration.sql);
    });
    afterAll(async () => {
      await client?.$disconnect();
      await db?.drop();
    });

    it('rewrites every row to the keys the adapter makes', async () => {
      const rows = (await client.rosterkitAccount.findMany({ orderBy: { id: 'asc' } })) as {
        id: string;
        nameSearch: string;
        emailSearch: string;
      }[];
      expect(
        rows.map(({ id, nameSearch, emailSearch }) => ({ id, nameSearch, emailSearch })),
      ).toEqual(
        legacy.map((row) => ({
          id: row.id,
          nameSearch: searchKey(`${row.first} ${row.last}`),
          emailSearch: searchKey(row.email),
        })),
      );
    });

    it('after it, old rows are found literally', async () => {
      const store = prismaStore(client);
      const search = async (text: string) =>
        (
          await store.transaction((tx) =>
            tx.accounts.list({
              orgId: 'org_1',
              readFilter: matchAll,
              sort: { field: 'email', direction: 'asc' },
              limit: 10,
              search: text,
            }),
          )
        ).items.map((account) => account.id);
      expect(await search('%')).toEqual(['acc_1', 'acc_3']);
      expect(await search('_')).toEqual(['acc_1']);
      expect(await search('\\')).toEqual(['acc_2']);
      expect(await search('zoë')).toEqual(['acc_3']);
    });
  },
);
