import { type BulkImportRow, type BulkInvitation, createRoster } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import {
  accountIdOf,
  expectedImport,
  failed,
  importFile,
  rawState,
  report,
  seedBulk,
  storeFailingOnce,
} from './bulk-support.js';
import { scenarioPolicy } from './scenario-policy.js';

// Bulk import (DESIGN §5, Bulk), through createRoster, checked through the
// raw readers: exact reports, exactly the valid rows written, dry runs that
// write nothing, harmless re-runs, batches.

/** Bulk import through the commands. */
export const bulkImportScenarios: ConformanceSuite = (test) => {
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
        roles: scenarioPolicy.roles,
        check: (request) =>
          request.action === 'invite' && request.subject.spaceId === leeds.id
            ? { allowed: false, reason: 'Leeds invites its own staff.' }
            : scenarioPolicy.check(request),
        readFilter: scenarioPolicy.readFilter,
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
};
