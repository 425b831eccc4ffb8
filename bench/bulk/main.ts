// Importing a staff file of 10,000 rows (email, names, role, home site by
// name, groups by name, a third with a manager by email, an employee id)
// through `roster.as(admin).bulkImport(rows)`, against bare inserts of the
// same rows through the driver, in one run. For each store it prints the
// median time of REPS imports, each into a fresh database (PostgreSQL: a new
// database; SQLite: a new file; memory: a new store), and the ratios:
//   - rosterkit: the organization, 3 sites, 30 groups and 16 managers are set
//     up through rosterkit first (not timed); the timed call checks every row
//     (role, Policy, site, groups, manager, existing email), hashes a fresh
//     invitation token per row, and writes per row an account, an invitation,
//     an outbox message (the invitation e-mail) and an audit event, in
//     batches of 500 rows, one Serializable transaction each (the defaults);
//   - bare (accounts): the same account rows, as rosterkit stored them, by
//     multi-row INSERTs into rosterkit's own table (same columns and
//     indexes), in one transaction, through `pg` / `better-sqlite3`, on a
//     fresh database holding the tables only. The target is
//     rosterkit <= 3x this on PostgreSQL (the line "bare every table / bare
//     accounts" shows how much of that the 4 tables alone take);
//   - bare (every table): the same, with the 4 tables rosterkit writes: the
//     rows it wrote, read back from its database and inserted verbatim;
//   - memory: there is no driver; the bare baselines put the same rows
//     (objects) into Maps, checking email uniqueness, which is all a map
//     store must do at the least. The target is rosterkit <= 5x the 4
//     tables into Maps (issue 18).
// It checks what it compares (every row created; the same row counts), and
// asserts nothing about the figures.
//
// Run with `npm run bench:bulk -w @rosterkit/bench` after `npx turbo run build`
// (or `npm run bench`, which builds first). It generates its Prisma clients
// from the adapter's schema fragment into bench/generated/ (not committed;
// `npm run generate`, the adapter's scripts/generate-clients.ts). ROSTERKIT_POSTGRES_URL names the server (default
// postgresql://postgres@127.0.0.1:5432/test; the user must be allowed to
// create databases); SQLite files go to the OS temporary directory.
// BENCH_REPS sets the repetitions (default 5, after one warm-up of each);
// BENCH_ONLY=memory, sqlite or postgresql runs one section (to profile it);
// BENCH_CPU_PROFILE=DIR writes a V8 CPU profile of each timed bulkImport call
// (not the setup, not the baselines) to DIR, for Chrome DevTools or speedscope.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { memoryStore } from '@rosterkit/adapter-memory';
import { applyMigrations, prismaStore, rosterkitMigrations } from '@rosterkit/adapter-prisma';
import {
  type ActorApi,
  type BulkImportRow,
  type BulkReport,
  createRoster,
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
import { seededRandom } from '../support/seeded-random.js';
import { freshSqlite } from '../support/sqlite.js';

const ROWS = 10_000;
const REPS = Number(process.env.BENCH_REPS ?? 5);
/** BENCH_ONLY=memory|sqlite|postgresql runs one store's section (to profile it). */
const only = process.env.BENCH_ONLY;
/** The tables a bulk import writes, in the order it writes them. */
const written = [
  'rosterkit_accounts',
  'rosterkit_invitations',
  'rosterkit_outbox_messages',
  'rosterkit_audit_events',
] as const;
type Table = (typeof written)[number];
type Rows = Record<Table, Record<string, unknown>[]>;

// ---------------------------------------------------------------- the file
// Every run imports the same file.
const { random, pick } = seededRandom(0x51f15e);
const firstNames =
  'Ana Maria Marco José Lucía Omar Fatima Chen Wei Yuki Hiro Priya Arjun Olga Ivan Zoë Liam Noah Emma Sofia Mateo Amara Kwame Léa Hugo Jonas Freya Ahmed Leila Sven'.split(
    ' ',
  );
const lastNames =
  'Silva Santos García Nguyen Tran Kim Park Sato Müller Schmidt Rossi Dubois Moreau Khan Patel Okafor Mensah Novak Berg Larsen Smith Brown Costa Ferreira Lopez'.split(
    ' ',
  );
const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const team = 'Team'; // the default space, as the file's "home site" column names it
const sites = ['Lisbon', 'Manila', 'Austin'];
const departments = ['Sales', 'Billing', 'Support', 'Returns', 'VIP', 'Night shift'];
const queues = Array.from({ length: 12 }, (_, i) => `Queue ${String(i + 1).padStart(2, '0')}`);
const groupsOf = (space: string) => (space === team ? queues : departments);
const managersOf = (space: string) =>
  Array.from({ length: 4 }, (_, i) => `lead${i + 1}.${ascii(space)}@northwind.io`);

const file: BulkImportRow[] = Array.from({ length: ROWS }, (_, i) => {
  const firstName = pick(firstNames);
  const lastName = pick(lastNames);
  const home = random() < 0.4 ? undefined : pick(sites);
  const space = home ?? team;
  const groups = [
    ...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(groupsOf(space)))),
  ];
  const r = random();
  const role = r < 0.85 ? 'agent' : r < 0.97 ? 'manager' : 'administrator';
  const email = `${ascii(firstName)}.${ascii(lastName)}.${i + 1}@northwind.io`;
  return {
    rowNumber: i + 2, // the spreadsheet line; the header is line 1
    // Some cells as people type them: capitals and stray spaces (normalized by the import).
    email: i % 17 === 0 ? ` ${email.replace(/^./, (c) => c.toUpperCase())} ` : email,
    firstName,
    lastName,
    role,
    ...(home === undefined ? {} : { space: i % 11 === 0 ? home.toLowerCase() : home }),
    ...(groups.length === 0 ? {} : { groups }),
    ...(random() < 0.33 ? { manager: pick(managersOf(space)) } : {}),
    profile: { employeeId: `E${String(i + 1).padStart(6, '0')}` },
  };
});

