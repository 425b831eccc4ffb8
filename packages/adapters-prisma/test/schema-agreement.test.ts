import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchTable, dialectOf, insertRows } from '../src/batch-insert.js';
import {
  accountTable,
  auditEventTable,
  groupTable,
  invitationTable,
  membershipTable,
  outboxTable,
  spaceTable,
} from '../src/batch-tables.js';
import type { RosterkitPrismaTransactionClient, RosterkitProvider } from '../src/index.js';
import { Prisma } from './generated/postgresql/client/client.js';
import {
  createTestDatabase,
  type TestClient,
  type TestDatabase,
  type tables,
} from './support/databases.js';
import { fragmentIndexes, indexesOf } from './support/indexes.js';

// The fragment (prisma/rosterkit.prisma) and each provider's SQL migration
// must describe the same tables: every model and every field is written and
// read back through a client generated from the fragment, on a database made
// by the migration; and the migration has no column the fragment lacks.

const longText = (n: number) => 'é'.repeat(n);
const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, 0, ms));

// One row per model, with every scalar field set: text at the longest length
// rosterkit writes, non-ASCII text, dates with milliseconds.
const samples: Record<keyof typeof delegates, Record<string, unknown>> = {
  rosterkitOrganization: {
    id: 'org_1',
    name: longText(200),
    plan: 'pro',
    ownerId: 'acc_1',
    defaultSpaceId: 'spc_1',
    createdAt: at(1),
    version: 7,
  },
  rosterkitAccount: {
    id: 'acc_1',
    orgId: 'org_1',
    email: `${'a'.repeat(64)}@${'b'.repeat(185)}.io`,
    externalId: `auth0|${longText(249)}`,
    firstName: longText(100),
    lastName: 'Ñúñez',
    firstNameKey: longText(100),
    lastNameKey: 'ñúñez',
    nameSearch: longText(201),
    emailSearch: longText(254),
    status: 'deactivated',
    profileJson: JSON.stringify({ phone: '+44 20', note: longText(2000) }),
    lastSeenAt: at(2),
    createdAt: at(3),
    updatedAt: at(4),
    version: 3,
  },
  rosterkitSpace: {
    id: 'spc_1',
    orgId: 'org_1',
    name: longText(200),
    isDefault: true,
    createdAt: at(5),
    version: 2,
  },
  rosterkitMembership: {
    id: 'mem_1',
    orgId: 'org_1',
    accountId: 'acc_1',
    spaceId: 'spc_1',
    state: 'account-only',
    role: 'r'.repeat(64),
    restrictionsJson: JSON.stringify(['no-export']),
    groupIdsJson: JSON.stringify(['grp_1']),
    managerId: 'acc_2',
    periodsJson: JSON.stringify([{ startedAt: at(6).toISOString(), endedAt: null, role: 'agent' }]),
    version: 4,
  },
  rosterkitMembershipGroup: { membershipId: 'mem_1', groupId: 'grp_1', orgId: 'org_1' },
  rosterkitGroup: {
    id: 'grp_1',
    orgId: 'org_1',
    spaceId: 'spc_1',
    name: longText(200),
    kind: 'queue',
    createdAt: at(7),
    version: 5,
  },
  rosterkitInvitation: {
    id: 'inv_1',
    orgId: 'org_1',
    accountId: 'acc_1',
    spaceId: 'spc_1',
    email: `${'a'.repeat(64)}@${'b'.repeat(185)}.io`,
    role: 'agent',
    groupIdsJson: '[]',
    restrictionsJson: JSON.stringify(['r'.repeat(64)]),
    managerId: null,
    invitedBy: 'acc_2',
    tokenHash: 'f'.repeat(64),
    status: 'pending',
    expiresAt: at(8),
    createdAt: at(9),
    version: 1,
  },
  rosterkitAuditEvent: {
    id: 'evt_1',
    orgId: 'org_1',
    actorJson: JSON.stringify({ accountId: 'acc_2', orgId: 'org_1' }),
    action: 'changeRole',
    targetType: 'Membership',
    targetId: 'mem_1',
    beforeJson: JSON.stringify({ role: 'agent', note: longText(5000) }),
    afterJson: null,
    at: at(10),
  },
  rosterkitRole: {
    id: 'rol_1',
    orgId: 'org_1',
    name: 'n'.repeat(64),
    label: longText(100),
    description: longText(500),
    rank: 1_000_000,
    permissionsJson: JSON.stringify(['manageUsers', 'manageGroups']),
    scope: 'space',
    restrictionsJson: JSON.stringify(['no-invite']),
    createdAt: at(15),
    updatedAt: at(16),
    version: 3,
  },
  rosterkitProvisioningConnection: {
    id: 'prc_1',
    orgId: 'org_1',
    name: longText(100),
    spaceId: 'spc_1',
    defaultRole: 'r'.repeat(64),
    onCreate: 'invite',
    groupRolesJson: JSON.stringify({ grp_1: 'manager', note: longText(3000) }),
    status: 'revoked',
    tokenHash: 'd'.repeat(64),
    tokenHint: 'dddd',
    version: 4,
    createdAt: at(17),
    updatedAt: at(18),
    lastUsedAt: at(19),
  },
  // The longest keys rosterkit writes: a 255-character userName and
  // externalId (five key characters each), a 64-character id (320).
  rosterkitProvisioningLink: {
    id: 'i'.repeat(64),
    orgId: 'org_1',
    connectionId: 'prc_1',
    resourceType: 'Group',
    targetId: 'grp_1',
    userName: longText(255),
    userNameKey: 'g00e9'.repeat(255),
    externalId: `okta|${longText(250)}`,
    attributesJson: JSON.stringify({ note: longText(70_000) }),
    idKey: 'g0069'.repeat(64),
    externalIdKey: 'g00e9'.repeat(255),
    displayNameKey: 'g00e9'.repeat(20_000),
    emailKeys: `|${'g0061'.repeat(254)}|`.repeat(40),
    active: false,
    version: 2,
    createdAt: at(20),
    updatedAt: at(21),
  },
  // Link ids at the longest an id may be.
  rosterkitProvisioningGroupMember: {
    groupLinkId: 'g'.repeat(64),
    userLinkId: 'u'.repeat(64),
    orgId: 'o'.repeat(64),
    connectionId: 'c'.repeat(64),
  },
  rosterkitOutboxMessage: {
    id: 'msg_1',
    orgId: 'org_1',
    topic: 'invitation.created',
    payloadJson: JSON.stringify({ invitationId: 'inv_1' }),
    createdAt: at(11),
    deliveredAt: at(12),
    attempts: 2,
    nextAttemptAt: at(13),
    lastError: `Error: ${longText(990)}`,
    deadAt: at(14),
    leaseId: 'lease_1',
  },
};

