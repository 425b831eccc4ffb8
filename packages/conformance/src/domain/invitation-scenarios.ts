import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

const week = 7 * 24 * 60 * 60 * 1000;

/** Invitations through the commands (DESIGN rules 12 and 13). */
export const invitationScenarios: ConformanceSuite = (test) => {
  test('Domain: rule 13: the token is random, shown once and stored only as a hash', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { invitation, token } = await org
      .as(org.admin)
      .invite({ email: 'dee@acme.io', role: 'agent' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.raw.invitation(org.organization.id, invitation.id);
    expect(stored?.tokenHash).toBeDefined();
    expect(stored?.tokenHash).not.toContain(token);
    const everything = JSON.stringify([
      await ctx.raw.auditEvents(org.organization.id),
      await ctx.raw.outbox(),
      stored,
    ]);
    expect(everything).not.toContain(token);
  });

  test('Domain: rule 13: an invitation is single-use and expires after 7 days', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const first = await org.as(org.admin).invite({ email: 'dee@acme.io', role: 'agent' });
    const accepted = await org.roster.acceptInvitation({
      token: first.token,
      firstName: 'Dee',
      lastName: 'Ray',
    });
    expect(accepted.account.status).toBe('active');
    expect(accepted.membership.role).toBe('agent');
    const acceptance = (await ctx.raw.auditEvents(org.organization.id)).find(
      (event) => event.action === 'acceptInvitation' && event.target.id === accepted.account.id,
    );
    expect(acceptance?.actor).toEqual({
      accountId: accepted.account.id,
      orgId: org.organization.id,
    });
    await expectRosterError(org.roster.acceptInvitation({ token: first.token }), 'NOT_FOUND');

    const second = await org.as(org.admin).invite({ email: 'eli@acme.io', role: 'agent' });
    const third = await org.as(org.admin).invite({ email: 'fay@acme.io', role: 'agent' });
    // Still good a moment before the 7 days are up, no longer a moment after.
    org.clock.advance(week - 1);
    const justInTime = await org.roster.acceptInvitation({
      token: third.token,
      firstName: 'Fay',
      lastName: 'L',
    });
    expect(justInTime.account.status).toBe('active');
    org.clock.advance(2);
    await expectRosterError(
      org.roster.acceptInvitation({ token: second.token, firstName: 'Eli', lastName: 'K' }),
      'INVITATION_EXPIRED',
    );
    expect((await ctx.raw.account(org.organization.id, second.account.id))?.status).toBe('pending');
  });

  test('Domain: rule 13: resend rotates token and expiry; revoke makes it unusable and the pending account disappears', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const sent = await admin.invite({ email: 'dee@acme.io', role: 'agent' });
    const other = await admin.invite({ email: 'fay@acme.io', role: 'agent' });
    org.clock.advance(week - 1000);
    const resent = await admin.resendInvitation({ invitationId: sent.invitation.id });
    const otherResent = await admin.resendInvitation({ invitationId: other.invitation.id });
    expect(resent.token).not.toBe(sent.token);
    expect(resent.invitation.expiresAt.getTime()).toBeGreaterThan(
      sent.invitation.expiresAt.getTime(),
    );
    await expectRosterError(
      org.roster.acceptInvitation({ token: sent.token, firstName: 'D', lastName: 'R' }),
      'NOT_FOUND',
    );
    expect((await ctx.raw.invitation(org.organization.id, sent.invitation.id))?.expiresAt).toEqual(
      resent.invitation.expiresAt,
    );
    // Past the first expiry, the new token works.
    org.clock.advance(2000);
    const accepted = await org.roster.acceptInvitation({
      token: otherResent.token,
      firstName: 'Fay',
      lastName: 'L',
    });
    expect(accepted.account.status).toBe('active');

    const revoked = await admin.revokeInvitation({ invitationId: sent.invitation.id });
    expect(revoked.status).toBe('revoked');
    expect(await ctx.raw.account(org.organization.id, sent.account.id)).toBeUndefined();
    await expectRosterError(
      org.roster.acceptInvitation({ token: resent.token, firstName: 'D', lastName: 'R' }),
      'NOT_FOUND',
    );
  });

  test('Domain: rule 12: an email that has an account is never invited twice', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const pending = await admin.invite({ email: 'dee@acme.io', role: 'agent' });
    const again = await expectRosterError(
      admin.invite({ email: ' DEE@acme.io ', role: 'agent' }),
      'ACCOUNT_EXISTS',
    );
    expect(again.details).toMatchObject({ accountId: pending.account.id, status: 'pending' });

    await admin.removeFromTeam({ accountId: org.agentA.id });
    const former = await expectRosterError(
      admin.invite({ email: 'bo@acme.io', role: 'agent' }),
      'ACCOUNT_EXISTS',
    );
    expect(former.details.status).toBe('active');
    expect(former.message).toMatch(/add them to the team/);

    await admin.deactivate({ accountId: org.agentB.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.invite({ email: 'cy@acme.io', role: 'agent' }),
      'ACCOUNT_EXISTS',
    );
  });

  test('Domain: rule 12: two racing invitations of one email create one account', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const owner = org.as(org.owner);
    const results = await Promise.allSettled([
      admin.invite({ email: 'race@acme.io', role: 'agent' }),
      owner.invite({ email: 'race@acme.io', role: 'agent' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const page = await owner.listAccounts({ search: 'race@', limit: 10 });
    expect(page.total).toBe(1);
  });

  test('Domain: an invitation carries its inviter’s authority only while the inviter has it', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const asAdmin = await org.as(org.admin).invite({ email: 'dee@acme.io', role: 'admin' });
    const asAgent = await org.as(org.admin).invite({ email: 'eli@acme.io', role: 'agent' });
    // The inviter is demoted: they may no longer grant admin, nor invite at all.
    await org.as(org.owner).changeRole({ accountId: org.admin.id, role: 'agent' });
    for (const { token } of [asAdmin, asAgent]) {
      await expectRefusedUnchanged(
        ctx,
        org,
        () => org.roster.acceptInvitation({ token, firstName: 'Dee', lastName: 'Ray' }),
        'FORBIDDEN',
      );
    }
    expect((await ctx.raw.invitation(org.organization.id, asAdmin.invitation.id))?.status).toBe(
      'pending',
    );
    // Resent by someone who may grant it, it is good again, and the resender vouches for it.
    const resent = await org
      .as(org.owner)
      .resendInvitation({ invitationId: asAdmin.invitation.id });
    expect(resent.invitation.invitedBy).toBe(org.owner.id);
    const { account: dee, membership } = await org.roster.acceptInvitation({
      token: resent.token,
      firstName: 'Dee',
      lastName: 'Ray',
    });
    expect(membership.role).toBe('admin');

    // A deactivated inviter backs nothing either.
    const fromAgent = await org.as(org.owner).invite({ email: 'fay@acme.io', role: 'agent' });
    const byDee = await org.as(dee).invite({ email: 'gus@acme.io', role: 'agent' });
    await org.as(org.owner).deactivate({ accountId: dee.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.roster.acceptInvitation({ token: byDee.token, firstName: 'Gus', lastName: 'G' }),
      'FORBIDDEN',
    );
    const accepted = await org.roster.acceptInvitation({
      token: fromAgent.token,
      firstName: 'Fay',
      lastName: 'F',
    });
    expect(accepted.account.status).toBe('active');
  });

  test('Domain: a profile is bounded wherever it enters', async (ctx) => {
    const org = await seedScenario(ctx.store, { profileLimits: { maxFields: 3, maxBytes: 200 } });
    const fields = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, 'x']));
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.invite({ email: 'dee@acme.io', role: 'agent', profile: fields(4) }),
      'INVALID_INPUT',
    );
    const { token } = await admin.invite({
      email: 'dee@acme.io',
      role: 'agent',
      profile: fields(2),
    });
    const refused = await expectRosterError(
      org.roster.acceptInvitation({
        token,
        firstName: 'Dee',
        lastName: 'Ray',
        profile: { big: 'y'.repeat(300) },
      }),
      'INVALID_INPUT',
    );
    expect(refused.details.issues[0]?.path).toEqual(['profile']);
    const { account } = await org.roster.acceptInvitation({
      token,
      firstName: 'Dee',
      lastName: 'Ray',
    });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.updateProfile({ accountId: org.agentA.id, profile: fields(4) }),
      'INVALID_INPUT',
    );
    // The limit is on the profile as stored: two more fields on top of two is too many.
    await expectRosterError(
      admin.updateProfile({ accountId: account.id, profile: { a: '1', b: '2' } }),
      'INVALID_INPUT',
    );
    const report = await admin.bulkImport([
      { email: 'eli@acme.io', role: 'agent', profile: fields(4) },
    ]);
    expect(report.rows.map((row) => [row.error?.code, row.error?.column])).toEqual([
      ['INVALID_INPUT', 'profile'],
    ]);
  });

  test('Domain: bad input is refused before anything is read or written', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const error = await expectRosterError(
      admin.invite({ email: 'not-an-email', role: 'agent' }),
      'INVALID_INPUT',
    );
    expect(error.details.issues[0]?.path).toEqual(['email']);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.invite({ email: 'a@acme.io', role: 'wizard' }),
      'INVALID_INPUT',
    );
    await expectRefusedUnchanged(ctx, org, () => admin.deactivate(null as never), 'INVALID_INPUT');
  });
};
