import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, prismaStore, rosterkitMigrations } from '../src/index.js';
import { applyMigrationList } from '../src/migrations.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';
import { indexesOf } from './support/indexes.js';
import { sqlRawReaders } from './support/raw-readers.js';

// A host that applied the first migration and has messages in its outbox
// upgrades: the outbox migration keeps every row, makes the undelivered ones
// due as they were (nextAttemptAt = createdAt), and the store works on them.

const init = '20261123000000_rosterkit_init';
const literalSearch = '20261124120000_rosterkit_literal_search';
const outboxBackoff = '20261202000000_rosterkit_outbox_backoff';
const invitations = '20261203000000_rosterkit_invitations_and_structure';
const storedRoles = '20261203020000_rosterkit_stored_roles';
const externalIdSeats = '20261203010000_rosterkit_accounts_external_id_seats';
const outboxLeases = '20261203030000_rosterkit_outbox_leases';
const searchTrigram = '20261203040000_rosterkit_search_trigram';
const provisioning = '20261204000000_rosterkit_provisioning';
const groupMembers = '20261205000000_rosterkit_provisioning_group_members';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 12, minute, 0, 123));

describe.each(['sqlite', 'postgresql', 'mysql'] as const)(
  'outbox back-off migration: %s',
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

    it('upgrades a database at the first migration, keeping every message, the undelivered ones due', async () => {
      const first = rosterkitMigrations[provider].filter((migration) => migration.name === init);
      expect(await applyMigrationList(client, provider, first)).toEqual({
        applied: [init],
        skipped: [],
      });
      const q = (name: string) => (provider === 'mysql' ? `\`${name}\`` : `"${name}"`);
      const p = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');
      const insert = `INSERT INTO ${q('rosterkit_outbox_messages')} (${[
        'id',
        'orgId',
        'topic',
        'payloadJson',
        'createdAt',
        'deliveredAt',
        'attempts',
      ]
        .map(q)
        .join(', ')}) VALUES (${[1, 2, 3, 4, 5, 6, 7].map(p).join(', ')})`;
      await client.$executeRawUnsafe(
        insert,
        'out_sent',
        'org_1',
        'invitation.created',
        '{"n":1}',
        at(0),
        at(1),
        0,
      );
      await client.$executeRawUnsafe(
        insert,
        'out_late',
        'org_1',
        'password.reset',
        '{"n":2}',
        at(5),
        null,
        4,
      );
      await client.$executeRawUnsafe(
        insert,
        'out_new',
        'org_2',
        'sessions.revoke',
        '{"n":3}',
        at(3),
        null,
        0,
      );

      expect(await applyMigrations(client, { provider })).toEqual({
        applied: [
          literalSearch,
          outboxBackoff,
          invitations,
          externalIdSeats,
          storedRoles,
          outboxLeases,
          searchTrigram,
          provisioning,
          groupMembers,
        ],
        skipped: [init],
      });
      const rows = [...(await sqlRawReaders(client, provider).outbox())].sort((a, b) =>
        a.id < b.id ? -1 : 1,
      );
      const kept = { lastError: null, deadAt: null, leaseId: null };
      expect(rows).toEqual([
        {
          id: 'out_late',
          orgId: 'org_1',
          topic: 'password.reset',
          payload: { n: 2 },
          createdAt: at(5),
          deliveredAt: null,
          attempts: 4,
          nextAttemptAt: at(5),
          ...kept,
        },
        {
          id: 'out_new',
          orgId: 'org_2',
          topic: 'sessions.revoke',
          payload: { n: 3 },
          createdAt: at(3),
          deliveredAt: null,
          attempts: 0,
          nextAttemptAt: at(3),
          ...kept,
        },
        {
          id: 'out_sent',
          orgId: 'org_1',
          topic: 'invitation.created',
          payload: { n: 1 },
          createdAt: at(0),
          deliveredAt: at(1),
          attempts: 0,
          nextAttemptAt: at(0),
          ...kept,
        },
      ]);
      const names = (await indexesOf(client, provider, 'rosterkit_outbox_messages')).map(
        (i) => i.name,
      );
      expect(names).not.toContain('rosterkit_outbox_messages_deliveredAt_createdAt_id_idx');
      expect(names).toContain('rosterkit_outbox_messages_due_idx');

      const store = prismaStore(client);
      const due = await store.transaction((tx) => tx.outbox.listDue(at(10), 10));
      expect(due.map((message) => message.id)).toEqual(['out_new', 'out_late']);
      expect(
        await store.transaction((tx) =>
          tx.outbox.recordFailure('out_late', {
            attempts: 5,
            error: 'Error: x',
            nextAttemptAt: at(20),
            deadAt: at(20),
          }),
        ),
      ).toBe(true);
      expect((await store.transaction((tx) => tx.outbox.listDead({ limit: 10 }))).total).toBe(1);

      // The stored roles' table came with the upgrade, empty and usable.
      const role = {
        id: 'rol_1',
        orgId: 'org_1',
        name: 'lead',
        label: 'Lead',
        description: '',
        rank: 30,
        permissions: ['manageGroups'],
        scope: 'organization' as const,
        restrictions: [],
        createdAt: at(30),
        updatedAt: at(30),
        version: 1,
      };
      await store.transaction((tx) => tx.roles.insert(role));
      expect(await sqlRawReaders(client, provider).role?.('org_1', 'rol_1')).toEqual(role);

      // So did provisioning's tables: a connection and a link, found by token and listed by filter.
      const connection = {
        id: 'prc_1',
        orgId: 'org_1',
        name: 'Okta',
        spaceId: 'spc_1',
        defaultRole: 'agent',
        onCreate: 'activate' as const,
        groupRoles: {},
        status: 'active' as const,
        tokenHash: 'a'.repeat(64),
        tokenHint: 'aaaa',
        version: 1,
        createdAt: at(31),
        updatedAt: at(31),
        lastUsedAt: null,
      };
      const link = {
        id: '6f1c2a4e-0000-4000-8000-000000000001',
        orgId: 'org_1',
        connectionId: 'prc_1',
        resourceType: 'User' as const,
        targetId: 'acc_1',
        userName: 'Ana@Acme.io',
        externalId: 'okta|1',
        attributes: { active: true },
        version: 1,
        createdAt: at(32),
        updatedAt: at(32),
      };
      await store.transaction(async (tx) => {
        await tx.provisioning.insertConnection(connection);
        await tx.provisioning.insertLink(link);
      });
      const read = await store.transaction(async (tx) => ({
        found: await tx.provisioning.findConnectionByTokenHash(connection.tokenHash),
        listed: await tx.provisioning.listLinks('org_1', 'prc_1', 'User', {
          filter: { op: 'eq', attribute: 'userName', value: 'ana@acme.IO' },
          startIndex: 1,
          count: 10,
        }),
      }));
      expect(read).toEqual({ found: connection, listed: { items: [link], total: 1 } });
      expect(await sqlRawReaders(client, provider).provisioningLink?.('org_1', link.id)).toEqual(
        link,
      );
      // And the SCIM group members' table: the link joins a group and is listed in it.
      const group = {
        ...link,
        id: '6f1c2a4e-0000-4000-8000-000000000002',
        resourceType: 'Group' as const,
        targetId: 'grp_1',
        userName: 'Sales',
        externalId: null,
      };
      const members = await store.transaction(async (tx) => {
        await tx.provisioning.insertLink(group);
        await tx.provisioning.addGroupMembers('org_1', 'prc_1', group.id, [link.id]);
        return tx.provisioning.listGroupMembers('org_1', 'prc_1', [group.id]);
      });
      expect(members).toEqual([{ groupLinkId: group.id, userLinkId: link.id }]);
      expect(await sqlRawReaders(client, provider).provisioningGroupMembers?.('org_1')).toEqual(
        members,
      );
      // Its externalId index is no longer unique: another user may share the link's.
      const twin = {
        ...link,
        id: '6f1c2a4e-0000-4000-8000-000000000003',
        targetId: 'acc_2',
        userName: 'bo@acme.io',
      };
      const sharing = await store.transaction(async (tx) => {
        await tx.provisioning.insertLink(twin);
        return tx.provisioning.listLinks('org_1', 'prc_1', 'User', {
          filter: { op: 'eq', attribute: 'externalId', value: 'okta|1' },
          startIndex: 1,
          count: 10,
        });
      });
      expect(sharing).toEqual({ items: [link, twin], total: 2 });

      expect(await applyMigrations(client, { provider })).toEqual({
        applied: [],
        skipped: [
          init,
          literalSearch,
          outboxBackoff,
          invitations,
          externalIdSeats,
          storedRoles,
          outboxLeases,
          searchTrigram,
          provisioning,
          groupMembers,
        ],
      });
    });
  },
);
