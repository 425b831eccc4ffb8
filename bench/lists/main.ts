// Team pages (listMembers, 50 rows, sorted by name) at BENCH_ACCOUNTS
// accounts (default 100,000) on PostgreSQL, MariaDB, SQLite and the memory
// store, in one run. For each page: rosterkit's call (through an actor, as a
// host calls it: actor loaded, Policy asked, page, total and memberships)
// against a baseline measured in the same run, interleaved (on SQL also the
// store's part alone: the list and the page's memberships in one read-only
// store transaction, without the actor's four lookups and the Policy):
//   - SQL: the best hand-written statements we know with the same indexes
//     (total, page, memberships: sql-baseline.ts), through the bare driver;
//     on PostgreSQL also the same statements with the trigram indexes
//     dropped (in a transaction rolled back after each run), i.e. what a
//     search costs without them;
//   - memory: a hand-written JS pass over the same plain objects (the
//     team's memberships, a Map of accounts: filter, count, top-k).
// It checks that both sides return the same ids and total, and asserts
// nothing about the figures: the machine is shared and noisy, read the ratios.
//
// Run with `npm run bench:lists -w @rosterkit/bench` after `npx turbo run
// build`. BENCH_ACCOUNTS sets the size, BENCH_ONLY=postgresql|mysql|sqlite|memory
// one section, BENCH_ITERATIONS the timed runs per side (default 15).
// ROSTERKIT_POSTGRES_URL / ROSTERKIT_MARIADB_URL name the servers.
import { memoryStore } from '@rosterkit/adapter-memory';
import {
  type AccountStatus,
  type ActorApi,
  createRoster,
  type ListInput,
  matchAll,
  type Store,
} from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { type Dataset, dataset } from './data.js';
import { memoryBaseline } from './memory-baseline.js';
import { type Dialect, type PageCase, pageStatements } from './sql-baseline.js';
import { connectSql, type SqlTarget } from './sql-targets.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 15);
const only = process.env.BENCH_ONLY;
const LIMIT = 50;

interface Case {
  readonly label: string;
  readonly input: ListInput;
  /** Walk this many pages first, and measure the next one. */
  readonly skipPages?: number;
}

const cases: Case[] = [
  { label: 'first page', input: {} },
  { label: 'searched "mar"', input: { search: 'mar' } },
  { label: 'searched "silva" + active', input: { search: 'silva', statuses: ['active'] } },
  { label: 'filtered: role manager', input: { roles: ['manager'] } },
  { label: 'filtered: status deactivated', input: { statuses: ['deactivated'] } },
  { label: 'page 21 by cursor', input: {}, skipPages: 20 },
];

/** What both sides of a comparison return. */
export interface PageResult {
  readonly ids: readonly string[];
  readonly total: number;
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Median ms of each function, run interleaved (rotating who goes first). */
async function timeAll(fns: readonly (() => Promise<unknown>)[]): Promise<number[]> {
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < 2; i++) for (const fn of fns) await fn();
  for (let i = 0; i < ITERATIONS; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      const start = performance.now();
      await (fns[j] as () => Promise<unknown>)();
      (times[j] as number[]).push(performance.now() - start);
    }
  }
  return times.map(median);
}

