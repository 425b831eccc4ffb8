// rosterkit on PostgreSQL through @rosterkit/adapter-prisma, with
// BENCH_ACCOUNTS accounts (default 100,000), in a database created for the
// run and dropped at its end. Prints the SQL statements (round trips,
// BEGIN/COMMIT included) each command sends, counted on the pg.Pool given to
// PrismaPg, and its median time, against a hand-written `pg` transaction
// doing the same reads and writes (hand-written.ts); and the same commands
// with growing cascades (1, 10, 100 reports; 1, 10, 50 groups), where the
// target is a count that does not grow with the cascade. (The list pages,
// on every store, are lists/main.ts.)
// It measures: it checks that the results it compares agree, and asserts
// nothing about the figures.
//
// Run with `npm run bench:prisma -w @rosterkit/bench` after `npx turbo run
// build` (or `npm run bench`, which builds first). It generates its Prisma
// client from the adapter's schema fragment into bench/generated/ (not
// committed; `npm run generate`, the adapter's scripts/generate-clients.ts). ROSTERKIT_POSTGRES_URL names the server
// (default postgresql://postgres@127.0.0.1:5432/test; the user must be allowed
// to create databases). BENCH_LOG_SQL=1 also prints each command's statements.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations, prismaStore } from '@rosterkit/adapter-prisma';
import { type ActorApi, createRoster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import pg from 'pg';
import { PrismaClient } from '../generated/postgresql/client/client.js';
import { newDatabase, onServer } from '../support/postgres.js';
import { seededRandom } from '../support/seeded-random.js';
import {
  commandWrites,
  handWrittenAccept,
  handWrittenCommand,
  handWrittenInvite,
} from './hand-written.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const logSql = process.env.BENCH_LOG_SQL === '1';

const { name: database, url: databaseUrl } = newDatabase('i18_bench');

// Every statement Prisma sends goes through `query` of a client of this pool:
// plain queries through pool.query (which calls it), transactions on a client
// checked out with pool.connect(). Counting the calls counts round trips.
const counter = { statements: 0, log: [] as string[] };
function countingPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('connect', (client) => {
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      counter.statements += 1;
      const first = args[0];
      if (logSql)
        counter.log.push(
          typeof first === 'string' ? first : String((first as pg.QueryConfig).text),
        );
      return send(...args);
    };
  });
  return pool;
}

async function statementsOf(
  run: () => Promise<unknown>,
): Promise<{ count: number; ms: number; sql: string[] }> {
  counter.statements = 0;
  counter.log = [];
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  return { count: counter.statements, ms, sql: counter.log };
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// Every run seeds the same data.
const { random, pick } = seededRandom(0x2f6b1d);

const firstNames = `
Ana Maria Marco José Lucía Omar Fatima Chen Wei Yuki Hiro Priya Arjun Kumar Olga Ivan Zoë
Liam Noah Emma Sofia Mateo Amara Kwame Tamara Léa Hugo Jonas Freya Ahmed Leila Sven Ingrid
Pedro Marta Tomás Nadia Grace Daniel Sara Ravi Mei
`
  .trim()
  .split(/\s+/);
const lastNames = `
Silva Santos García Martínez Nguyen Tran Kim Park Sato Tanaka Müller Schmidt Rossi Bianchi
Dubois Moreau Khan Patel Sharma Okafor Mensah Ivanova Novak Kowalski Berg Larsen Smith
Brown Wilson Taylor Marsh Omari Haddad Cohen Levi Costa Ferreira Lopez
`
  .trim()
  .split(/\s+/);
const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

async function run(): Promise<void> {
  // The counter must see every statement, or the tables mean nothing.
  const one = await statementsOf(() => prisma.$queryRawUnsafe('SELECT 1'));
  const tx = await statementsOf(() =>
    prisma.$transaction((db) => db.rosterkitOrganization.findFirst(), {
      isolationLevel: 'Serializable',
    }),
  );
  if (one.count !== 1 || tx.count !== 4) {
    throw new Error(
      `statement counter is off: SELECT 1 -> ${one.count}, a one-read transaction -> ${tx.count}`,
    );
  }

  const roles = presets.contactCenter;
  const roster = createRoster({ store: prismaStore(prisma), policy: createPolicy(roles) });
  let seeded = performance.now();
  const { organization, owner } = await roster.createOrganization({
    name: 'Northwind Support',
    plan: 'professional',
    owner: { email: 'olga.owner@northwind.io', firstName: 'Olga', lastName: 'Owner' },
  });
  const orgId = organization.id;
  const teamId = organization.defaultSpaceId;
  const admin: ActorApi = roster.as({ accountId: owner.id, orgId });
  const sites: string[] = [];
  for (const name of ['Lisbon', 'Manila', 'Austin'])
    sites.push((await admin.createSpace({ name })).id);
  const queues: string[] = [];
  for (let g = 1; g <= 60; g++) {
    queues.push(
      (await admin.createGroup({ name: `Queue ${String(g).padStart(2, '0')}`, kind: 'queue' })).id,
    );
  }
  const siteGroups = new Map<string, string[]>();
  for (const spaceId of sites) {
    const ids: string[] = [];
    for (const name of ['Sales', 'Billing', 'Support', 'Returns', 'VIP', 'Night shift']) {
      ids.push((await admin.createGroup({ name, kind: 'department', spaceId })).id);
    }
    siteGroups.set(spaceId, ids);
  }
  const viaCommands = performance.now() - seeded;
  const { fixtures, rowsMs, insertMs, analyzeMs } = await seed({
    orgId,
    teamId,
    ownerId: owner.id,
    sites,
    queues,
    siteGroups,
  });
  seeded = performance.now() - seeded;
  console.log(
    `rosterkit on PostgreSQL (Prisma 7, @prisma/adapter-pg), ${ACCOUNTS.toLocaleString('en-US')} accounts seeded in ${(seeded / 1000).toFixed(1)} s`,
  );
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `  (organization, 3 sites and 78 groups through rosterkit ${s(viaCommands)}; rows built ${s(rowsMs)}; multi-row INSERTs through pg ${s(insertMs)}; ANALYZE ${s(analyzeMs)})`,
  );
  console.log(
    `  statement counter checked: SELECT 1 -> ${one.count}; a Serializable transaction with one read -> ${tx.count} (BEGIN, SET TRANSACTION ISOLATION LEVEL, SELECT, COMMIT)`,
  );

  await roundTrips(roster, admin, { orgId, teamId, owner: owner.id, queues, fixtures });
}

