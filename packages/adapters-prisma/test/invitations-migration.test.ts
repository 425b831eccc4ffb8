import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, prismaStore } from '../src/index.js';
import { applyMigrationList } from '../src/migrations.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';
import { indexesOf } from './support/indexes.js';
import { migrationsAround } from './support/migrations-around.js';
import { sqlRawReaders } from './support/raw-readers.js';

// A host with invitations upgrades: the invitations migration gives every
// existing invitation no restrictions, adds the list's indexes, and the store
// reads, lists and writes them.

const invitations = '20261203000000_rosterkit_invitations_and_structure';
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 9, 0, 0, 0));

describe.each(['sqlite', 'postgresql', 'mysql'] as const)(
  'invitations migration: %s',
  (provider) => {
    let db: TestDatabase;
    let client: TestClient;
    beforeAll(async () => {
      db = await createTestDatabase(provider, { migrate: false });
      client = db.connect();
    });
    afterAll(async () => {
      await client?.$disconnect();
      await db?.drop();
    });

    it('keeps every invitation, with no restrictions, and the store lists and writes them', async () => {
      const { before, from } = migrationsAround(provider, invitations);
      await applyMigrationList(client, provider, before);
      const q = (name: string) => (provider === 'mysql' ? `\`${name}\`` : `"${name}"`);
      const p = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');
      const columns = [
        'id',
        'orgId',
        'accountId',
        'spaceId',
        'email',
        'role',
        'groupIdsJson',
        'managerId',
        'invitedBy',
        'tokenHash',
        'status',
        'expiresAt',
        'createdAt',
        'version',
      ];
      const insert = `INSERT INTO ${q('rosterkit_invitations')} (${columns.map(q).join(', ')}) VALUES (${columns.map((_, i) => p(i + 1)).join(', ')})`;
      for (const [id, day, status] of [
        ['inv_old', 1, 'accepted'],
        ['inv_new', 2, 'pending'],
      ] as const) {
        await client.$executeRawUnsafe(
          insert,
          id,
          'org_1',
          `acc_${id}`,
          'spc_1',
          `${id}@acme.io`,
          'agent',
          '["grp_1"]',
          null,
          'acc_0',
          id.padEnd(64, 'x'),
          status,
          at(day + 7),
          at(day),
          1,
        );
      }
      expect(await applyMigrations(client, { provider })).toEqual({
        applied: from.map((m) => m.name),
        skipped: before.map((m) => m.name),
      });
      const raw = sqlRawReaders(client, provider);
      expect(await raw.invitation('org_1', 'inv_new')).toMatchObject({
        restrictions: [],
        groupIds: ['grp_1'],
        status: 'pending',
      });
      const names = (await indexesOf(client, provider, 'rosterkit_invitations')).map((i) => i.name);
      expect(names).toContain('rosterkit_invitations_orgId_createdAt_id_idx');
      expect(names).toContain('rosterkit_invitations_orgId_spaceId_createdAt_id_idx');

      const store = prismaStore(client);
      const page = await store.transaction((tx) =>
        tx.invitations.list({ orgId: 'org_1', now: at(3), limit: 10 }),
      );
      expect(page.items.map((row) => [row.id, row.restrictions])).toEqual([
        ['inv_new', []],
        ['inv_old', []],
      ]);
      const [newest] = page.items;
      if (newest === undefined) throw new Error('no invitation');
      await store.transaction((tx) =>
        tx.invitations.update({ ...newest, restrictions: ['no-export'] }),
      );
      expect((await raw.invitation('org_1', 'inv_new'))?.restrictions).toEqual(['no-export']);
    });
  },
);