// The model behind each delegate, as the generated client names its fields.
const delegates = {
  rosterkitOrganization: Prisma.RosterkitOrganizationScalarFieldEnum,
  rosterkitAccount: Prisma.RosterkitAccountScalarFieldEnum,
  rosterkitSpace: Prisma.RosterkitSpaceScalarFieldEnum,
  rosterkitMembership: Prisma.RosterkitMembershipScalarFieldEnum,
  rosterkitMembershipGroup: Prisma.RosterkitMembershipGroupScalarFieldEnum,
  rosterkitGroup: Prisma.RosterkitGroupScalarFieldEnum,
  rosterkitInvitation: Prisma.RosterkitInvitationScalarFieldEnum,
  rosterkitAuditEvent: Prisma.RosterkitAuditEventScalarFieldEnum,
  rosterkitOutboxMessage: Prisma.RosterkitOutboxMessageScalarFieldEnum,
  rosterkitRole: Prisma.RosterkitRoleScalarFieldEnum,
  rosterkitProvisioningConnection: Prisma.RosterkitProvisioningConnectionScalarFieldEnum,
  rosterkitProvisioningLink: Prisma.RosterkitProvisioningLinkScalarFieldEnum,
  rosterkitProvisioningGroupMember: Prisma.RosterkitProvisioningGroupMemberScalarFieldEnum,
} as const;

