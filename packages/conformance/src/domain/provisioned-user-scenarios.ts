import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { connectScenario } from './scenario-connection.js';
import { seedScenario } from './scenario-roster.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The SCIM User commands of a provisioning connection (DESIGN §8, SCIM 2.0). */
export const provisionedUserScenarios: ConformanceSuite = (test) => {
  test('Domain: provisionUser creates an active member of the connection space, linked by a fresh uuid, attributes in step, audited by the connection', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { actor, api } = await connectScenario(ctx, org);
    const { link, account, membership } = await api.provisionUser({
      userName: 'Dee@Acme.io',
      externalId: 'okta-dee',
      displayName: 'Dee van Do',
      attributes: { title: 'Agent', name: { givenName: 'Dee' } },
    });
    expect(link.id).toMatch(uuid);
    expect(link).toMatchObject({
      orgId: org.organization.id,
      connectionId: actor.connectionId,
      resourceType: 'User',
      targetId: account.id,
      userName: 'Dee@Acme.io',
      externalId: 'okta-dee',
      version: 1,
    });
    expect(link.attributes).toEqual({
      title: 'Agent',
      name: { givenName: 'Dee' },
      active: true,
      displayName: 'Dee van Do',
      emails: [{ value: 'dee@acme.io', primary: true }],
    });
    expect(account).toMatchObject({
      email: 'dee@acme.io',
      firstName: 'Dee',
      lastName: 'van Do',
      status: 'active',
    });
    expect(membership).toMatchObject({
      accountId: account.id,
      spaceId: org.organization.defaultSpaceId,
      state: 'member',
      role: 'agent',
    });
    const events = (await ctx.raw.auditEvents(org.organization.id)).filter(
      (event) => event.actor?.kind === 'provisioner',
    );
    expect(events.map((event) => event.action).sort()).toEqual([
      'addToTeam',
      'createAccount',
      'provisionUser',
    ]);
    for (const event of events) expect(event.actor).toEqual(actor);
    // Names fall back to the email's local part rather than refusing the user.
    const bare = await api.provisionUser({ userName: 'eve-okta', email: 'eve@acme.io' });
    expect(bare.account).toMatchObject({ firstName: 'eve', lastName: 'eve', status: 'active' });
    // No email anywhere: nothing to make an account with.
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.provisionUser({ userName: 'fay-okta' }),
      'INVALID_INPUT',
    );
    // A userName the connection links already (case-insensitively).
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.provisionUser({ userName: 'DEE@acme.io', email: 'gil@acme.io' }),
      'CONFLICT',
    );
    // An externalId it links already is another user's too (SCIM gives it no
    // uniqueness, RFC 7643 §3.1): both are kept, and a filter finds both.
    const gil = await api.provisionUser({ userName: 'gil@acme.io', externalId: 'okta-dee' });
    expect(gil.account.id).not.toBe(account.id);
    const sharing = await api.listProvisionedUsers({
      filter: { op: 'eq', attribute: 'externalId', value: 'okta-dee' },
    });
    expect(sharing.total).toBe(2);
    expect(sharing.items.map((user) => user.account.id).sort()).toEqual(
      [account.id, gil.account.id].sort(),
    );
    const got = await api.getProvisionedUser({ id: link.id });
    expect(got.account.id).toBe(account.id);
    expect(got.memberships.map((m) => m.id)).toEqual([membership?.id]);
  });

  test("Domain: a POST of another org's email never touches that org", async (ctx) => {
    const org = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const { api } = await connectScenario(ctx, org);
    const globexId = globex.organization.id;
    const before = {
      account: await ctx.raw.account(globexId, globex.agentA.id),
      audit: (await ctx.raw.auditEvents(globexId)).length,
    };
    const { account } = await api.provisionUser({ userName: 'bo@globex.io' });
    expect(account.id).not.toBe(globex.agentA.id);
    expect(account.orgId).toBe(org.organization.id);
    expect({
      account: await ctx.raw.account(globexId, globex.agentA.id),
      audit: (await ctx.raw.auditEvents(globexId)).length,
    }).toEqual(before);
    // And its links are not found from another organization's connection.
    const { api: globexApi } = await connectScenario(ctx, globex);
    const { link } = await globexApi.provisionUser({ userName: 'cy@globex.io' });
    await expectRosterError(api.getProvisionedUser({ id: link.id }), 'NOT_FOUND');
    await expectRosterError(api.deprovisionUser({ id: link.id }), 'NOT_FOUND');
    await expectRosterError(api.updateProvisionedUser({ id: link.id, active: false }), 'NOT_FOUND');
    expect((await ctx.raw.account(globexId, globex.agentB.id))?.status).toBe('active');
  });

  test('Domain: provisionUser adopts the account an email has: a member as is, a former member re-added, a pending invitee still pending; linking it twice is a CONFLICT', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const { api } = await connectScenario(ctx, org);
    const member = await api.provisionUser({ userName: 'bo@acme.io', externalId: 'okta-bo' });
    expect(member.account.id).toBe(org.agentA.id);
    expect(member.membership?.state).toBe('member');
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.provisionUser({ userName: 'bo-again', email: 'BO@acme.io' }),
      'CONFLICT',
    );
    await owner.removeFromTeam({ accountId: org.agentB.id });
    const former = await api.provisionUser({ userName: 'cy@acme.io' });
    expect(former.account.id).toBe(org.agentB.id);
    expect(former.membership).toMatchObject({ state: 'member', role: 'agent' });
    expect(former.membership?.periods).toHaveLength(2);
    const { account: invitee } = await owner.invite({ email: 'fay@acme.io', role: 'admin' });
    const pending = await api.provisionUser({ userName: 'fay@acme.io' });
    expect(pending.account).toMatchObject({ id: invitee.id, status: 'pending' });
    expect(pending.membership).toBeNull();
    // A deactivated one is reactivated, unless the provider says inactive.
    await owner.deactivate({ accountId: org.admin.id });
    const back = await api.provisionUser({ userName: 'adi@acme.io' });
    expect(back.account).toMatchObject({ id: org.admin.id, status: 'active' });
    expect(back.link.attributes.active).toBe(true);
  });

  test("Domain: a connection with onCreate 'invite' invites new users (pending, e-mailed); active false creates them deactivated", async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org, { onCreate: 'invite', defaultRole: 'admin' });
    await org.roster.drainOutbox(async () => {});
    const { account, membership, link } = await api.provisionUser({
      userName: 'gil@acme.io',
      displayName: 'Gil Ma',
    });
    expect(account).toMatchObject({ status: 'pending', firstName: 'Gil', lastName: 'Ma' });
    expect(membership).toBeNull();
    expect(link.attributes.active).toBe(true);
    const messages = (await ctx.raw.outbox()).filter((m) => m.deliveredAt === null);
    expect(messages.map((message) => message.topic)).toEqual(['invitation.created']);
    const invitations = await org.as(org.owner).listInvitations({ statuses: ['pending'] });
    expect(invitations.items.find((i) => i.accountId === account.id)).toMatchObject({
      role: 'admin',
      spaceId: org.organization.defaultSpaceId,
    });
    // An invitee who has not joined cannot be deactivated: it stays pending.
    const still = await api.updateProvisionedUser({ id: link.id, active: false });
    expect(still.account.status).toBe('pending');
    expect(still.link.attributes.active).toBe(true);
    const inactive = await api.provisionUser({ userName: 'hal@acme.io', active: false });
    expect(inactive.account.status).toBe('deactivated');
    expect(inactive.membership).toMatchObject({ state: 'member', role: 'admin' });
    expect(inactive.link.attributes.active).toBe(false);
    const page = await api.listProvisionedUsers({
      filter: { op: 'eq', attribute: 'active', value: false },
    });
    expect(page.items.map((item) => item.account.id)).toEqual([inactive.account.id]);
    expect(page.total).toBe(1);
  });

  test('Domain: updateProvisionedUser replaces names, userName and attributes, maps active to (re)activation, never changes the email, and checks the version', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    const { link, account } = await api.provisionUser({ userName: 'ida@acme.io', active: false });
    const renamed = await api.updateProvisionedUser({
      id: link.id,
      version: link.version,
      userName: 'ida.okta@acme.io',
      firstName: 'Ida',
      lastName: 'Ek',
      active: true,
      attributes: { title: 'Lead' },
    });
    expect(renamed.account).toMatchObject({ firstName: 'Ida', lastName: 'Ek', status: 'active' });
    expect(renamed.link).toMatchObject({ userName: 'ida.okta@acme.io', version: 2 });
    expect(renamed.link.attributes).toEqual({
      title: 'Lead',
      active: true,
      displayName: 'Ida Ek',
      emails: [{ value: 'ida@acme.io', primary: true }],
    });
    // A PUT without active deactivates nobody.
    const kept = await api.updateProvisionedUser({ id: link.id, attributes: {} });
    expect(kept.account.status).toBe('active');
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedUser({ id: link.id, version: 1, active: false }),
      'CONFLICT',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedUser({ id: link.id, email: 'ida.new@acme.io' }),
      'INVALID_INPUT',
    );
    const off = await api.updateProvisionedUser({
      id: link.id,
      active: false,
      email: 'IDA@acme.io',
    });
    expect(off.account).toMatchObject({
      id: account.id,
      status: 'deactivated',
      email: 'ida@acme.io',
    });
    expect(off.link.attributes.active).toBe(false);
    const found = await api.listProvisionedUsers({
      filter: { op: 'eq', attribute: 'userName', value: 'IDA.OKTA@acme.io' },
    });
    expect(found.items.map((item) => item.link.id)).toEqual([link.id]);
  });

  test('Domain: deprovisionUser deactivates, ends every membership and unlinks, the account stays; provisioning again gives a new id', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const { api } = await connectScenario(ctx, org);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const sales = await owner.createGroup({ name: 'Sales' });
    await owner.addToTeam({ accountId: org.agentA.id, spaceId: leeds.id, role: 'agent' });
    await owner.assignGroups({ accountId: org.agentA.id, groupIds: [sales.id] });
    await owner.setManager({ accountId: org.agentB.id, managerId: org.agentA.id });
    const { link } = await api.provisionUser({ userName: 'bo@acme.io' });
    await api.deprovisionUser({ id: link.id });
    const account = await ctx.raw.account(org.organization.id, org.agentA.id);
    expect(account?.status).toBe('deactivated');
    const { memberships } = await owner.getAccount({ accountId: org.agentA.id });
    expect(memberships.map((m) => [m.state, m.groupIds])).toEqual([
      ['account-only', []],
      ['account-only', []],
    ]);
    const [report] = await ctx.store.transaction((tx) =>
      tx.memberships.listByAccounts(org.organization.id, [org.agentB.id]),
    );
    expect(report?.managerId).toBeNull();
    expect(org.departures.some((d) => d.startsWith(`removeFromTeam:${org.agentA.id}`))).toBe(true);
    await expectRosterError(api.getProvisionedUser({ id: link.id }), 'NOT_FOUND');
    await expectRosterError(api.deprovisionUser({ id: link.id }), 'NOT_FOUND');
    expect((await api.listProvisionedUsers()).total).toBe(0);
    const again = await api.provisionUser({ userName: 'bo@acme.io' });
    expect(again.link.id).not.toBe(link.id);
    expect(again.account).toMatchObject({ id: org.agentA.id, status: 'active' });
    expect(again.membership?.state).toBe('member');
    // A pending invitee's invitation is withdrawn instead.
    const { api: inviting } = await connectScenario(ctx, org, { onCreate: 'invite' });
    const invited = await inviting.provisionUser({ userName: 'jo@acme.io' });
    await inviting.deprovisionUser({ id: invited.link.id });
    expect(await ctx.raw.account(org.organization.id, invited.account.id)).toBeUndefined();
  });

  test("Domain: a person who deletes their own account leaves no link behind: every connection's list is empty of them, total included", async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api: okta } = await connectScenario(ctx, org);
    const { api: entra } = await connectScenario(ctx, org, { name: 'Entra' });
    const { link } = await okta.provisionUser({ userName: 'bo@acme.io' });
    await entra.provisionUser({ userName: 'bo@acme.io' });
    await entra.provisionUser({ userName: 'cy@acme.io' });
    await org.as(org.agentA).deleteOwnAccount();
    expect(await okta.listProvisionedUsers()).toMatchObject({ items: [], total: 0 });
    const left = await entra.listProvisionedUsers();
    expect(left.total).toBe(1);
    expect(left.items.map((user) => user.link.userName)).toEqual(['cy@acme.io']);
    await expectRosterError(okta.getProvisionedUser({ id: link.id }), 'NOT_FOUND');
    // The link held the email: nothing of it stays in the store.
    expect(await ctx.raw.provisioningLink?.(org.organization.id, link.id)).toBeUndefined();
  });

  test('Domain: two racing provisionUser calls for one new person make one account and one link', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    const outcomes = await Promise.allSettled([
      api.provisionUser({ userName: 'max@acme.io', externalId: 'okta-max-1' }),
      api.provisionUser({ userName: 'MAX@acme.io', externalId: 'okta-max-2' }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect((outcome.reason as { code?: string }).code).toBe('CONFLICT');
      }
    }
    const page = await api.listProvisionedUsers();
    expect(page.total).toBe(1);
    const all = await org.as(org.owner).listAccounts({ search: 'max@acme.io' });
    expect(all.items).toHaveLength(1);
  });

  test('Domain: the owner can be linked but not deprovisioned nor deactivated by provisioning; each attempt leaves a provisioning.owner-protected alert', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { actor, api } = await connectScenario(ctx, org);
    const { link, account } = await api.provisionUser({ userName: 'ana@acme.io' });
    expect(account.id).toBe(org.owner.id);
    const alert = ['provisioning.owner-protected'];
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.deprovisionUser({ id: link.id }),
      'OWNER_PROTECTED',
      alert,
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => api.updateProvisionedUser({ id: link.id, active: false }),
      'OWNER_PROTECTED',
      alert,
    );
    expect((await api.getProvisionedUser({ id: link.id })).link.version).toBe(1);
    const alerts = (await ctx.raw.outbox()).filter((m) => m.topic === alert[0]);
    // Both were written at the same instant: the raw reader's order between them is the store's.
    const attempts = alerts.map((message) => [message.orgId, message.payload]);
    expect(attempts).toHaveLength(2);
    expect(attempts).toEqual(
      expect.arrayContaining(
        (['deprovision', 'deactivate'] as const).map((attempted) => [
          org.organization.id,
          { accountId: org.owner.id, connectionId: actor.connectionId, attempted },
        ]),
      ),
    );
  });

  test('Domain: an account actor may not call the SCIM User commands, an administrator or the owner included; another connection sees none of them', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { api } = await connectScenario(ctx, org);
    const { link } = await api.provisionUser({ userName: 'kim@acme.io' });
    for (const person of [org.admin, org.owner]) {
      const admin = org.as(person);
      await expectRefusedUnchanged(
        ctx,
        org,
        () => admin.provisionUser({ userName: 'lu@acme.io' }),
        'FORBIDDEN',
      );
      await expectRefusedUnchanged(
        ctx,
        org,
        () => admin.updateProvisionedUser({ id: link.id, active: false }),
        'FORBIDDEN',
      );
      await expectRefusedUnchanged(
        ctx,
        org,
        () => admin.deprovisionUser({ id: link.id }),
        'FORBIDDEN',
      );
      await expectRosterError(admin.getProvisionedUser({ id: link.id }), 'FORBIDDEN');
      await expectRosterError(admin.listProvisionedUsers(), 'FORBIDDEN');
    }
    const { api: other } = await connectScenario(ctx, org, { name: 'Entra' });
    await expectRosterError(other.getProvisionedUser({ id: link.id }), 'NOT_FOUND');
    await expectRefusedUnchanged(
      ctx,
      org,
      () => other.deprovisionUser({ id: link.id }),
      'NOT_FOUND',
    );
    expect(await other.listProvisionedUsers()).toEqual({ items: [], total: 0 });
    // Another connection may link the same person under its own id.
    const second = await other.provisionUser({ userName: 'kim@acme.io' });
    expect(second.link.id).not.toBe(link.id);
    const page = await api.listProvisionedUsers({ startIndex: 1, count: 0 });
    expect(page).toEqual({ items: [], total: 1 });
  });
};
