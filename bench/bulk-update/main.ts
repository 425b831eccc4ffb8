// Updating 5,000 members from a file (each row a role change, a third of
// them also replacing the groups) through `roster.as(admin).bulkUpdate(rows)`,
// against a hand-written baseline that makes the same changes, in one run.
// For each store it prints the median time of REPS updates, each on a fresh
// database seeded with the same 5,000 active members (through the Store
// port, not timed), and the ratio:
//   - rosterkit: the timed call reads every row's account and memberships,
//     checks each change as `changeRole` and `assignGroups` do (rules,
//     Policy, rank), and writes the batch's memberships in one `updateMany`
//     and one audit event per row, in batches of 500 rows, one Serializable
//     transaction each (the defaults);
//   - hand-written: the membership rows rosterkit wrote, read back, written
//     over the seeded ones (PostgreSQL: one `UPDATE … FROM
//     json_populate_recordset`; SQLite: one prepared `UPDATE` per row, the
//     way better-sqlite3 is fast), and its audit events inserted verbatim by
//     multi-row INSERTs, all in one transaction, through `pg` /
//     `better-sqlite3`, on a database seeded with the same rows;
//   - memory: there is no driver; the baseline replaces the same membership
//     objects in a Map (checking each version) and puts the audit events in
//     another, which is all a map store must do at the least.
// It checks what it compares (every row updated; the same rows written), and
// asserts nothing about the figures.
//
// Run with `npm run bench:bulk-update -w @rosterkit/bench` after
// `npx turbo run build` (or `npm run bench`). ROSTERKIT_POSTGRES_URL names the
// server (default postgresql://postgres@127.0.0.1:5432/test; the user must be
// allowed to create databases); SQLite files go to the OS temporary directory.
// BENCH_REPS sets the repetitions (default 3, after one warm-up of each);
// BENCH_ONLY=memory, sqlite or postgresql runs one section.
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { memoryStore } from '@rosterkit/adapter-memory';
import { applyMigrations, prismaStore, rosterkitMigrations } from '@rosterkit/adapter-prisma';
import {
  type Account,
  type ActorApi,
  type BulkUpdateRow,
  createRoster,
  type Membership,
  type Store,
} from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client/client.js';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client/client.js';
import { measure, median } from '../support/measure.js';
import { multiRowInserts } from '../support/multi-row-inserts.js';
import { freshPostgres } from '../support/postgres.js';
import { postgresTables, sqliteTables } from '../support/read-tables.js';
import { freshSqlite } from '../support/sqlite.js';

const ROWS = 5_000;
const REPS = Number(process.env.BENCH_REPS ?? 3);
const only = process.env.BENCH_ONLY;
const groupNames = ['Sales', 'Billing', 'Support'];

/** Every table of the schema, in an order that inserts parents first. */
const tables = [
  'rosterkit_organizations',
  'rosterkit_roles',
  'rosterkit_accounts',
  'rosterkit_spaces',
  'rosterkit_groups',
  'rosterkit_memberships',
  'rosterkit_invitations',
  'rosterkit_outbox_messages',
  'rosterkit_audit_events',
] as const;
type Rows = Record<string, Record<string, unknown>[]>;

/** The file: every member promoted, a third of them also moved to one group. */
const emails = Array.from({ length: ROWS }, (_, i) => `member${i + 1}@northwind.io`);
const file: BulkUpdateRow[] = emails.map((email, i) => ({
  rowNumber: i + 2,
  email,
  role: 'manager',
  ...(i % 3 === 0 ? { groups: [groupNames[i % groupNames.length] as string] } : {}),
}));