const tableOf: Record<keyof typeof delegates, (typeof tables)[number]> = {
  rosterkitOrganization: 'rosterkit_organizations',
  rosterkitAccount: 'rosterkit_accounts',
  rosterkitSpace: 'rosterkit_spaces',
  rosterkitMembership: 'rosterkit_memberships',
  rosterkitMembershipGroup: 'rosterkit_membership_groups',
  rosterkitGroup: 'rosterkit_groups',
  rosterkitInvitation: 'rosterkit_invitations',
  rosterkitAuditEvent: 'rosterkit_audit_events',
  rosterkitOutboxMessage: 'rosterkit_outbox_messages',
  rosterkitRole: 'rosterkit_roles',
  rosterkitProvisioningConnection: 'rosterkit_provisioning_connections',
  rosterkitProvisioningLink: 'rosterkit_provisioning_links',
  rosterkitProvisioningGroupMember: 'rosterkit_provisioning_group_members',
};

// The tables rosterkit writes in batches (raw INSERTs, not the client), with
// the delegate that reads them back.
const batchTables: [
  keyof typeof delegates,
  Pick<BatchTable<object>, 'table'> & { readonly columns: readonly string[] },
][] = [
  ['rosterkitAccount', accountTable],
  ['rosterkitSpace', spaceTable],
  ['rosterkitMembership', membershipTable],
  ['rosterkitGroup', groupTable],
  ['rosterkitInvitation', invitationTable],
  ['rosterkitAuditEvent', auditEventTable],
  ['rosterkitOutboxMessage', outboxTable],
];

// Text that a batch statement must carry verbatim, whether as bound values or
// inside one JSON parameter: quotes, backslashes, control characters, line
// and paragraph separators, astral characters, and text that looks like JSON.
const awkward = `O'Brien "quoted" back\\slash\n\t\u2028\u2029 🧑‍💻 {"a":[1,null]} \\u0041`;

/** A second row of `sample`: other ids, awkward text in every free-text field, nulls where allowed. */
function awkwardRow(sample: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { ...sample, id: `${String(sample.id)}_2` };
  for (const field of [
    'firstName',
    'lastName',
    'nameSearch',
    'emailSearch',
    'name',
    'beforeJson',
    'profileJson',
    'payloadJson',
    'lastError',
  ]) {
    if (field in row) row[field] = awkward;
  }
  for (const field of [
    'externalId',
    'lastSeenAt',
    'managerId',
    'afterJson',
    'deliveredAt',
    'deadAt',
    'leaseId',
  ]) {
    if (field in row) row[field] = null;
  }
  if ('email' in row) row.email = `o'brien+2@example.com`;
  if ('isDefault' in row) row.isDefault = false;
  // Unique keys: a membership per account and space, an invitation's token.
  if ('accountId' in row) row.accountId = 'acc_2';
  if ('tokenHash' in row) row.tokenHash = 'e'.repeat(64);
  return row;
}

// What a JSON-text column may hold, each of which must come back verbatim:
// documents with awkward text, spacing and escapes not as JSON.stringify
// writes them, and JSON that is a string or null (text, not SQL NULL).
const documents = [
  JSON.stringify({ awkward, nested: { list: [1, null, true, 'x'] } }),
  '[ 1 , {"a" : "\\u00e9\\n\\"", "b":[]} ]',
  '"a JSON string"',
  'null',
  '{}',
];

/** Row `n` of `sample`: other ids and unique keys, and a JSON document in every JSON-text field. */
function documentRow(sample: Record<string, unknown>, n: number): Record<string, unknown> {
  const row: Record<string, unknown> = { ...sample, id: `${String(sample.id)}_${n}` };
  let k = 0;
  for (const field of Object.keys(row)) {
    if (field.endsWith('Json')) row[field] = documents[k++ % documents.length];
  }
  if ('email' in row) row.email = `doc${n}@example.com`;
  if ('externalId' in row) row.externalId = `ext_${n}`;
  if ('accountId' in row) row.accountId = `acc_${n}`;
  if ('tokenHash' in row) row.tokenHash = String(n).repeat(64);
  return row;
}

async function columnsOf(client: TestClient, provider: RosterkitProvider, table: string) {
  const rows = (await (provider === 'sqlite'
    ? client.$queryRawUnsafe(`SELECT name FROM pragma_table_info('${table}')`)
    : provider === 'postgresql'
      ? client.$queryRawUnsafe(
          'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
          table,
        )
      : client.$queryRawUnsafe(
          'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
          table,
        ))) as { name: string }[];
  return rows.map((row) => row.name).sort();
}