// ---------------------------------------------------------------- rosterkit
const roles = presets.contactCenter;

/** The organization the file is imported into, set up through rosterkit (not timed). */
async function organizationOn(store: Store): Promise<ActorApi> {
  const roster = createRoster({ store, policy: createPolicy(roles) });
  const { organization, owner } = await roster.createOrganization({
    name: 'Northwind Support',
    plan: 'professional',
    owner: { email: 'olga.owner@northwind.io', firstName: 'Olga', lastName: 'Owner' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  const spaceIds = new Map([[team, organization.defaultSpaceId]]);
  for (const name of sites) spaceIds.set(name, (await admin.createSpace({ name })).id);
  for (const [space, spaceId] of spaceIds) {
    for (const name of groupsOf(space)) {
      await admin.createGroup({
        name,
        kind: space === team ? 'queue' : 'department',
        spaceId,
      });
    }
    for (const email of managersOf(space)) {
      const { token } = await admin.invite({ email, role: 'manager', spaceId });
      await roster.acceptInvitation({ token, firstName: 'Lead', lastName: space });
    }
  }
  return admin;
}

const profileDir = process.env.BENCH_CPU_PROFILE;
let profiles = 0;

/** Runs `work` under the V8 profiler when BENCH_CPU_PROFILE is set, writing one `.cpuprofile` file. */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  if (profileDir === undefined) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(
      join(profileDir, `bulk-import-${++profiles}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
}

async function importFile(admin: ActorApi): Promise<{ ms: number; report: BulkReport }> {
  const start = performance.now();
  const report = await profiled(() => admin.bulkImport(file));
  const ms = performance.now() - start;
  if (report.counts.created !== ROWS) {
    const failed = report.rows.find((row) => row.status !== 'created');
    throw new Error(
      `bulkImport created ${report.counts.created} of ${ROWS} rows: ${JSON.stringify(failed)}`,
    );
  }
  return { ms, report };
}

// ---------------------------------------------------------------- bare SQL
// ---------------------------------------------------------------- PostgreSQL
async function postgresRosterkit(capture: boolean): Promise<{ ms: number; rows: Rows }> {
  return freshPostgres('rk_bulk', async (url) => {
    const prisma = new PostgresClient({
      adapter: new PrismaPg({ connectionString: url, max: 10 }),
    });
    try {
      await applyMigrations(prisma, { provider: 'postgresql' });
      const admin = await organizationOn(prismaStore(prisma));
      const before = capture ? await postgresRows(url) : undefined;
      const { ms } = await importFile(admin);
      return { ms, rows: before === undefined ? noRows : newRows(before, await postgresRows(url)) };
    } finally {
      await prisma.$disconnect();
    }
  });
}

const postgresRows = async (url: string) => (await postgresTables(url, written)) as Rows;

async function postgresBare(rows: Rows, tables: readonly Table[]): Promise<number> {
  return freshPostgres('rk_bulk', async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(rosterkitMigrations.postgresql.map((m) => m.sql).join('\n'));
      const statements = tables.flatMap((table) =>
        multiRowInserts(table, rows[table], 65_535, (n) => `$${n}`),
      );
      const start = performance.now();
      await client.query('BEGIN');
      for (const { sql, values } of statements) await client.query(sql, values);
      await client.query('COMMIT');
      return performance.now() - start;
    } finally {
      await client.end();
    }
  });
}

// ---------------------------------------------------------------- SQLite
const sqliteRows = (path: string) => sqliteTables(path, written) as Rows;

async function sqliteRosterkit(capture: boolean): Promise<{ ms: number; rows: Rows }> {
  return freshSqlite('rk_bulk', async (path) => {
    const prisma = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path}` }) });
    let before: Rows | undefined;
    let ms: number;
    try {
      await applyMigrations(prisma, { provider: 'sqlite' });
      const admin = await organizationOn(prismaStore(prisma));
      before = capture ? sqliteRows(path) : undefined;
      ({ ms } = await importFile(admin));
    } finally {
      await prisma.$disconnect();
    }
    return { ms, rows: before === undefined ? noRows : newRows(before, sqliteRows(path)) };
  });
}

