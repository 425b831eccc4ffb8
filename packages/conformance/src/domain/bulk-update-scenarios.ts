import type { BulkUpdateRow } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { failed, ok, rawState, report, seedBulk } from './bulk-support.js';

// Bulk update (DESIGN §5, Bulk, and rule 8), through createRoster, checked
// through the raw readers.

/** Bulk update through the commands. */
export const bulkUpdateScenarios: ConformanceSuite = (test) => {
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
