import {
  type BulkImportRow,
  type BulkReport,
  type BulkRowReport,
  RosterError,
  type Store,
  type StoreTransaction,
} from '@rosterkit/core';
import type { ConformanceContext } from '../conformance-context.js';
import { type ScenarioOrg, seedScenario } from './scenario-roster.js';

// What the bulk scenarios share: report builders, the import file and the
// report it gives, the raw state of an organization, a store that fails once.

export const ok = (
  row: number,
  email: string,
  status: 'created' | 'updated' | 'unchanged',
  accountId: string,
): BulkRowReport => ({ row, email, status, accountId, error: null });

export const failed = (
  row: number,
  email: string | null,
  code: NonNullable<BulkRowReport['error']>['code'],
  message: string,
  column: string | null,
  accountId: string | null = null,
): BulkRowReport => ({
  row,
  email,
  status: 'failed',
  accountId,
  error: { code, message, column },
});

export function report(dryRun: boolean, rows: BulkRowReport[]): BulkReport {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { dryRun, rows, counts };
}

/** Everything of the organization the raw readers can reach, to compare before and after. */
export async function rawState(ctx: ConformanceContext, org: ScenarioOrg) {
  const orgId = org.organization.id;
  const page = await org.as(org.owner).listAccounts({ limit: 500 });
  const ids = page.items.map((item) => item.account.id).sort();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return {
    organization: await ctx.raw.organization(orgId),
    accounts: await Promise.all(ids.map((id) => ctx.raw.account(orgId, id))),
    memberships: await Promise.all(
      page.items
        .flatMap((item) => item.memberships.map((m) => m.id))
        .sort()
        .map((id) => ctx.raw.membership(orgId, id)),
    ),
    audit: [...(await ctx.raw.auditEvents(orgId))].sort(byId),
    outbox: [...(await ctx.raw.outbox())].sort(byId),
  };
}

/** The scenario organization with groups Sales and Support in its team, and a second space, Leeds. */
export async function seedBulk(store: Store) {
  const org = await seedScenario(store);
  const owner = org.as(org.owner);
  const sales = await owner.createGroup({ name: 'Sales' });
  const support = await owner.createGroup({ name: 'Support' });
  const leeds = await owner.createSpace({ name: 'Leeds' });
  return { org, sales, support, leeds };
}

/** The import file of the scenarios: good rows, bad rows, a duplicate, an existing person, refusals. */
export const importFile: BulkImportRow[] = [
  {
    rowNumber: 2,
    email: 'dee@acme.io',
    firstName: 'Dee',
    lastName: 'Doe',
    role: 'agent',
    groups: ['Sales', 'support'],
    manager: 'adi@acme.io',
  },
  { rowNumber: 3, email: 'not-an-email', role: 'agent' },
  { rowNumber: 4, email: ' DEE@acme.io', role: 'agent' },
  { rowNumber: 5, email: 'bo@acme.io', role: 'agent' },
  { rowNumber: 6, email: 'boss@acme.io', role: 'director' },
  { rowNumber: 7, email: 'fay@acme.io', role: 'agent', groups: ['Marketing'] },
  { rowNumber: 8, email: 'gus@acme.io', role: 'agent', space: 'Paris' },
  { rowNumber: 9, email: 'hal@acme.io', role: 'wizard' },
  {
    rowNumber: 10,
    email: 'eve@acme.io',
    firstName: 'Eve',
    role: 'agent',
    space: 'leeds',
    profile: { phone: '+44 113 496 0000' },
  },
  { rowNumber: 11, email: 'ivy@acme.io', role: 'agent', profile: { phone: { x: 1 } as never } },
  { rowNumber: 12, email: 'jo@acme.io', role: 'owner' },
  { rowNumber: 13, email: 'kim@acme.io', role: 'agent', manager: 'nobody@acme.io' },
];

/** The report the admin gets for {@link importFile}, given the ids of the two created accounts. */
export function expectedImport(
  org: ScenarioOrg,
  dryRun: boolean,
  created: { dee: string | null; eve: string | null },
  again = false,
): BulkReport {
  const status = again ? 'unchanged' : 'created';
  return report(dryRun, [
    { ...ok(2, 'dee@acme.io', status, created.dee ?? ''), accountId: created.dee },
    failed(
      3,
      'not-an-email',
      'INVALID_INPUT',
      'Invalid import row: email: Invalid email address.',
      'email',
    ),
    failed(
      4,
      ' DEE@acme.io',
      'INVALID_INPUT',
      'Duplicate of row 2: each email appears once in a file.',
      'email',
    ),
    ok(5, 'bo@acme.io', 'unchanged', org.agentA.id),
    failed(
      6,
      'boss@acme.io',
      'RANK_EXCEEDED',
      'You cannot grant a role that ranks above your own.',
      'role',
    ),
    failed(7, 'fay@acme.io', 'NOT_FOUND', 'There is no group named "Marketing" in Team.', 'groups'),
    failed(
      8,
      'gus@acme.io',
      'NOT_FOUND',
      'There is no space named "Paris" in this organization.',
      'space',
    ),
    failed(
      9,
      'hal@acme.io',
      'INVALID_INPUT',
      'Unknown role "wizard"; known roles: owner, director, admin, agent.',
      'role',
    ),
    { ...ok(10, 'eve@acme.io', status, created.eve ?? ''), accountId: created.eve },
    failed(
      11,
      'ivy@acme.io',
      'INVALID_INPUT',
      'Invalid import row: profile.phone: Invalid input.',
      'profile.phone',
    ),
    failed(
      12,
      'jo@acme.io',
      'OWNER_PROTECTED',
      "The owner role is the organization owner's alone; it moves only by transferring ownership.",
      'role',
    ),
    failed(
      13,
      'kim@acme.io',
      'NOT_FOUND',
      'The manager nobody@acme.io is not an active member of Team.',
      'manager',
    ),
  ]);
}

export async function accountIdOf(store: Store, orgId: string, email: string): Promise<string> {
  const account = await store.transaction((tx) => tx.accounts.findByEmail(orgId, email));
  if (account === undefined) throw new Error(`no account ${email}`);
  return account.id;
}

/** A store whose first transaction with a multi-row insertMany fails as a racing writer would make it. */
export function storeFailingOnce(store: Store): { store: Store; failures: () => number } {
  let failures = 0;
  const wrap = (tx: StoreTransaction): StoreTransaction => ({
    ...tx,
    accounts: {
      ...tx.accounts,
      async insertMany(rows) {
        if (failures === 0 && rows.length > 1) {
          failures += 1;
          throw new RosterError('CONFLICT', 'Someone else wrote first.', {
            subject: 'Account',
            reason: 'unique',
          });
        }
        return tx.accounts.insertMany(rows);
      },
    },
  });
  return {
    store: { transaction: (work) => store.transaction((tx) => work(wrap(tx))) },
    failures: () => failures,
  };
}