// ---------------------------------------------------------------- rosterkit
/** An organization of ROWS active agents, seeded through the Store port (not timed). */
async function organizationOn(store: Store): Promise<{ admin: ActorApi; membershipIds: string[] }> {
  const roster = createRoster({ store, policy: createPolicy(presets.contactCenter) });
  const { organization, owner } = await roster.createOrganization({
    name: 'Northwind Support',
    plan: 'professional',
    owner: { email: 'olga.owner@northwind.io', firstName: 'Olga', lastName: 'Owner' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  for (const name of groupNames) await admin.createGroup({ name, kind: 'department' });
  const now = new Date();
  const accounts: Account[] = emails.map((email, i) => ({
    id: randomUUID(),
    orgId: organization.id,
    email,
    externalId: null,
    firstName: 'Member',
    lastName: `${i + 1}`,
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
  return { admin, membershipIds: memberships.map((membership) => membership.id) };
}

async function update(admin: ActorApi): Promise<number> {
  const start = performance.now();
  const report = await admin.bulkUpdate(file);
  const ms = performance.now() - start;
  if (report.counts.updated !== ROWS) {
    const failed = report.rows.find((row) => row.status !== 'updated');
    throw new Error(
      `bulkUpdate updated ${report.counts.updated} of ${ROWS} rows: ${JSON.stringify(failed)}`,
    );
  }
  return ms;
}

/** What the update wrote: the memberships it changed (as stored after) and its audit events. */
interface Written {
  readonly memberships: Record<string, unknown>[];
  readonly events: Record<string, unknown>[];
  /** The membership columns that changed. */
  readonly columns: string[];
}

/** The rows of `after` that differ from `before` (memberships) or are new (audit events). */
function written(before: Rows, after: Rows): Written {
  const old = new Map(before.rosterkit_memberships?.map((row) => [row.id, row]));
  const memberships = (after.rosterkit_memberships ?? []).filter(
    (row) => row.version !== old.get(row.id)?.version,
  );
  const seen = new Set(before.rosterkit_audit_events?.map((row) => row.id));
  const events = (after.rosterkit_audit_events ?? []).filter((row) => !seen.has(row.id));
  const columns = Object.keys(memberships[0] ?? {}).filter((column) =>
    memberships.some(
      (row) => JSON.stringify(row[column]) !== JSON.stringify(old.get(row.id)?.[column]),
    ),
  );
  if (memberships.length !== ROWS || events.length !== ROWS) {
    throw new Error(
      `the update wrote ${memberships.length} memberships and ${events.length} events, not ${ROWS}`,
    );
  }
  return { memberships, events, columns };
}

// ---------------------------------------------------------------- PostgreSQL
const postgresRows = async (url: string) => (await postgresTables(url, tables)) as Rows;

async function postgresRosterkit(
  capture: boolean,
): Promise<{ ms: number; seed: Rows; out?: Written }> {
  return freshPostgres('rk_bulkup', async (url) => {
    const prisma = new PostgresClient({
      adapter: new PrismaPg({ connectionString: url, max: 10 }),
    });
    try {
      await applyMigrations(prisma, { provider: 'postgresql' });
      const { admin } = await organizationOn(prismaStore(prisma));
      const seed = capture ? await postgresRows(url) : {};
      const ms = await update(admin);
      return capture ? { ms, seed, out: written(seed, await postgresRows(url)) } : { ms, seed };
    } finally {
      await prisma.$disconnect();
    }
  });
}

async function postgresBaseline(seed: Rows, out: Written): Promise<number> {
  return freshPostgres('rk_bulkup', async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(rosterkitMigrations.postgresql.map((m) => m.sql).join('\n'));
      for (const table of tables) {
        for (const { sql, values } of multiRowInserts(
          table,
          seed[table] ?? [],
          65_535,
          (n) => `$${n}`,
        ))
          await client.query(sql, values);
      }
      const set = out.columns.map((column) => `"${column}" = v."${column}"`).join(', ');
      const start = performance.now();
      await client.query('BEGIN');
      await client.query(
        `UPDATE "rosterkit_memberships" AS m SET ${set} FROM json_populate_recordset(NULL::"rosterkit_memberships", $1::json) AS v WHERE m."id" = v."id"`,
        [JSON.stringify(out.memberships)],
      );
      for (const { sql, values } of multiRowInserts(
        'rosterkit_audit_events',
        out.events,
        65_535,
        (n) => `$${n}`,
      ))
        await client.query(sql, values);
      await client.query('COMMIT');
      return performance.now() - start;
    } finally {
      await client.end();
    }
  });
}

// ---------------------------------------------------------------- SQLite
const sqliteRows = (path: string) => sqliteTables(path, tables) as Rows;

async function sqliteRosterkit(
  capture: boolean,
): Promise<{ ms: number; seed: Rows; out?: Written }> {
  return freshSqlite('rk_bulkup', async (path) => {
    const prisma = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path}` }) });
    let seed: Rows = {};
    let ms: number;
    try {
      await applyMigrations(prisma, { provider: 'sqlite' });
      const { admin } = await organizationOn(prismaStore(prisma));
      if (capture) seed = sqliteRows(path);
      ms = await update(admin);
    } finally {
      await prisma.$disconnect();
    }
    return capture ? { ms, seed, out: written(seed, sqliteRows(path)) } : { ms, seed };
  });
}

async function sqliteBaseline(seed: Rows, out: Written): Promise<number> {
  return freshSqlite('rk_bulkup', async (path) => {
    const db = new Database(path);
    try {
      db.exec(rosterkitMigrations.sqlite.map((m) => m.sql).join('\n'));
      db.transaction(() => {
        for (const table of tables) {
          for (const { sql, values } of multiRowInserts(
            table,
            seed[table] ?? [],
            32_766,
            () => '?',
          ))
            db.prepare(sql).run(...values);
        }
      })();
      const set = out.columns.map((column) => `"${column}" = ?`).join(', ');
      const start = performance.now();
      db.transaction(() => {
        const statement = db.prepare(`UPDATE "rosterkit_memberships" SET ${set} WHERE "id" = ?`);
        for (const row of out.memberships) {
          statement.run(...out.columns.map((column) => row[column]), row.id);
        }
        for (const { sql, values } of multiRowInserts(
          'rosterkit_audit_events',
          out.events,
          32_766,
          () => '?',
        ))
          db.prepare(sql).run(...values);
      })();
      return performance.now() - start;
    } finally {
      db.close();
    }
  });
}

// ---------------------------------------------------------------- memory
async function memoryRosterkit(
  capture: boolean,
): Promise<{ ms: number; seed: Rows; out?: Written }> {
  const store = memoryStore();
  const { admin, membershipIds } = await organizationOn(store);
  const { orgId } = admin.actor;
  const peek = store.inspect();
  // The rows as the store keeps them (objects of the model).
  const snapshot = (): Rows => ({
    rosterkit_memberships: membershipIds.flatMap((id) => {
      const row = peek.membership(orgId, id);
      return row === undefined ? [] : [{ ...row }];
    }),
    rosterkit_audit_events: peek.auditEvents(orgId).map((event) => ({ ...event })),
  });
  const seed = capture ? snapshot() : {};
  const ms = await update(admin);
  return capture ? { ms, seed, out: written(seed, snapshot()) } : { ms, seed };
}

/** The least a map store does: the same memberships replaced by id (version checked), the events added. */
function memoryBaseline(seed: Rows, out: Written): number {
  const stored = new Map(
    (seed.rosterkit_memberships ?? []).map((row) => [row.id, structuredClone(row)]),
  );
  const events = new Map<unknown, unknown>();
  const start = performance.now();
  for (const row of out.memberships) {
    const previous = stored.get(row.id);
    if (previous === undefined || previous.version !== (row.version as number) - 1) {
      throw new Error(`membership ${row.id} is not at the version before`);
    }
    stored.set(row.id, { ...row, groupIds: [...(row.groupIds as string[])] });
  }
  for (const event of out.events) events.set(event.id, { ...event });
  return performance.now() - start;
}

// ---------------------------------------------------------------- running
function print(title: string, times: Map<string, number[]>): void {
  const [ours, baseline] = [...times.values()].map(median) as [number, number];
  const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0).padStart(7)} ms`;
  const perRow = (x: number) => `${((x * 1000) / ROWS).toFixed(1).padStart(6)} µs/row`;
  console.log(title);
  for (const [name, xs] of times) {
    const spread = [...xs]
      .sort((a, b) => a - b)
      .map((x) => x.toFixed(0))
      .join(' ');
    console.log(`  ${name.padEnd(48)} ${ms(median(xs))} ${perRow(median(xs))}  (${spread})`);
  }
  console.log(
    `  ratio rosterkit / hand-written                    ${(ours / baseline).toFixed(2).padStart(7)}x`,
  );
}

console.log(
  `bulkUpdate of ${ROWS.toLocaleString('en-US')} members (every row a role change, a third also replacing the groups), median of ${REPS} runs, each on a freshly seeded database:`,
);

type Section = (capture: boolean) => Promise<{ ms: number; seed: Rows; out?: Written }>;

async function section(
  name: string,
  title: string,
  ours: Section,
  baseline: (seed: Rows, out: Written) => number | Promise<number>,
  baselineName: string,
): Promise<void> {
  if (only !== undefined && only !== name) return;
  // The first rosterkit run is the warm-up, and captures what it wrote.
  const { seed, out } = await ours(true);
  if (out === undefined) throw new Error('the capturing run wrote nothing');
  const times = await measure(
    [
      { name: 'rosterkit bulkUpdate', run: async () => (await ours(false)).ms },
      { name: baselineName, run: async () => baseline(seed, out) },
    ],
    REPS,
  );
  print(title, times);
}

await section(
  'memory',
  'memory (@rosterkit/adapter-memory; no driver, the baseline is Maps):',
  memoryRosterkit,
  memoryBaseline,
  'hand-written: memberships replaced in a Map',
);
await section(
  'sqlite',
  'SQLite (@prisma/adapter-better-sqlite3, a new file per run):',
  sqliteRosterkit,
  sqliteBaseline,
  'hand-written: better-sqlite3 UPDATEs + INSERTs',
);
await section(
  'postgresql',
  'PostgreSQL (@prisma/adapter-pg, a new database per run):',
  postgresRosterkit,
  postgresBaseline,
  'hand-written: pg UPDATE … FROM json + INSERTs',
);