/** Indexes the migrations create on one provider only, by table. */
const providerOnlyIndexes: Record<RosterkitProvider, Record<string, string[]>> = {
  postgresql: {
    rosterkit_accounts: [
      'rosterkit_accounts_emailSearch_trgm_idx',
      'rosterkit_accounts_nameSearch_trgm_idx',
    ],
  },
  mysql: {},
  sqlite: {},
};

describe.each(['sqlite', 'postgresql', 'mysql'] as const)('schema agreement: %s', (provider) => {
  let db: TestDatabase;
  let client: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    client = db.connect();
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  it('every model of the fragment is a table with exactly its fields', async () => {
    for (const [model, fields] of Object.entries(delegates)) {
      const table = tableOf[model as keyof typeof delegates];
      expect(await columnsOf(client, provider, table), table).toEqual(Object.values(fields).sort());
    }
  });

  it('every index of the fragment is an index of the migrations, named and ordered as Prisma would, and there is no other', async () => {
    const fragment = readFileSync(new URL('../prisma/rosterkit.prisma', import.meta.url), 'utf8');
    const declared = fragmentIndexes(fragment);
    expect([...declared.keys()].sort()).toEqual(Object.values(tableOf).sort());
    for (const [table, indexes] of declared) {
      const found = await indexesOf(client, provider, table);
      // The search's trigram indexes (PostgreSQL only) cannot be declared in a
      // fragment shared by three providers: they are the migrations' alone.
      const trigram = providerOnlyIndexes[provider][table] ?? [];
      expect(
        found.filter((index) => trigram.includes(index.name)).map((index) => index.name),
        table,
      ).toEqual(trigram);
      expect(
        found.filter((index) => !trigram.includes(index.name)),
        table,
      ).toEqual(indexes);
    }
  });

  it('every field of every model is written and read back unchanged through the generated client', async () => {
    for (const [model, fields] of Object.entries(delegates)) {
      const name = model as keyof typeof delegates;
      const sample = samples[name];
      expect(Object.keys(sample).sort(), `${model}: the sample sets every field`).toEqual(
        Object.values(fields).sort(),
      );
      const delegate = client[name] as unknown as {
        create(args: object): Promise<unknown>;
        findMany(args: object): Promise<unknown[]>;
      };
      await delegate.create({ data: sample });
      expect(await delegate.findMany({}), model).toEqual([sample]);
    }
  });

  it('every table written in batches reads back through the client as the client wrote it', async () => {
    await db.clear(client);
    const dialect = dialectOf(client);
    expect(dialect, 'the generated client names its provider').toBeDefined();
    if (dialect === undefined) return;
    // A session time zone far from UTC: batch rows must still hold the UTC
    // instants the client writes and reads for a Date.
    await client.$transaction(async (tx) => {
      if (provider === 'postgresql')
        await tx.$executeRawUnsafe("SET LOCAL TIME ZONE 'Pacific/Kiritimati'");
      if (provider === 'mysql') await tx.$executeRawUnsafe("SET time_zone = '+13:00'");
      for (const [model, table] of batchTables) {
        const sample = samples[model];
        // Two batches: rows that differ in their text; rows that differ
        // only in their ids and keys, sharing their documents.
        for (const rows of [
          [sample, awkwardRow(sample)],
          [documentRow(sample, 3), documentRow(sample, 4)],
        ]) {
          await insertRows(
            tx as unknown as RosterkitPrismaTransactionClient,
            dialect,
            table as BatchTable<Record<string, unknown>>,
            rows,
          );
        }
      }
    });
    for (const [model, table] of batchTables) {
      expect([...table.columns].sort(), `${model}: the batch writes every field`).toEqual(
        Object.values(delegates[model]).sort(),
      );
      const delegate = client[model] as unknown as { findMany(args: object): Promise<unknown[]> };
      const sample = samples[model];
      expect(await delegate.findMany({ orderBy: { id: 'asc' } }), model).toEqual([
        sample,
        awkwardRow(sample),
        documentRow(sample, 3),
        documentRow(sample, 4),
      ]);
    }
  });
});