// ---------------------------------------------------------------- seeding
interface SeedInput {
  orgId: string;
  teamId: string;
  ownerId: string;
  sites: string[];
  queues: string[];
  siteGroups: Map<string, string[]>;
}

interface Fixtures {
  /** Active agents in the team with no group, manager or report: the commands' targets. */
  agents: string[];
  /** Active administrators in the team (for transferOwnership). */
  admins: string[];
  /** Active managers with no report. */
  managers: string[];
  /** Active managers with two reports each. */
  leads: string[];
  /** `${command}:${reports}` -> a manager with that many reports, and who takes them. */
  cascades: Map<string, { manager: string; to: string }>;
  /** Groups count -> an active agent in that many queues. */
  grouped: Map<number, string>;
}

type Row = unknown[];
const columns = {
  rosterkit_accounts: [
    ['id', 'text'],
    ['orgId', 'text'],
    ['email', 'text'],
    ['firstName', 'text'],
    ['lastName', 'text'],
    ['firstNameKey', 'text'],
    ['lastNameKey', 'text'],
    ['nameSearch', 'text'],
    ['emailSearch', 'text'],
    ['status', 'text'],
    ['profileJson', 'text'],
    ['lastSeenAt', 'timestamp(3)'],
    ['createdAt', 'timestamp(3)'],
    ['updatedAt', 'timestamp(3)'],
    ['version', 'int'],
  ],
  rosterkit_memberships: [
    ['id', 'text'],
    ['orgId', 'text'],
    ['accountId', 'text'],
    ['spaceId', 'text'],
    ['state', 'text'],
    ['role', 'text'],
    ['restrictionsJson', 'text'],
    ['groupIdsJson', 'text'],
    ['managerId', 'text'],
    ['periodsJson', 'text'],
    ['version', 'int'],
  ],
  rosterkit_membership_groups: [
    ['membershipId', 'text'],
    ['groupId', 'text'],
    ['orgId', 'text'],
  ],
  rosterkit_invitations: [
    ['id', 'text'],
    ['orgId', 'text'],
    ['accountId', 'text'],
    ['spaceId', 'text'],
    ['email', 'text'],
    ['role', 'text'],
    ['groupIdsJson', 'text'],
    ['restrictionsJson', 'text'],
    ['managerId', 'text'],
    ['invitedBy', 'text'],
    ['tokenHash', 'text'],
    ['status', 'text'],
    ['expiresAt', 'timestamp(3)'],
    ['createdAt', 'timestamp(3)'],
    ['version', 'int'],
  ],
} as const;

