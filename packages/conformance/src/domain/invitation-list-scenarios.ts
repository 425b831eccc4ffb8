import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

const week = 7 * 24 * 60 * 60 * 1000;

/** Restrictions at invite, the invitation list, the invitee's decline, ACCOUNT_EXISTS's state (issue 14). */
export const invitationListScenarios: ConformanceSuite = (test) => {
  test('Domain: restrictions given at invite are stored on the invitation and land on the membership', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const { invitation, token } = await admin.invite({
      email: 'dee@acme.io',
      role: 'agent',
      restrictions: ['no-export', 'no-export', 'read-only'],
    });
    expect(invitation.restrictions).toEqual(['no-export', 'read-only']);
    expect((await ctx.raw.invitation(org.organization.id, invitation.id))?.restrictions).toEqual([
      'no-export',
      'read-only',
    ]);
    const { membership } = await org.roster.acceptInvitation({
      token,
      firstName: 'Dee',
      lastName: 'Ray',
    });
    expect((await ctx.raw.membership(org.organization.id, membership.id))?.restrictions).toEqual([
      'no-export',
      'read-only',
    ]);
    const issued: string[][] = [];
    await admin.bulkImport([{ email: 'eli@acme.io', role: 'agent', restrictions: ['read-only'] }], {
      onInvitation: ({ invitation }) => {
        issued.push(invitation.restrictions);
      },
    });
    expect(issued).toEqual([['read-only']]);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.invite({ email: 'fay@acme.io', role: 'agent', restrictions: [''] }),
      'INVALID_INPUT',
    );
  });

  test('Domain: listInvitations lists by status (expired read from expiresAt) and space, paged and counted', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const admin = org.as(org.admin);
    const old = await admin.invite({ email: 'old@acme.io', role: 'agent' });
    org.clock.advance(week + 1);
    const used = await admin.invite({ email: 'used@acme.io', role: 'agent' });
    await org.roster.acceptInvitation({ token: used.token, firstName: 'U', lastName: 'Sed' });
    const gone = await admin.invite({ email: 'gone@acme.io', role: 'agent' });
    await admin.revokeInvitation({ invitationId: gone.invitation.id });
    const no = await admin.invite({ email: 'no@acme.io', role: 'agent' });
    await org.roster.declineInvitation({ token: no.token });
    org.clock.advance(1); // the newest, on its own instant (ties go by id)
    const live = await owner.invite({ email: 'live@acme.io', role: 'agent', spaceId: leeds.id });

    const all = await admin.listInvitations();
    expect(all.total).toBe(5 + 3); // and the seed's three accepted invitations
    const status = Object.fromEntries(all.items.map((item) => [item.email, item.listStatus]));
    expect(status).toMatchObject({
      'old@acme.io': 'expired',
      'used@acme.io': 'accepted',
      'gone@acme.io': 'revoked',
      'no@acme.io': 'declined',
      'live@acme.io': 'pending',
    });
    expect(all.items[0]?.id).toBe(live.invitation.id); // newest first
    expect(all.items.some((item) => 'tokenHash' in item)).toBe(false);

    const waiting = await admin.listInvitations({ statuses: ['pending', 'expired'] });
    expect(waiting.items.map((item) => item.id)).toEqual([live.invitation.id, old.invitation.id]);
    const inLeeds = await admin.listInvitations({ spaceId: leeds.id });
    expect(inLeeds.items.map((item) => item.id)).toEqual([live.invitation.id]);

    const first = await admin.listInvitations({ limit: 3 });
    expect(first.items).toHaveLength(3);
    const rest = await admin.listInvitations({ limit: 10, cursor: first.nextCursor as string });
    expect([...first.items, ...rest.items].map((item) => item.id)).toEqual(
      all.items.map((item) => item.id),
    );
    // The "Resend" button has its id: an expired invitation resent is pending again.
    await admin.resendInvitation({ invitationId: old.invitation.id });
    expect((await admin.listInvitations({ statuses: ['expired'] })).total).toBe(0);
    await expectRosterError(admin.listInvitations({ spaceId: 'spc_nope' }), 'NOT_FOUND');
    await expectRosterError(
      admin.listInvitations({ statuses: ['lost'] as never }),
      'INVALID_INPUT',
    );
  });

  test('Domain: listInvitations never shows another organization’s invitations', async (ctx) => {
    const acme = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    await globex.as(globex.admin).invite({ email: 'x@globex.io', role: 'agent' });
    const page = await acme.as(acme.admin).listInvitations();
    expect(page.items.every((item) => item.orgId === acme.organization.id)).toBe(true);
    expect(page.total).toBe(3);
    await expectRosterError(
      acme.as(acme.admin).listInvitations({ spaceId: globex.organization.defaultSpaceId }),
      'NOT_FOUND',
    );
  });

  test('Domain: declineInvitation by token: declined, the pending account gone, audited, once', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const sent = await org.as(org.admin).invite({ email: 'dee@acme.io', role: 'agent' });
    const declined = await org.roster.declineInvitation({ token: sent.token });
    expect(declined.status).toBe('declined');
    const orgId = org.organization.id;
    expect((await ctx.raw.invitation(orgId, sent.invitation.id))?.status).toBe('declined');
    expect(await ctx.raw.account(orgId, sent.account.id)).toBeUndefined();
    const event = (await ctx.raw.auditEvents(orgId)).find((e) => e.action === 'declineInvitation');
    expect(event?.target).toEqual({ type: 'Invitation', id: sent.invitation.id });
    expect(event?.actor).toEqual({ accountId: sent.account.id, orgId });
    const told = (await ctx.raw.outbox()).find((m) => m.topic === 'invitation.declined');
    expect(told?.payload).toEqual({
      invitationId: sent.invitation.id,
      email: 'dee@acme.io',
      invitedBy: org.admin.id,
    });
    await expectRosterError(org.roster.declineInvitation({ token: sent.token }), 'NOT_FOUND');
    await expectRosterError(
      org.roster.acceptInvitation({ token: sent.token, firstName: 'D', lastName: 'R' }),
      'NOT_FOUND',
    );
    // The email is free again: a new invitation makes a new account.
    const again = await org.as(org.admin).invite({ email: 'dee@acme.io', role: 'agent' });
    expect(again.account.id).not.toBe(sent.account.id);
    // An expired one may be declined too; bad input changes nothing.
    org.clock.advance(week + 1);
    expect((await org.roster.declineInvitation({ token: again.token })).status).toBe('declined');
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.roster.declineInvitation({ token: '' }),
      'INVALID_INPUT',
    );
  });

  test('Domain: listMembers can include the pending invitees of the space, in one cursor', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const admin = org.as(org.admin);
    const dee = await admin.invite({ email: 'dee@acme.io', role: 'agent', firstName: 'Dee' });
    await owner.invite({ email: 'eli@acme.io', role: 'agent', spaceId: leeds.id });

    const members = await admin.listMembers();
    expect(members.total).toBe(4);
    const withPending = await admin.listMembers({ includePending: true });
    expect(withPending.total).toBe(5);
    const invitee = withPending.items.find((item) => item.account.id === dee.account.id);
    expect(invitee?.account.status).toBe('pending');
    expect(invitee?.memberships).toEqual([]);
    // Pages of 2 walk the same rows, once each.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.listMembers({
        includePending: true,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => item.account.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(withPending.items.map((item) => item.account.id));
    const inLeeds = await owner.listMembers({ spaceId: leeds.id, includePending: true });
    expect(inLeeds.items.map((item) => item.account.email)).toEqual(['eli@acme.io']);
    // Only pending invitees: by status.
    const onlyPending = await admin.listMembers({ includePending: true, statuses: ['pending'] });
    expect(onlyPending.items.map((item) => item.account.id)).toEqual([dee.account.id]);
  });

  test('Domain: rule 12: ACCOUNT_EXISTS says where the account stands, so a UI can offer the right command', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const owner = org.as(org.owner);
    const pending = await admin.invite({ email: 'dee@acme.io', role: 'agent' });
    const spaceId = org.organization.defaultSpaceId;
    const state = async (email: string, space?: string) =>
      (
        await expectRosterError(
          admin.invite({ email, role: 'agent', ...(space ? { spaceId: space } : {}) }),
          'ACCOUNT_EXISTS',
        )
      ).details;
    expect(await state('dee@acme.io')).toEqual({
      email: 'dee@acme.io',
      accountId: pending.account.id,
      status: 'pending',
      state: 'pending',
      spaceId,
      invitationId: pending.invitation.id,
    });
    expect(await state('bo@acme.io')).toMatchObject({ state: 'member', accountId: org.agentA.id });
    const leeds = await owner.createSpace({ name: 'Leeds' });
    expect(await state('bo@acme.io', leeds.id)).toMatchObject({
      state: 'former-member',
      spaceId: leeds.id,
    });
    await admin.removeFromTeam({ accountId: org.agentA.id });
    const former = await state('bo@acme.io');
    expect(former).toMatchObject({ state: 'former-member', status: 'active' });
    // What the UI then offers works: "Add to team".
    const back = await admin.addToTeam({ accountId: former.accountId, role: 'agent' });
    expect(back.state).toBe('member');
    await admin.deactivate({ accountId: org.agentB.id });
    expect(await state('cy@acme.io')).toMatchObject({
      state: 'deactivated',
      status: 'deactivated',
    });
  });
};
