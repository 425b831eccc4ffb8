import {
  type BulkImportRow,
  type BulkInvitation,
  type BulkReport,
  type BulkRowReport,
  type BulkUpdateRow,
  createRoster,
  RosterError,
  type Store,
  type StoreTransaction,
} from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from '../conformance-context.js';
import { scenarioPolicy } from './scenario-policy.js';
import { type ScenarioOrg, seedScenario } from './scenario-roster.js';

// Bulk import and bulk update (DESIGN §5, Bulk; rule 8), through createRoster,
// checked through the raw readers: exact reports, exactly the valid rows
// written, dry runs that write nothing, harmless re-runs, batches.

const ok = (
  row: number,
  email: string,
  status: 'created' | 'updated' | 'unchanged',
  accountId: string,
): BulkRowReport => ({ row, email, status, accountId, error: null });

const failed = (
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

function report(dryRun: boolean, rows: BulkRowReport[]): BulkReport {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { dryRun, rows, counts };
}

/** Everything of the organization the raw readers can reach, to compare before and after. */
async function rawState(ctx: ConformanceContext, org: ScenarioOrg) {
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
async function seedBulk(store: Store) {
  const org = await seedScenario(store);
  const owner = org.as(org.owner);
  const sales = await owner.createGroup({ name: 'Sales' });
  const support = await owner.createGroup({ name: 'Support' });
  const leeds = await owner.createSpace({ name: 'Leeds' });
  return { org, sales, support, leeds };
}

/** The import file of the scenarios: good rows, bad rows, a duplicate, an existing person, refusals. */
const importFile: BulkImportRow[] = [
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
function expectedImport(
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

async function accountIdOf(store: Store, orgId: string, email: string): Promise<string> {
  const account = await store.transaction((tx) => tx.accounts.findByEmail(orgId, email));
  if (account === undefined) throw new Error(`no account ${email}`);
  return account.id;
}

/** A store whose first transaction with a multi-row insertMany fails as a racing writer would make it. */
function storeFailingOnce(store: Store): { store: Store; failures: () => number } {
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

/** Bulk import and bulk update through the commands (DESIGN §5, Bulk, and rule 8). */
export const bulkScenarios: ConformanceSuite = (test) => {
  test('Domain: bulk import: valid, invalid, duplicate and refused rows give the exact report; only the valid rows land', async (ctx) => {
    const { org, sales, support, leeds } = await seedBulk(ctx.store);
    const orgId = org.organization.id;
    const before = await rawState(ctx, org);
    const issued: BulkInvitation[] = [];
    const result = await org.as(org.admin).bulkImport(importFile, {
      onInvitation: (invitation) => {
        issued.push(invitation);
      },
    });
    const dee = await accountIdOf(ctx.store, orgId, 'dee@acme.io');
    const eve = await accountIdOf(ctx.store, orgId, 'eve@acme.io');
    expect(result).toEqual(expectedImport(org, false, { dee, eve }));

    // Exactly two new accounts, pending, as the rows said.
    const after = await rawState(ctx, org);
    expect(after.accounts).toHaveLength(before.accounts.length + 2);
    expect(await ctx.raw.account(orgId, dee)).toMatchObject({
      email: 'dee@acme.io',
      firstName: 'Dee',
      lastName: 'Doe',
      status: 'pending',
      version: 1,
    });
    expect(await ctx.raw.account(orgId, eve)).toMatchObject({
      email: 'eve@acme.io',
      firstName: 'Eve',
      lastName: '',
      status: 'pending',
      profile: { phone: '+44 113 496 0000' },
    });
    // One audit event and one outbox message per created row, nothing else.
    const newEvents = after.audit.filter((event) => !before.audit.some((e) => e.id === event.id));
    expect(newEvents.map((event) => event.action)).toEqual(['invite', 'invite']);
    const newMessages = after.outbox.filter((m) => !before.outbox.some((o) => o.id === m.id));
    expect(newMessages.map((message) => message.topic)).toEqual([
      'invitation.created',
      'invitation.created',
    ]);
    // The invitations, read raw: space, groups and manager resolved from names and emails.
    expect(issued.map((invitation) => invitation.row)).toEqual([2, 10]);
    const invitations = await Promise.all(
      newEvents.map((event) => ctx.raw.invitation(orgId, event.target.id)),
    );
    const deeInvitation = invitations.find((invitation) => invitation?.accountId === dee);
    expect(deeInvitation).toMatchObject({
      email: 'dee@acme.io',
      role: 'agent',
      spaceId: org.organization.defaultSpaceId,
      groupIds: [sales.id, support.id],
      managerId: org.admin.id,
      status: 'pending',
      invitedBy: org.admin.id,
    });
    expect(invitations.find((invitation) => invitation?.accountId === eve)).toMatchObject({
      spaceId: leeds.id,
      groupIds: [],
      managerId: null,
    });
    expect(
      newMessages
        .map((message) => (message.payload as { invitationId: string }).invitationId)
        .sort(),
    ).toEqual(invitations.map((invitation) => invitation?.id).sort());
    // The token handed to onInvitation works: the membership lands as the row said.
    const token = issued.find((invitation) => invitation.account.id === dee)?.token ?? '';
    const accepted = await org.roster.acceptInvitation({ token });
    expect(await ctx.raw.membership(orgId, accepted.membership.id)).toMatchObject({
      accountId: dee,
      spaceId: org.organization.defaultSpaceId,
      state: 'member',
      role: 'agent',
      groupIds: [sales.id, support.id],
      managerId: org.admin.id,
    });
  });

  test('Domain: bulk import: a dry run gives the same report and writes nothing', async (ctx) => {
    const { org } = await seedBulk(ctx.store);
    const orgId = org.organization.id;
    const before = await rawState(ctx, org);
    const issued: BulkInvitation[] = [];
    const dry = await org.as(org.admin).bulkImport(importFile, {
      dryRun: true,
      onInvitation: (invitation) => {
        issued.push(invitation);
      },
    });
    expect(await rawState(ctx, org)).toEqual(before);
    expect(issued).toEqual([]);
    expect(dry).toEqual(expectedImport(org, true, { dee: null, eve: null }));
    // Several batches in a dry run: the same report again.
    expect(await org.as(org.admin).bulkImport(importFile, { dryRun: true, batchSize: 5 })).toEqual(
      dry,
    );
    expect(await rawState(ctx, org)).toEqual(before);
    const real = await org.as(org.admin).bulkImport(importFile);
    const created = {
      dee: await accountIdOf(ctx.store, orgId, 'dee@acme.io'),
      eve: await accountIdOf(ctx.store, orgId, 'eve@acme.io'),
    };
    expect(real).toEqual(expectedImport(org, false, created));
  });

  test('Domain: bulk import: running the same file twice creates nothing the second time', async (ctx) => {
    const { org } = await seedBulk(ctx.store);
    const orgId = org.organization.id;
    await org.as(org.admin).bulkImport(importFile);
    const once = await rawState(ctx, org);
    const created = {
      dee: await accountIdOf(ctx.store, orgId, 'dee@acme.io'),
      eve: await accountIdOf(ctx.store, orgId, 'eve@acme.io'),
    };
    const twice = await org.as(org.admin).bulkImport(importFile);
    expect(twice).toEqual(expectedImport(org, false, created, true));
    expect(twice.counts).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 9 });
    expect(await rawState(ctx, org)).toEqual(once);
  });

  test('Domain: bulk import: batches smaller than the file report progress after each and give the one-batch report', async (ctx) => {
    const { org } = await seedBulk(ctx.store);
    const orgId = org.organization.id;
    const progress: number[] = [];
    const result = await org.as(org.admin).bulkImport(importFile, {
      batchSize: 5,
      onProgress: ({ done, total }) => {
        expect(total).toBe(importFile.length);
        progress.push(done);
      },
    });
    expect(progress).toEqual([0, 5, 10, 12]);
    const created = {
      dee: await accountIdOf(ctx.store, orgId, 'dee@acme.io'),
      eve: await accountIdOf(ctx.store, orgId, 'eve@acme.io'),
    };
    expect(result).toEqual(expectedImport(org, false, created));
  });

  test('Domain: bulk import: a batch that fails for an unexpected reason is run again row by row', async (ctx) => {
    const { org } = await seedBulk(ctx.store);
    const orgId = org.organization.id;
    const flaky = storeFailingOnce(ctx.store);
    const admin = createRoster({
      store: flaky.store,
      policy: scenarioPolicy,
      roles: {
        ownerRole: { name: 'owner' },
        roles: ['owner', 'director', 'admin', 'agent'].map((name) => ({ name })),
      },
    }).as({ accountId: org.admin.id, orgId });
    const result = await admin.bulkImport(importFile);
    expect(flaky.failures()).toBe(1);
    const created = {
      dee: await accountIdOf(ctx.store, orgId, 'dee@acme.io'),
      eve: await accountIdOf(ctx.store, orgId, 'eve@acme.io'),
    };
    expect(result).toEqual(expectedImport(org, false, created));
    const events = await ctx.raw.auditEvents(orgId);
    expect(events.filter((event) => event.action === 'invite')).toHaveLength(2 + 3);
  });

  test('Domain: bulk import: a row the Policy refuses names the column to change: role, space, or none', async (ctx) => {
    const { org, leeds } = await seedBulk(ctx.store);
    const orgId = org.organization.id;
    // Leeds invites its own staff: nobody here may invite anyone into it.
    const roster = createRoster({
      store: ctx.store,
      policy: {
        check: (request) =>
          request.action === 'invite' && request.subject.spaceId === leeds.id
            ? { allowed: false, reason: 'Leeds invites its own staff.' }
            : scenarioPolicy.check(request),
        readFilter: scenarioPolicy.readFilter,
      },
      roles: {
        ownerRole: { name: 'owner' },
        roles: ['owner', 'director', 'admin', 'agent'].map((name) => ({ name })),
      },
    });
    const file: BulkImportRow[] = [
      { email: 'una@acme.io', role: 'director' },
      { email: 'vic@acme.io', role: 'agent', space: 'Leeds' },
      { email: 'wes@acme.io', role: 'agent' },
    ];
    const before = await rawState(ctx, org);
    expect(
      await roster.as({ accountId: org.admin.id, orgId }).bulkImport(file, { dryRun: true }),
    ).toEqual(
      report(true, [
        // The admin may invite into Team, not with this role: change the role.
        failed(
          1,
          'una@acme.io',
          'RANK_EXCEEDED',
          'You cannot grant a role that ranks above your own.',
          'role',
        ),
        // The admin may invite an agent elsewhere, no one into Leeds: change the space.
        failed(2, 'vic@acme.io', 'FORBIDDEN', 'Leeds invites its own staff.', 'space'),
        { row: 3, email: 'wes@acme.io', status: 'created', accountId: null, error: null },
      ]),
    );
    // An agent may invite no one anywhere: no column of the row is at fault.
    expect(await roster.as({ accountId: org.agentA.id, orgId }).bulkImport(file)).toEqual(
      report(
        false,
        [1, 2, 3].map((row) =>
          failed(
            row,
            file[row - 1]?.email ?? '',
            'FORBIDDEN',
            row === 2 ? 'Leeds invites its own staff.' : 'You need the permission to manage users.',
            null,
          ),
        ),
      ),
    );
    expect(await rawState(ctx, org)).toEqual(before);
  });

  test('Domain: bulk update: changes land, refused rows fail with their column, rule 8 refuses team managers', async (ctx) => {
    const { org, sales } = await seedBulk(ctx.store);
    const orgId = org.organization.id;
    const owner = org.as(org.owner);
    await owner.assignGroups({ accountId: org.agentA.id, groupIds: [sales.id] });
    const { token } = await owner.invite({ email: 'dan@acme.io', role: 'agent' });
    const { account: dan } = await org.roster.acceptInvitation({
      token,
      firstName: 'Dan',
      lastName: 'Ito',
    });
    const before = await rawState(ctx, org);
    const file: BulkUpdateRow[] = [
      { rowNumber: 2, email: 'adi@acme.io', deactivated: true },
      { rowNumber: 3, email: 'bo@acme.io', deactivated: true },
      {
        rowNumber: 4,
        email: 'cy@acme.io',
        groups: ['Sales'],
        restrictions: ['no-export'],
        manager: 'adi@acme.io',
      },
      { rowNumber: 5, email: 'ana@acme.io', deactivated: true },
      { rowNumber: 6, email: 'CY@acme.io', role: 'admin' },
      { rowNumber: 7, email: 'nobody@acme.io', role: 'agent' },
      { rowNumber: 8, email: 'dan@acme.io', role: 'agent', deactivated: false, groups: [] },
    ];
    const result = await owner.bulkUpdate(file);
    expect(result).toEqual(
      report(false, [
        failed(
          2,
          'adi@acme.io',
          'BULK_DEACTIVATION_REFUSED',
          'Adi Test holds the role "admin", which can manage the team, so a bulk update does not deactivate them. Deactivate them one by one, after reassigning their direct reports.',
          'deactivated',
          org.admin.id,
        ),
        ok(3, 'bo@acme.io', 'updated', org.agentA.id),
        ok(4, 'cy@acme.io', 'updated', org.agentB.id),
        failed(
          5,
          'ana@acme.io',
          'SELF_ACTION',
          'You cannot deactivate your own account; another person who manages users must do it.',
          'deactivated',
          org.owner.id,
        ),
        failed(
          6,
          'CY@acme.io',
          'INVALID_INPUT',
          'Duplicate of row 4: each email appears once in a file.',
          'email',
        ),
        failed(
          7,
          'nobody@acme.io',
          'NOT_FOUND',
          'No account has the email nobody@acme.io in this organization.',
          'email',
        ),
        ok(8, 'dan@acme.io', 'unchanged', dan.id),
      ]),
    );
    // Bo is deactivated and out of every group; Cy has the new settings; nobody else changed.
    expect(await ctx.raw.account(orgId, org.agentA.id)).toMatchObject({ status: 'deactivated' });
    expect(await ctx.raw.account(orgId, org.admin.id)).toEqual(
      before.accounts.find((account) => account?.id === org.admin.id),
    );
    const after = await rawState(ctx, org);
    const boMembership = after.memberships.find((m) => m?.accountId === org.agentA.id);
    expect(boMembership).toMatchObject({ state: 'member', role: 'agent', groupIds: [] });
    const cyMembership = after.memberships.find((m) => m?.accountId === org.agentB.id);
    expect(cyMembership).toMatchObject({
      groupIds: [sales.id],
      restrictions: ['no-export'],
      managerId: org.admin.id,
      version: 2,
    });
    const newEvents = after.audit.filter((event) => !before.audit.some((e) => e.id === event.id));
    expect(newEvents.map((event) => [event.action, event.target.id]).sort()).toEqual(
      [
        ['bulkUpdate', org.agentA.id],
        ['bulkUpdate', org.agentB.id],
      ].sort(),
    );
    const newMessages = after.outbox.filter((m) => !before.outbox.some((o) => o.id === m.id));
    expect(newMessages.map((message) => [message.topic, message.payload])).toEqual([
      ['sessions.revoke', { accountId: org.agentA.id }],
    ]);
    expect(org.departures).toEqual([`deactivate:${org.agentA.id}:unassigned`]);
  });

  test('Domain: bulk update: rank, owner protection and the Policy refuse rows of a lower-ranked actor', async (ctx) => {
    const { org } = await seedBulk(ctx.store);
    await org.as(org.owner).changeRole({ accountId: org.agentB.id, role: 'director' });
    const before = await rawState(ctx, org);
    const result = await org.as(org.admin).bulkUpdate([
      { email: 'ana@acme.io', deactivated: true },
      { email: 'bo@acme.io', role: 'director' },
      { email: 'cy@acme.io', groups: ['Sales'] },
      { email: 'adi@acme.io', restrictions: ['no-export'] },
    ]);
    expect(result).toEqual(
      report(false, [
        failed(
          1,
          'ana@acme.io',
          'OWNER_PROTECTED',
          'The organization owner cannot be deactivated. Transfer ownership to another active member first.',
          'deactivated',
          org.owner.id,
        ),
        failed(
          2,
          'bo@acme.io',
          'RANK_EXCEEDED',
          'You cannot grant a role that ranks above your own.',
          'role',
          org.agentA.id,
        ),
        failed(
          3,
          'cy@acme.io',
          'RANK_EXCEEDED',
          'You cannot act on an account whose role ranks above yours.',
          'groups',
          org.agentB.id,
        ),
        failed(
          4,
          'adi@acme.io',
          'SELF_ACTION',
          'You cannot change the restrictions of your own account; another person who manages users must do it.',
          'restrictions',
          org.admin.id,
        ),
      ]),
    );
    expect(await rawState(ctx, org)).toEqual(before);
  });

  test('Domain: bulk update: a dry run gives the same report and writes nothing; a second run changes nothing', async (ctx) => {
    const { org } = await seedBulk(ctx.store);
    const owner = org.as(org.owner);
    const file: BulkUpdateRow[] = [
      { email: 'bo@acme.io', role: 'admin', groups: ['Support'] },
      { email: 'cy@acme.io', deactivated: true },
      { email: 'adi@acme.io', deactivated: true },
      { email: 'cy@acme.io', role: 'admin' },
    ];
    const before = await rawState(ctx, org);
    const dry = await owner.bulkUpdate(file, { dryRun: true });
    expect(await rawState(ctx, org)).toEqual(before);
    expect(org.departures).toEqual([]);
    const real = await owner.bulkUpdate(file);
    expect(dry).toEqual({ ...real, dryRun: true });
    expect(real.counts).toEqual({ created: 0, updated: 2, unchanged: 0, failed: 2 });
    const once = await rawState(ctx, org);
    const again = await owner.bulkUpdate(file, { batchSize: 1 });
    expect(again.rows.map((row) => row.status)).toEqual([
      'unchanged',
      'unchanged',
      'failed',
      'failed',
    ]);
    expect(await rawState(ctx, org)).toEqual(once);
  });

  test('Domain: bulk update: reactivation, and a manager deactivated by an earlier row of the file', async (ctx) => {
    const { org } = await seedBulk(ctx.store);
    const owner = org.as(org.owner);
    await owner.deactivate({ accountId: org.agentB.id });
    const progress: number[] = [];
    const result = await owner.bulkUpdate(
      [
        { email: 'cy@acme.io', deactivated: false, groups: ['Sales'] },
        { email: 'bo@acme.io', deactivated: true },
        { email: 'cy@acme.io', manager: 'bo@acme.io' },
      ],
      { batchSize: 2, onProgress: ({ done }) => progress.push(done) },
    );
    expect(progress).toEqual([0, 2, 3]);
    expect(
      result.rows.map((row) => [row.status, row.error?.code ?? null, row.error?.column ?? null]),
    ).toEqual([
      ['updated', null, null],
      ['updated', null, null],
      ['failed', 'INVALID_INPUT', 'email'],
    ]);
    const cy = await org.as(org.owner).bulkUpdate([{ email: 'cy@acme.io', manager: 'bo@acme.io' }]);
    expect(cy.rows[0]?.error).toEqual({
      code: 'NOT_FOUND',
      message: `No account ${org.agentA.id} in this organization.`,
      column: 'manager',
    });
    expect(await ctx.raw.account(org.organization.id, org.agentB.id)).toMatchObject({
      status: 'active',
    });
  });
};