async function sqliteBare(rows: Rows, tables: readonly Table[]): Promise<number> {
  return freshSqlite('rk_bulk', async (path) => {
    const db = new Database(path);
    try {
      db.exec(rosterkitMigrations.sqlite.map((m) => m.sql).join('\n'));
      const statements = tables.flatMap((table) =>
        multiRowInserts(table, rows[table], 32_766, () => '?'),
      );
      const start = performance.now();
      db.transaction(() => {
        for (const { sql, values } of statements) db.prepare(sql).run(...values);
      })();
      return performance.now() - start;
    } finally {
      db.close();
    }
  });
}

// ---------------------------------------------------------------- memory
async function memoryRosterkit(capture: boolean): Promise<{ ms: number; rows: Rows }> {
  const store = memoryStore();
  const admin = await organizationOn(store);
  const { ms, report } = await importFile(admin);
  if (!capture) return { ms, rows: noRows };
  // The rows the import committed, as the store keeps them (objects of the model).
  const peek = store.inspect();
  const { orgId } = admin.actor;
  const accountIds = new Set(report.rows.map((row) => row.accountId ?? ''));
  const invitations = peek
    .outbox()
    .filter((message) => message.topic === 'invitation.created')
    .map((message) => {
      const { invitationId } = message.payload as { invitationId: string };
      return { message, invitation: peek.invitation(orgId, invitationId) };
    })
    .filter(({ invitation }) => accountIds.has(invitation?.accountId ?? ''));
  const invitationIds = new Set(invitations.map(({ invitation }) => invitation?.id));
  const rows: Rows = {
    rosterkit_accounts: [...accountIds].map((id) => ({ ...peek.account(orgId, id) })),
    rosterkit_invitations: invitations.map(({ invitation }) => ({ ...invitation })),
    rosterkit_outbox_messages: invitations.map(({ message }) => ({ ...message })),
    rosterkit_audit_events: peek
      .auditEvents(orgId)
      .filter((event) => event.action === 'invite' && invitationIds.has(event.target.id))
      .map((event) => ({ ...event })),
  };
  return { ms, rows: newRows(noRows, rows) };
}

/** The least a map store does: the same rows into maps by id, accounts also by email (unique). */
function memoryBare(rows: Rows, tables: readonly Table[]): number {
  const start = performance.now();
  const byEmail = new Map<string, unknown>();
  const maps = tables.map(() => new Map<unknown, unknown>());
  for (const [t, table] of tables.entries()) {
    const map = maps[t] as Map<unknown, unknown>;
    for (const row of rows[table]) {
      if (table === 'rosterkit_accounts') {
        const key = `${row.orgId}\u0000${row.email}`;
        if (byEmail.has(key)) throw new Error(`duplicate email ${row.email}`);
        byEmail.set(key, row.id);
      }
      map.set(row.id, { ...row });
    }
  }
  return performance.now() - start;
}

// ---------------------------------------------------------------- running
const noRows: Rows = {
  rosterkit_accounts: [],
  rosterkit_invitations: [],
  rosterkit_outbox_messages: [],
  rosterkit_audit_events: [],
};

/** The rows of `after` that `before` did not hold: what the import wrote. */
function newRows(before: Rows, after: Rows): Rows {
  const rows = {} as Rows;
  for (const table of written) {
    const old = new Set(before[table].map((row) => row.id));
    rows[table] = after[table].filter((row) => !old.has(row.id));
    if (rows[table].length !== ROWS) {
      throw new Error(`the import wrote ${rows[table].length} rows to ${table}, not ${ROWS}`);
    }
  }
  return rows;
}

