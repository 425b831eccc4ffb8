import { buildAccount, buildOrganization } from '@rosterkit/conformance/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, prismaStore } from '../src/index.js';
import { applyMigrationList } from '../src/migrations.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';
import { indexesOf } from './support/indexes.js';
import { migrationsAround } from './support/migrations-around.js';
import { sqlRawReaders } from './support/raw-readers.js';

// A host whose database is at the outbox back-off migration, with accounts,
// upgrades: the accounts keep every field and have no externalId, an
// externalId is then unique per organization (compared exactly), and the
// pending invitations' index exists for the seats' count.

const externalIdSeats = '20261203010000_rosterkit_accounts_external_id_seats';

describe.each(['sqlite', 'postgresql', 'mysql'] as const)(
  'externalId and seats migration: %s',
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

    it('keeps every account, with externalId null, then enforces it unique per organization', async () => {
      const { before, from } = migrationsAround(provider, externalIdSeats);
      await applyMigrationList(client, provider, before);
      const q = (name: string) => (provider === 'mysql' ? `\`${name}\`` : `"${name}"`);
      const p = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');
      const columns = [
        'id',
        'orgId',
        'email',
        'firstName',
        'lastName',
        'firstNameKey',
        'lastNameKey',
        'nameSearch',
        'emailSearch',
        'status',
        'profileJson',
        'lastSeenAt',
        'createdAt',
        'updatedAt',
        'version',
      ];
      const insert = `INSERT INTO ${q('rosterkit_accounts')} (${columns.map(q).join(', ')}) VALUES (${columns.map((_, i) => p(i + 1)).join(', ')})`;
      const old = [
        buildAccount({ id: 'acc_old_1', orgId: 'org_1', email: 'ana@acme.io' }),
        buildAccount({ id: 'acc_old_2', orgId: 'org_1', email: 'bo@acme.io' }),
      ];
      for (const a of old) {
        await client.$executeRawUnsafe(
          insert,
          a.id,
          a.orgId,
          a.email,
          a.firstName,
          a.lastName,
          a.firstName.toLowerCase(),
          a.lastName.toLowerCase(),
          `${a.firstName} ${a.lastName}`.toLowerCase(),
          a.email,
          a.status,
          '{}',
          null,
          a.createdAt,
          a.updatedAt,
          a.version,
        );
      }
      expect(await applyMigrations(client, { provider })).toMatchObject({
        applied: from.map((m) => m.name),
      });
      const raw = sqlRawReaders(client, provider);
      for (const a of old) expect(await raw.account('org_1', a.id)).toEqual(a);

      const store = prismaStore(client);
      await store.transaction((tx) => tx.organizations.insert(buildOrganization({ id: 'org_1' })));
      const [ana, bo] = old as [(typeof old)[0], (typeof old)[0]];
      await store.transaction((tx) => tx.accounts.update({ ...ana, externalId: 'Idp|1' }));
      // Exact comparison: another case is another id.
      await store.transaction((tx) => tx.accounts.update({ ...bo, externalId: 'idp|1' }));
      expect(
        (await store.transaction((tx) => tx.accounts.findByExternalId('org_1', 'Idp|1')))?.id,
      ).toBe(ana.id);
      await expect(
        store.transaction((tx) =>
          tx.accounts.insert(buildAccount({ orgId: 'org_1', externalId: 'Idp|1' })),
        ),
      ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'unique' } });
      const names = (await indexesOf(client, provider, 'rosterkit_invitations')).map((i) => i.name);
      expect(names).toContain('rosterkit_invitations_orgId_status_idx');
      expect(await store.transaction((tx) => tx.organizations.countSeats('org_1'))).toEqual({
        activeMembers: 0,
        pendingInvitations: 0,
      });
    });
  },
);