// Multi-row INSERTs: one statement per 10,000 rows, each column sent as one
// array parameter and unnested. Dates travel as ISO text (UTC, as Prisma
// stores them in `timestamp(3)`).
async function insertAll(table: keyof typeof columns, rows: readonly Row[]): Promise<void> {
  const cols = columns[table];
  const names = cols.map(([name]) => `"${name}"`).join(', ');
  const arrays = cols.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += 10_000) {
    const batch = rows.slice(start, start + 10_000);
    await raw.query(
      `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`,
      cols.map((_, i) => batch.map((row) => row[i] ?? null)),
    );
  }
}

async function seed(
  input: SeedInput,
): Promise<{ fixtures: Fixtures; rowsMs: number; insertMs: number; analyzeMs: number }> {
  const started = performance.now();
  const { orgId, teamId, ownerId, sites, queues, siteGroups } = input;
  const now = Date.now();
  const day = 86_400_000;
  const accounts: Row[] = [];
  const memberships: Row[] = [];
  const membershipGroups: Row[] = [];
  const invitations: Row[] = [];
  const fixtures: Fixtures = {
    agents: [],
    admins: [],
    managers: [],
    leads: [],
    cascades: new Map(),
    grouped: new Map(),
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  const addAccount = (
    id: string,
    status: 'pending' | 'active' | 'deactivated',
    createdAt: number,
    first = pick(firstNames),
    last = pick(lastNames),
  ) => {
    const email = `${ascii(first)}.${ascii(last)}.${id}@northwind.io`;
    const seen = status === 'pending' || random() < 0.3 ? null : iso(now - random() * 30 * day);
    const profile =
      random() < 0.5 ? { extension: 1000 + Math.floor(random() * 9000), title: 'Agent' } : {};
    accounts.push([
      id,
      orgId,
      email,
      first,
      last,
      first.toLowerCase(),
      last.toLowerCase(),
      // The search keys: these names and emails hold no % _ or \, so each
      // key is the lower-cased text (see the adapter's search-key.ts).
      `${first} ${last}`.toLowerCase(),
      email,
      status,
      JSON.stringify(profile),
      seen,
      iso(createdAt),
      iso(createdAt),
      1,
    ]);
    return email;
  };
  const addMembership = (
    accountId: string,
    spaceId: string,
    m: {
      role: string;
      former?: boolean;
      groupIds?: string[];
      managerId?: string | null;
      since: number;
    },
  ) => {
    const id = `mem-${accountId}-${spaceId}`;
    const groupIds = m.former === true ? [] : (m.groupIds ?? []);
    const periods = [
      {
        startedAt: iso(m.since),
        endedAt: m.former === true ? iso(m.since + 90 * day) : null,
        role: m.role,
      },
    ];
    memberships.push([
      id,
      orgId,
      accountId,
      spaceId,
      m.former === true ? 'account-only' : 'member',
      m.role,
      '[]',
      JSON.stringify(groupIds),
      m.former === true ? null : (m.managerId ?? null),
      JSON.stringify(periods),
      1,
    ]);
    for (const groupId of groupIds) membershipGroups.push([id, groupId, orgId]);
  };

  // The 100,000: 5% pending (an invitation, no membership yet), 7%
  // deactivated (no groups), 6% former members of the team, the rest active
  // members. One in 50 a manager, one in 1,000 an administrator; agents report
  // to the manager of their block of 50 and sit in 0 to 3 queues; a quarter
  // are also members of one of the three sites.
  const idOf = (i: number) => `acc-${String(i).padStart(6, '0')}`;
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = idOf(i);
    const bucket = i % 100;
    const status = bucket < 5 ? 'pending' : bucket < 12 ? 'deactivated' : 'active';
    const createdAt =
      status === 'pending' ? now - random() * 6 * day : now - 30 * day - random() * 700 * day;
    const email = addAccount(id, status, createdAt);
    const role = i % 1000 === 33 ? 'administrator' : i % 50 === 25 ? 'manager' : 'agent';
    const managerIndex = Math.floor(i / 50) * 50 + 25;
    const managerId = role === 'agent' && managerIndex < ACCOUNTS ? idOf(managerIndex) : null;
    if (status === 'pending') {
      invitations.push([
        `inv-${id}`,
        orgId,
        id,
        teamId,
        email,
        'agent',
        '[]',
        '[]',
        managerId,
        ownerId,
        randomBytes(32).toString('hex'),
        'pending',
        iso(createdAt + 7 * day),
        iso(createdAt),
        1,
      ]);
      continue;
    }
    const former = bucket >= 12 && bucket < 18;
    const groupIds =
      status === 'active' && role !== 'administrator'
        ? [...new Set(Array.from({ length: i % 4 }, () => pick(queues)))]
        : [];
    addMembership(id, teamId, { role, former, groupIds, managerId, since: createdAt });
    if (i % 4 === 1) {
      const site = sites[i % sites.length] as string;
      const siteRole = role === 'agent' ? 'agent' : 'manager';
      addMembership(id, site, {
        role: siteRole,
        groupIds: status === 'active' ? [pick(siteGroups.get(site) ?? [])] : [],
        since: createdAt + 10 * day,
      });
    }
    if (status === 'active' && !former && role === 'administrator') fixtures.admins.push(id);
  }

  // Beyond the 100,000, accounts made for the measurements, so that each
  // command finds its target in a known state.
  const since = now - 400 * day;
  let n = 0;
  const fresh = (role: string, m: { groupIds?: string[]; managerId?: string | null } = {}) => {
    const id = `fx-${String(n++).padStart(4, '0')}`;
    addAccount(id, 'active', since);
    addMembership(id, teamId, { role, since, ...m });
    return id;
  };
  for (let k = 0; k < 160; k++) fixtures.agents.push(fresh('agent'));
  for (let k = 0; k < 8; k++) fixtures.managers.push(fresh('manager'));
  for (let k = 0; k < 8; k++) {
    const lead = fresh('manager');
    fresh('agent', { managerId: lead });
    fresh('agent', { managerId: lead });
    fixtures.leads.push(lead);
  }
  for (const command of ['deactivate', 'removeFromTeam', 'reassignReports']) {
    for (const reports of [1, 10, 100]) {
      const manager = fresh('manager');
      const to = fresh('manager');
      for (let r = 0; r < reports; r++) fresh('agent', { managerId: manager });
      fixtures.cascades.set(`${command}:${reports}`, { manager, to });
    }
  }
  for (const groups of [1, 10, 50])
    fixtures.grouped.set(groups, fresh('agent', { groupIds: queues.slice(0, groups) }));

  const built = performance.now();
  await insertAll('rosterkit_accounts', accounts);
  await insertAll('rosterkit_memberships', memberships);
  await insertAll('rosterkit_membership_groups', membershipGroups);
  await insertAll('rosterkit_invitations', invitations);
  const inserted = performance.now();
  await raw.query('ANALYZE');
  return {
    fixtures,
    rowsMs: built - started,
    insertMs: inserted - built,
    analyzeMs: performance.now() - inserted,
  };
}