function print(
  title: string,
  times: Map<string, number[]>,
  target?: number,
  everyTableTarget?: number,
): void {
  const [ours, accountsOnly, everyTable] = [...times.values()].map(median) as [
    number,
    number,
    number,
  ];
  const names = [...times.keys()];
  const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0).padStart(7)} ms`;
  const perRow = (x: number) => `${((x * 1000) / ROWS).toFixed(1).padStart(6)} µs/row`;
  const spread = (xs: number[]) =>
    `(${[...xs]
      .sort((a, b) => a - b)
      .map((x) => x.toFixed(0))
      .join(' ')})`;
  console.log(title);
  for (const name of names) {
    const xs = times.get(name) ?? [];
    const x = median(xs);
    console.log(`  ${name.padEnd(44)} ${ms(x)} ${perRow(x)}  ${spread(xs)}`);
  }
  console.log(
    `  ratio rosterkit / bare (accounts)            ${(ours / accountsOnly).toFixed(2).padStart(7)}x${
      target === undefined ? '' : ` (target <= ${target}x)`
    }`,
  );
  console.log(
    `  ratio rosterkit / bare (every table)         ${(ours / everyTable).toFixed(2).padStart(7)}x${
      everyTableTarget === undefined ? '' : ` (target <= ${everyTableTarget}x)`
    }`,
  );
  console.log(
    `  (bare every table / bare accounts           ${(everyTable / accountsOnly).toFixed(2).padStart(7)}x: the ratio the 4 tables alone cost)`,
  );
}

console.log(
  `bulkImport of ${ROWS.toLocaleString('en-US')} staff rows (${file.filter((r) => r.manager).length} with a manager, ${file.filter((r) => r.groups).length} with groups, ${file.filter((r) => r.space).length} with a home site), median of ${REPS} runs, each into a fresh database:`,
);
console.log(
  '  rosterkit writes per row: an account, an invitation, an outbox message and an audit event, in batches of 500 rows (one transaction each);',
);
console.log(
  '  bare (accounts) writes the same account rows only; bare (every table) writes the same rows of those 4 tables; both in one transaction of multi-row INSERTs.',
);

// Each section's first rosterkit run is its warm-up, and captures the rows it
// wrote: the bare baselines insert those.
if (only === undefined || only === 'memory') {
  const { rows } = await memoryRosterkit(true);
  const memoryTimes = await measure(
    [
      {
        name: 'rosterkit bulkImport, memory store',
        run: async () => (await memoryRosterkit(false)).ms,
      },
      {
        name: 'bare: accounts into Maps',
        run: async () => memoryBare(rows, ['rosterkit_accounts']),
      },
      { name: 'bare: the 4 tables into Maps', run: async () => memoryBare(rows, written) },
    ],
    REPS,
  );
  print(
    'memory (@rosterkit/adapter-memory; no driver, the baselines are Maps):',
    memoryTimes,
    undefined,
    5,
  );
}

if (only === undefined || only === 'sqlite') {
  const { rows } = await sqliteRosterkit(true);
  const sqliteTimes = await measure(
    [
      {
        name: 'rosterkit bulkImport, Prisma + better-sqlite3',
        run: async () => (await sqliteRosterkit(false)).ms,
      },
      {
        name: 'bare: accounts, better-sqlite3 INSERTs',
        run: () => sqliteBare(rows, ['rosterkit_accounts']),
      },
      { name: 'bare: 4 tables, better-sqlite3 INSERTs', run: () => sqliteBare(rows, written) },
    ],
    REPS,
  );
  print('SQLite (@prisma/adapter-better-sqlite3, a new file per run):', sqliteTimes);
}

if (only === undefined || only === 'postgresql') {
  const { rows } = await postgresRosterkit(true);
  const postgresTimes = await measure(
    [
      {
        name: 'rosterkit bulkImport, Prisma + pg',
        run: async () => (await postgresRosterkit(false)).ms,
      },
      {
        name: 'bare: accounts, pg multi-row INSERTs',
        run: () => postgresBare(rows, ['rosterkit_accounts']),
      },
      { name: 'bare: 4 tables, pg multi-row INSERTs', run: () => postgresBare(rows, written) },
    ],
    REPS,
  );
  print('PostgreSQL (@prisma/adapter-pg, a new database per run):', postgresTimes, 3);
}