/** An organization with `groups` queues, its owner's API and its data seeded through `store`. */
async function organizationOn(store: Store) {
  const roster = createRoster({ store, policy: createPolicy(presets.contactCenter) });
  const { organization, owner } = await roster.createOrganization({
    name: 'Northwind Support',
    plan: 'professional',
    owner: { email: 'olga.owner@northwind.io', firstName: 'Olga', lastName: 'Owner' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  const groupIds: string[] = [];
  for (let g = 1; g <= 10; g++)
    groupIds.push((await admin.createGroup({ name: `Queue ${g}`, kind: 'queue' })).id);
  const data = dataset(organization.id, organization.defaultSpaceId, groupIds, ACCOUNTS);
  const started = performance.now();
  for (let start = 0; start < data.accounts.length; start += 5_000) {
    await store.transaction(async (tx) => {
      await tx.accounts.insertMany(data.accounts.slice(start, start + 5_000));
    });
  }
  for (let start = 0; start < data.memberships.length; start += 5_000) {
    await store.transaction(async (tx) => {
      await tx.memberships.insertMany(data.memberships.slice(start, start + 5_000));
    });
  }
  const seedMs = performance.now() - started;
  // The owner is on the team too: the baselines see the same rows.
  await store.transaction(async (tx) => {
    const account = await tx.accounts.get(organization.id, owner.id);
    if (account !== undefined) data.accounts.push(account);
    data.memberships.push(...(await tx.memberships.listByAccounts(organization.id, [owner.id])));
  });
  return { admin, orgId: organization.id, teamId: organization.defaultSpaceId, data, seedMs };
}

/** The input of a case's measured page (walking `skipPages` pages first), and the last row before it. */
async function measuredInput(
  admin: ActorApi,
  c: Case,
): Promise<{ input: ListInput; after?: PageCase['after'] }> {
  let input: ListInput = { ...c.input, limit: LIMIT };
  let after: PageCase['after'];
  for (let page = 0; page < (c.skipPages ?? 0); page++) {
    const result = await admin.listMembers(input);
    const last = result.items.at(-1)?.account;
    if (result.nextCursor === null || last === undefined)
      throw new Error(`${c.label}: too few pages`);
    input = { ...input, cursor: result.nextCursor };
    after = {
      firstNameKey: last.firstName.toLowerCase(),
      lastNameKey: last.lastName.toLowerCase(),
      id: last.id,
    };
  }
  return after === undefined ? { input } : { input, after };
}

async function ours(admin: ActorApi, input: ListInput): Promise<PageResult> {
  const page = await admin.listMembers(input);
  return { ids: page.items.map((item) => item.account.id), total: page.total ?? -1 }; // never null: no case asks for total none
}

/** The same page through the store alone: what the adapter's SQL costs. */
async function storeOnly(
  store: Store,
  ids: { orgId: string; teamId: string },
  input: ListInput,
): Promise<PageResult> {
  return store.transaction(
    async (tx) => {
      const page = await tx.accounts.list({
        orgId: ids.orgId,
        // The owner's read filter, as it reads in the organization.
        readFilter: matchAll,
        sort: { field: 'name', direction: 'asc' },
        limit: input.limit ?? LIMIT,
        total: 'exact',
        memberOf: ids.teamId,
        ...(input.search === undefined ? {} : { search: input.search }),
        ...(input.statuses === undefined
          ? {}
          : { statuses: input.statuses as readonly AccountStatus[] }),
        ...(input.roles === undefined ? {} : { roles: input.roles }),
        ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
      });
      const pageIds = page.items.map((account) => account.id);
      await tx.memberships.listByAccounts(ids.orgId, pageIds);
      return { ids: pageIds, total: page.total ?? -1 };
    },
    { readOnly: true },
  );
}

function same(label: string, a: PageResult, b: PageResult): void {
  if (a.total !== b.total || a.ids.join() !== b.ids.join()) {
    throw new Error(`${label}: results differ\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  }
}

const header = (baseline: string, extra?: string, sql = false) =>
  console.log(
    `  ${'page (total rows)'.padEnd(44)} ${'rosterkit'.padStart(10)}${sql ? ` ${'store only'.padStart(10)}` : ''} ${baseline.padStart(12)}${extra === undefined ? '' : ` ${extra.padStart(14)}`}   ratio${sql ? '  store ratio' : ''}`,
  );

async function sqlSection(dialect: Dialect): Promise<void> {
  const target: SqlTarget = await connectSql(dialect);
  try {
    const { admin, orgId, teamId, seedMs } = await organizationOn(target.store);
    await target.analyze();
    console.log(
      `${target.title}: ${ACCOUNTS.toLocaleString('en-US')} accounts (seeded by insertMany in ${(seedMs / 1000).toFixed(1)} s); median ms of ${ITERATIONS} runs:`,
    );
    const trigram = await target.trigramIndexes();
    header('hand-written', dialect === 'postgresql' ? 'no trigram idx' : undefined, true);
    for (const c of cases) {
      const { input, after } = await measuredInput(admin, c);
      const statements = pageStatements(
        dialect,
        { ...(c.input as PageCase), ...(after === undefined ? {} : { after }) },
        { orgId, teamId },
        LIMIT,
      );
      const hand = () => target.page(statements, LIMIT);
      const a = await ours(admin, input);
      same(c.label, a, await hand());
      const store = () => storeOnly(target.store, { orgId, teamId }, input);
      same(`${c.label} (store only)`, await store(), await hand());
      const fns: (() => Promise<unknown>)[] = [() => ours(admin, input), hand, store];
      const searched = (c.input.search ?? '') !== '';
      const [t0, t1, t3] = (await timeAll(fns)) as [number, number, number];
      let noTrigram = '';
      if (dialect === 'postgresql') {
        // Measured on its own: the dropped index locks the table until the rollback.
        const [t2] = searched
          ? await timeAll([() => target.withoutIndexes(trigram, hand)])
          : [Number.NaN];
        noTrigram = ` ${(Number.isNaN(t2) ? '-' : (t2 as number).toFixed(2)).padStart(14)}`;
      }
      console.log(
        `  ${`${c.label} (${a.total})`.padEnd(44)} ${t0.toFixed(2).padStart(10)} ${t3.toFixed(2).padStart(10)} ${t1.toFixed(2).padStart(12)}${noTrigram}   ${(t0 / t1).toFixed(2)}x  ${(t3 / t1).toFixed(2).padStart(10)}x`,
      );
    }
    if (dialect === 'postgresql')
      console.log(`  (trigram indexes: ${trigram.length === 0 ? 'none' : trigram.join(', ')})`);
  } finally {
    await target.close();
  }
}

async function memorySection(): Promise<void> {
  const store = memoryStore();
  const { admin, teamId, data, seedMs } = await organizationOn(store);
  const baseline = memoryBaseline(data as Dataset, teamId);
  console.log(
    `memory store: ${ACCOUNTS.toLocaleString('en-US')} accounts (seeded in ${(seedMs / 1000).toFixed(1)} s); median ms of ${ITERATIONS} runs (target: ratio <= 3x):`,
  );
  header('JS pass');
  for (const c of cases) {
    const { input, after } = await measuredInput(admin, c);
    const hand = async () =>
      baseline.page({ ...(c.input as PageCase), ...(after === undefined ? {} : { after }) }, LIMIT);
    const a = await ours(admin, input);
    same(c.label, a, await hand());
    const [t0, t1] = (await timeAll([() => ours(admin, input), hand])) as [number, number];
    console.log(
      `  ${`${c.label} (${a.total})`.padEnd(44)} ${t0.toFixed(2).padStart(10)} ${t1.toFixed(2).padStart(12)}   ${(t0 / t1).toFixed(2)}x`,
    );
  }
}

console.log(
  `Team pages (listMembers, ${LIMIT} rows by name, as the owner); ratio = rosterkit / baseline of the same run`,
);
for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const) {
  if (only === undefined || only === dialect) await sqlSection(dialect);
}
if (only === undefined || only === 'memory') await memorySection();