// ---------------------------------------------------------------- round trips
async function roundTrips(
  roster: ReturnType<typeof createRoster>,
  admin: ActorApi,
  ctx: { orgId: string; teamId: string; owner: string; queues: string[]; fixtures: Fixtures },
): Promise<void> {
  const { orgId, queues, fixtures } = ctx;
  const RUNS = 7;
  const agents = [...fixtures.agents];
  const take = () => {
    const id = agents.shift();
    if (id === undefined) throw new Error('out of fixture agents');
    return id;
  };
  const rows: [
    string,
    number[],
    number[],
    string[],
    { counts: number[]; times: number[] } | undefined,
  ][] = [];
  const client = await raw.connect();
  // Released when the run ends (raw.end() would wait for it forever).
  clients.push(client);
  async function measure(
    name: string,
    run: (k: number) => Promise<unknown>,
    handRun?: (k: number) => Promise<number>,
  ): Promise<void> {
    // The hand-written transaction, when there is one, on targets of its own.
    const hand =
      handRun ??
      (commandWrites[name] === undefined
        ? undefined
        : (() => {
            const list = Array.from({ length: RUNS + 1 }, take);
            return (k: number) =>
              handWrittenCommand(client, name, {
                orgId,
                teamId: ctx.teamId,
                actorId: ctx.owner,
                targetId: list[k + 1] as string,
                groups: queues.slice(2, 4),
              });
          })());
    await run(-1); // warm-up on its own target
    await hand?.(-1);
    const counts: number[] = [];
    const times: number[] = [];
    const handRuns = { counts: [] as number[], times: [] as number[] };
    let sql: string[] = [];
    for (let k = 0; k < RUNS; k++) {
      const r = await statementsOf(() => run(k));
      counts.push(r.count);
      times.push(r.ms);
      sql = r.sql;
      if (hand !== undefined) {
        const start = performance.now();
        handRuns.counts.push(await hand(k));
        handRuns.times.push(performance.now() - start);
      }
    }
    rows.push([name, counts, times, sql, hand === undefined ? undefined : handRuns]);
  }

  let invited = 0;
  const tokens: string[] = [];
  let handInvited = 0;
  await measure(
    'invite',
    async () => {
      const n = invited++;
      tokens.push(
        (await admin.invite({ email: `new.hire${n}@northwind.io`, role: 'agent' })).token,
      );
    },
    () =>
      handWrittenInvite(
        client,
        { orgId, teamId: ctx.teamId, actorId: ctx.owner },
        `hand.hire${handInvited++}@northwind.io`,
      ),
  );
  await measure(
    'acceptInvitation',
    async () => {
      const token = tokens.shift() as string;
      await roster.acceptInvitation({ token, firstName: 'New', lastName: 'Hire' });
    },
    () => handWrittenAccept(client),
  );
  const targets = (): ((k: number) => string) => {
    const list = Array.from({ length: RUNS + 1 }, take);
    return (k) => list[k + 1] as string;
  };
  const roleTargets = targets();
  await measure('changeRole', (k) =>
    admin.changeRole({ accountId: roleTargets(k), role: 'manager' }),
  );
  await measure('updateProfile', (k) =>
    admin.updateProfile({ accountId: roleTargets(k), lastName: `Renamed${k}` }),
  );
  const leaving = targets();
  await measure('deactivate', (k) => admin.deactivate({ accountId: leaving(k) }));
  await measure('reactivate', (k) => admin.reactivate({ accountId: leaving(k) }));
  const moving = targets();
  await measure('removeFromTeam', (k) => admin.removeFromTeam({ accountId: moving(k) }));
  await measure('addToTeam (re-add)', (k) =>
    admin.addToTeam({ accountId: moving(k), role: 'agent' }),
  );
  const grouping = targets();
  await measure('assignGroups (2 groups)', (k) =>
    admin.assignGroups({ accountId: grouping(k), groupIds: queues.slice(2, 4) }),
  );
  const managed = targets();
  await measure('setManager', (k) =>
    admin.setManager({ accountId: managed(k), managerId: fixtures.managers[0] as string }),
  );
  await measure('reassignReports (2 reports, to one manager)', (k) =>
    admin.reassignReports({
      managerId: fixtures.leads[k + 1] as string,
      reassignment: { to: fixtures.managers[0] as string },
    }),
  );
  // Ownership goes back and forth between the owner and an administrator.
  const [other] = fixtures.admins;
  if (other === undefined) throw new Error('no administrator to transfer ownership to');
  let current = { actor: admin, from: ctx.owner, to: other };
  await measure('transferOwnership', async () => {
    const { actor, from, to } = current;
    await actor.transferOwnership({ toAccountId: to, previousOwnerRole: 'administrator' });
    current = { actor: roster.as({ accountId: to, orgId }), from: to, to: from };
  });
  await measure('getAccount', (k) =>
    admin.getAccount({ accountId: `acc-${String(1_000 + 97 * (k + 1)).padStart(6, '0')}` }),
  );
  await measure('listMembers (active, search "mar")', () =>
    admin.listMembers({ limit: 50, statuses: ['active'], search: 'mar' }),
  );
  await measure('listAccounts (search "kim", lastSeenAt)', () =>
    admin.listAccounts({
      limit: 50,
      search: 'kim',
      sort: { field: 'lastSeenAt', direction: 'desc' },
    }),
  );

  console.log(
    `round trips per command (SQL statements sent, BEGIN/SET TRANSACTION/COMMIT included), ${RUNS} runs each:`,
  );
  console.log(
    `  ${'command'.padEnd(46)} ${'statements'.padStart(10)} ${'median ms'.padStart(10)} ${'hand stmts'.padStart(10)} ${'hand ms'.padStart(10)}  ratio (ms)`,
  );
  const spread = (xs: number[]) => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return lo === hi ? String(lo) : `${lo}-${hi}`;
  };
  for (const [name, counts, times, sql, hand] of rows) {
    const baseline =
      hand === undefined
        ? ''
        : ` ${spread(hand.counts).padStart(10)} ${median(hand.times).toFixed(2).padStart(10)}  ${(median(times) / median(hand.times)).toFixed(2)}x`;
    console.log(
      `  ${name.padEnd(46)} ${spread(counts).padStart(10)} ${median(times).toFixed(2).padStart(10)}${baseline}`,
    );
    if (logSql) for (const s of sql) console.log(`      ${s.replace(/\s+/g, ' ').slice(0, 160)}`);
  }

  // The floor under every ratio: an interactive Prisma transaction at
  // Serializable with one read, against the same in hand-written `pg`.
  const floor = { prisma: [] as number[], pg: [] as number[] };
  for (let k = 0; k < 21; k++) {
    let start = performance.now();
    await prisma.$transaction(
      (db) => db.rosterkitOrganization.findFirst({ where: { id: orgId } }),
      { isolationLevel: 'Serializable' },
    );
    floor.prisma.push(performance.now() - start);
    start = performance.now();
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    await client.query('SELECT * FROM rosterkit_organizations WHERE id = $1', [orgId]);
    await client.query('COMMIT');
    floor.pg.push(performance.now() - start);
  }
  console.log(
    `  floor: a one-read transaction through Prisma (4 statements) ${median(floor.prisma).toFixed(2)} ms, through pg (3) ${median(floor.pg).toFixed(2)} ms  ${(median(floor.prisma) / median(floor.pg)).toFixed(2)}x`,
  );

  // The same command with a growing cascade, once per size (after the warm-ups above).
  console.log('cascades: statements of one command as the cascade grows (target: constant):');
  const sizes = [1, 10, 100];
  const cascade = async (
    name: string,
    run: (c: { manager: string; to: string }) => Promise<unknown>,
  ) => {
    const cells: string[] = [];
    for (const size of sizes) {
      const c = fixtures.cascades.get(`${name}:${size}`);
      if (c === undefined) throw new Error(`no fixture ${name}:${size}`);
      const r = await statementsOf(() => run(c));
      cells.push(`${String(r.count).padStart(4)} (${r.ms.toFixed(1).padStart(6)} ms)`);
      if (logSql)
        console.log(r.sql.map((s) => `      ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n'));
    }
    return cells;
  };
  console.log(
    `  ${'command'.padEnd(46)} ${sizes.map((s) => `${s} report${s === 1 ? '' : 's'}`.padStart(16)).join(' ')}`,
  );
  const show = (name: string, cells: string[]) =>
    console.log(`  ${name.padEnd(46)} ${cells.map((c) => c.padStart(16)).join(' ')}`);
  show(
    'deactivate a manager, reports to one manager',
    await cascade('deactivate', (c) =>
      admin.deactivate({ accountId: c.manager, reassignReports: { to: c.to } }),
    ),
  );
  show(
    'removeFromTeam a manager, reports to one',
    await cascade('removeFromTeam', (c) =>
      admin.removeFromTeam({ accountId: c.manager, reassignReports: { to: c.to } }),
    ),
  );
  show(
    'reassignReports, all to one manager',
    await cascade('reassignReports', (c) =>
      admin.reassignReports({ managerId: c.manager, reassignment: { to: c.to } }),
    ),
  );
  const groupSizes = [1, 10, 50];
  console.log(
    `  ${'command'.padEnd(46)} ${groupSizes.map((s) => `${s} group${s === 1 ? '' : 's'}`.padStart(16)).join(' ')}`,
  );
  const byGroups = async (run: (size: number) => Promise<unknown>) => {
    const cells: string[] = [];
    for (const size of groupSizes) {
      const r = await statementsOf(() => run(size));
      cells.push(`${String(r.count).padStart(4)} (${r.ms.toFixed(1).padStart(6)} ms)`);
      if (logSql)
        console.log(r.sql.map((s) => `      ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n'));
    }
    return cells;
  };
  show(
    'assignGroups to an agent in none',
    await byGroups((size) =>
      admin.assignGroups({ accountId: take(), groupIds: queues.slice(0, size) }),
    ),
  );
  show(
    'deactivate an agent in that many groups',
    await byGroups((size) => admin.deactivate({ accountId: fixtures.grouped.get(size) as string })),
  );
}

// ---------------------------------------------------------------- the run
await onServer(`CREATE DATABASE "${database}"`);
const countedPool = countingPool();
const prisma = new PrismaClient({ adapter: new PrismaPg(countedPool) });
const raw = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const clients: pg.PoolClient[] = [];
try {
  await applyMigrations(prisma, { provider: 'postgresql' });
  await run();
} finally {
  await prisma.$disconnect();
  await countedPool.end();
  for (const client of clients) client.release();
  await raw.end();
  await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
