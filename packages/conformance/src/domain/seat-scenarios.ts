import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

// Issue 14, item 8: a plan caps its seats. The scenario organization has
// four active members (owner, admin, two agents) on the plan `small`.

const seatLimits = {
  small: { members: 5, pendingInvitations: 2 },
  tiny: { members: 3 },
  unlimited: {},
};

/** `SEAT_LIMIT` on every command that takes a seat. */
export const seatScenarios: ConformanceSuite = (test) => {
  test('Domain: invite needs a free seat (members and pending invitations hold one) and a pending-invitation slot', async (ctx) => {
    const org = await seedScenario(ctx.store, { plan: 'small', seatLimits });
    const admin = org.as(org.admin);
    const first = await admin.invite({ email: 'dee@acme.io', role: 'agent' });
    const refused = await expectRosterError(
      admin.invite({ email: 'eve@acme.io', role: 'agent' }),
      'SEAT_LIMIT',
    );
    expect(refused.details).toEqual({
      plan: 'small',
      seat: 'members',
      limit: 5,
      inUse: 5,
      requested: 1,
    });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.invite({ email: 'eve@acme.io', role: 'agent' }),
      'SEAT_LIMIT',
    );
    // Revoking frees the seat the invitation held.
    await admin.revokeInvitation({ invitationId: first.invitation.id });
    await admin.invite({ email: 'eve@acme.io', role: 'agent' });
    // Deactivating frees a member's seat; the pending-invitation cap still holds.
    await admin.deactivate({ accountId: org.agentA.id });
    await admin.deactivate({ accountId: org.agentB.id });
    await admin.invite({ email: 'fay@acme.io', role: 'agent' });
    const pending = await expectRosterError(
      admin.invite({ email: 'gil@acme.io', role: 'agent' }),
      'SEAT_LIMIT',
    );
    expect(pending.details).toMatchObject({ seat: 'pendingInvitations', limit: 2, inUse: 2 });
  });

  test('Domain: reactivate and addToTeam need a free seat; acceptInvitation needs its member within the cap', async (ctx) => {
    const org = await seedScenario(ctx.store, { plan: 'small', seatLimits });
    const owner = org.as(org.owner);
    await owner.deactivate({ accountId: org.agentA.id });
    await owner.removeFromTeam({ accountId: org.agentB.id });
    // Two members gone (2 active + 0 pending of 5): two invitations and the last seat.
    const dee = await owner.invite({ email: 'dee@acme.io', role: 'agent' });
    await owner.invite({ email: 'eve@acme.io', role: 'agent' });
    await owner.reactivate({ accountId: org.agentA.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.addToTeam({ accountId: org.agentB.id, role: 'agent' }),
      'SEAT_LIMIT',
    );
    await owner.deactivate({ accountId: org.agentA.id });
    await owner.addToTeam({ accountId: org.agentB.id, role: 'agent' });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.reactivate({ accountId: org.agentA.id }),
      'SEAT_LIMIT',
    );
    // A smaller plan removes nobody, but the invitation cannot become a member past it.
    await owner.changePlan({ plan: 'tiny' });
    const accept = org.roster.acceptInvitation({
      token: dee.token,
      firstName: 'Dee',
      lastName: 'Ra',
    });
    const refused = await expectRosterError(accept, 'SEAT_LIMIT');
    expect(refused.details).toEqual({
      plan: 'tiny',
      seat: 'members',
      limit: 3,
      inUse: 3,
      requested: 1,
    });
    await owner.changePlan({ plan: 'small' });
    const { account } = await org.roster.acceptInvitation({
      token: dee.token,
      firstName: 'Dee',
      lastName: 'Ra',
    });
    expect(account.status).toBe('active');
  });

  test('Domain: a bulk import creates the rows that fit the seats and fails the rest with SEAT_LIMIT', async (ctx) => {
    const org = await seedScenario(ctx.store, { plan: 'small', seatLimits });
    const rows = ['dee', 'eve', 'fay'].map((name, i) => ({
      rowNumber: i + 2,
      email: `${name}@acme.io`,
      role: 'agent',
    }));
    await org.as(org.owner).removeFromTeam({ accountId: org.agentB.id });
    const report = await org.as(org.admin).bulkImport(rows, { batchSize: 10 });
    expect(report.rows.map((row) => row.status)).toEqual(['created', 'created', 'failed']);
    expect(report.rows[2]?.error).toEqual({
      code: 'SEAT_LIMIT',
      message: 'The small plan allows 5 member seats; 3 are taken and this needs 3 more.',
      column: null,
    });
    const again = await org.as(org.admin).bulkImport(rows, { batchSize: 1 });
    expect(again.rows.map((row) => row.status)).toEqual(['unchanged', 'unchanged', 'failed']);
  });

  test('Domain: a bulk update reactivates the rows that fit the seats and fails the rest with SEAT_LIMIT', async (ctx) => {
    const org = await seedScenario(ctx.store, { plan: 'small', seatLimits });
    const owner = org.as(org.owner);
    await owner.deactivate({ accountId: org.agentA.id });
    await owner.deactivate({ accountId: org.agentB.id });
    await owner.invite({ email: 'dee@acme.io', role: 'agent' });
    await owner.invite({ email: 'eve@acme.io', role: 'agent' });
    // 2 active members and 2 pending invitations of 5: one seat left.
    const report = await org.as(org.admin).bulkUpdate([
      { email: 'bo@acme.io', deactivated: false },
      { email: 'cy@acme.io', deactivated: false },
    ]);
    expect(report.rows.map((row) => row.status)).toEqual(['updated', 'failed']);
    expect(report.rows[1]?.error?.code).toBe('SEAT_LIMIT');
    expect((await ctx.raw.account(org.organization.id, org.agentA.id))?.status).toBe('active');
    expect((await ctx.raw.account(org.organization.id, org.agentB.id))?.status).toBe('deactivated');
  });

  test('Domain: plans without caps are not limited', async (ctx) => {
    const org = await seedScenario(ctx.store, { plan: 'unlimited', seatLimits });
    const admin = org.as(org.admin);
    for (const name of ['dee', 'eve', 'fay', 'gil']) {
      await admin.invite({ email: `${name}@acme.io`, role: 'agent' });
    }
    const page = await admin.listAccounts({ statuses: ['pending'] });
    expect(page.total).toBe(4);
  });
};
