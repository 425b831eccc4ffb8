import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

// Issue 14, item 5: who an actor is (unknown or inactive), the host's id
// linked to an account, and findAccount on the host's sign-in path.

/** Actors that cannot act, `linkExternalId`, `findAccount`. */
export const accountLinkScenarios: ConformanceSuite = (test) => {
  test('Domain: an unknown actor is ACTOR_UNKNOWN; one that exists but may not act is ACTOR_INACTIVE, with why', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const owner = org.as(org.owner);
    const { invitation } = await owner.invite({ email: 'dee@acme.io', role: 'agent' });
    await owner.deactivate({ accountId: org.agentA.id });
    await owner.removeFromTeam({ accountId: org.agentB.id });
    const cases = [
      { accountId: 'acc_nobody', orgId, code: 'ACTOR_UNKNOWN' },
      { accountId: org.owner.id, orgId: 'org_nowhere', code: 'ACTOR_UNKNOWN' },
      { accountId: invitation.accountId, orgId, code: 'ACTOR_INACTIVE', reason: 'pending' },
      { accountId: org.agentA.id, orgId, code: 'ACTOR_INACTIVE', reason: 'deactivated' },
      { accountId: org.agentB.id, orgId, code: 'ACTOR_INACTIVE', reason: 'no-membership' },
    ] as const;
    for (const { code, accountId, orgId: at, ...rest } of cases) {
      const api = org.roster.as({ accountId, orgId: at });
      const error = await expectRosterError(api.listAccounts(), code);
      expect(error.details).toMatchObject({ accountId, orgId: at, ...rest });
      await expectRefusedUnchanged(ctx, org, () => api.recordActivity(), code);
    }
    // A deleted account is unknown: its id is a pseudonym now.
    const admin = org.as(org.admin);
    await admin.deleteOwnAccount();
    await expectRosterError(admin.getAccount({ accountId: org.owner.id }), 'ACTOR_UNKNOWN');
  });

  test('Domain: findAccount resolves the host’s user by externalId or any spelling of the email, without an actor', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const owner = org.as(org.owner);
    await owner.linkExternalId({ accountId: org.agentA.id, externalId: 'auth0|Bo' });
    const byId = await org.roster.findAccount({ orgId, externalId: 'auth0|Bo' });
    expect(byId).toEqual({
      actor: { accountId: org.agentA.id, orgId },
      status: 'active',
      externalId: 'auth0|Bo',
      canAct: true,
    });
    expect(await org.roster.findAccount({ orgId, email: '  BO@Acme.IO ' })).toEqual(byId);
    expect(await org.roster.findAccount({ orgId, externalId: 'auth0|bo' })).toBeNull();
    expect(await org.roster.findAccount({ orgId: 'org_else', externalId: 'auth0|Bo' })).toBeNull();
    // What resolving needs, and what the actor's commands will say.
    await owner.deactivate({ accountId: org.agentA.id });
    expect(await org.roster.findAccount({ orgId, externalId: 'auth0|Bo' })).toMatchObject({
      status: 'deactivated',
      canAct: false,
    });
    const { invitation } = await owner.invite({ email: 'dee@acme.io', role: 'agent' });
    expect(await org.roster.findAccount({ orgId, email: 'dee@acme.io' })).toMatchObject({
      actor: { accountId: invitation.accountId, orgId },
      status: 'pending',
      canAct: false,
    });
    await org.as(org.agentB).deleteOwnAccount();
    expect(await org.roster.findAccount({ orgId, email: 'cy@acme.io' })).toBeNull();
    for (const input of [
      { orgId },
      { orgId, email: 'bo@acme.io', externalId: 'auth0|Bo' },
      { orgId, email: 'not an email' },
      { orgId, externalId: '' },
      { email: 'bo@acme.io' },
    ]) {
      await expectRosterError(org.roster.findAccount(input as never), 'INVALID_INPUT');
    }
  });

  test('Domain: an externalId is set once, unique in the organization, by those who manage users, and audited', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const admin = org.as(org.admin);
    const linked = await admin.linkExternalId({ accountId: org.agentA.id, externalId: 'u-1' });
    expect(linked).toMatchObject({ externalId: 'u-1', version: org.agentA.version + 1 });
    expect(await ctx.raw.account(orgId, org.agentA.id)).toEqual(linked);
    const events = await ctx.raw.auditEvents(orgId);
    expect(events.filter((event) => event.action === 'linkExternalId')).toHaveLength(1);
    // The same id again: nothing written.
    expect(await admin.linkExternalId({ accountId: org.agentA.id, externalId: 'u-1' })).toEqual(
      linked,
    );
    expect(await ctx.raw.auditEvents(orgId)).toHaveLength(events.length);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.linkExternalId({ accountId: org.agentA.id, externalId: 'u-2' }),
      'INVALID_TRANSITION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.linkExternalId({ accountId: org.agentB.id, externalId: 'u-1' }),
      'CONFLICT',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentB).linkExternalId({ accountId: org.agentB.id, externalId: 'u-3' }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.linkExternalId({ accountId: org.owner.id, externalId: 'u-4' }),
      'RANK_EXCEEDED',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.linkExternalId({ accountId: org.agentB.id, externalId: 'bad\nid' }),
      'INVALID_INPUT',
    );
  });

  test('Domain: an externalId is given at creation or at acceptance; a taken one refuses the acceptance, changing nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const orgId = org.organization.id;
    const created = await org.roster.createOrganization({
      name: 'Initech',
      owner: { email: 'pat@initech.io', firstName: 'Pat', lastName: 'Ro', externalId: 'idp|pat' },
    });
    expect(created.owner.externalId).toBe('idp|pat');
    expect(
      await org.roster.findAccount({ orgId: created.organization.id, externalId: 'idp|pat' }),
    ).toMatchObject({ actor: { accountId: created.owner.id }, canAct: true });
    const owner = org.as(org.owner);
    await owner.linkExternalId({ accountId: org.agentA.id, externalId: 'idp|bo' });
    const { token, invitation } = await owner.invite({ email: 'dee@acme.io', role: 'agent' });
    const accept = { token, firstName: 'Dee', lastName: 'Ra' };
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.roster.acceptInvitation({ ...accept, externalId: 'idp|bo' }),
      'CONFLICT',
    );
    expect((await ctx.raw.invitation(orgId, invitation.id))?.status).toBe('pending');
    const { account } = await org.roster.acceptInvitation({ ...accept, externalId: 'idp|dee' });
    expect(account.externalId).toBe('idp|dee');
    expect(await ctx.raw.account(orgId, account.id)).toEqual(account);
  });
};
