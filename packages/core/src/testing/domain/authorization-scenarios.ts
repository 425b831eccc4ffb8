import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

/** Who may do what, through the commands (DESIGN rules 3, 4, 5, 6, 11). */
export const authorizationScenarios: ConformanceSuite = (test) => {
  test('Domain: rule 3: nobody edits their own access, but may edit their own name', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.changeRole({ accountId: org.admin.id, role: 'agent' }),
      'SELF_ACTION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.deactivate({ accountId: org.admin.id }),
      'SELF_ACTION',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.removeFromTeam({ accountId: org.admin.id }),
      'SELF_ACTION',
    );
    const renamed = await admin.updateProfile({ accountId: org.admin.id, firstName: 'Adrian' });
    expect(renamed.firstName).toBe('Adrian');
    expect((await ctx.raw.account(org.organization.id, org.admin.id))?.firstName).toBe('Adrian');
  });

  test('Domain: rule 4: no granting a role above one’s own, no acting on a higher-ranked account', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.changeRole({ accountId: org.agentA.id, role: 'director' }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.invite({ email: 'boss@acme.io', role: 'director' }),
      'FORBIDDEN',
    );
    await org.as(org.owner).changeRole({ accountId: org.agentB.id, role: 'director' });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.deactivate({ accountId: org.agentB.id }),
      'FORBIDDEN',
    );
    const promoted = await admin.changeRole({ accountId: org.agentA.id, role: 'admin' });
    expect(promoted.role).toBe('admin');
  });

  test('Domain: rule 1: the owner role is never granted, only transferred', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.invite({ email: 'two@acme.io', role: 'owner' }),
      'INVALID_INPUT',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => owner.changeRole({ accountId: org.admin.id, role: 'owner' }),
      'INVALID_INPUT',
    );
  });

  test('Domain: rule 5: only roles that manage users invite, deactivate, remove or re-add', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const agent = org.as(org.agentA);
    const refused = await expectRosterError(
      agent.deactivate({ accountId: org.agentB.id }),
      'FORBIDDEN',
    );
    expect(refused.details).toMatchObject({ action: 'deactivate', subject: 'Account' });
    expect(refused.message).toMatch(/manage users/);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => agent.invite({ email: 'x@acme.io', role: 'agent' }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => agent.removeFromTeam({ accountId: org.agentB.id }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => agent.updateProfile({ accountId: org.agentB.id, firstName: 'Eve' }),
      'FORBIDDEN',
    );
  });

  test('Domain: rule 6: the email never changes', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await expectRefusedUnchanged(
      ctx,
      org,
      () =>
        org
          .as(org.owner)
          .updateProfile({ accountId: org.agentA.id, email: 'new@acme.io' } as never),
      'EMAIL_IMMUTABLE',
    );
  });

  test('Domain: rule 11: nothing crosses organizations', async (ctx) => {
    const acme = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const acmeOwner = acme.as(acme.owner);
    await expectRefusedUnchanged(
      ctx,
      globex,
      () => acmeOwner.deactivate({ accountId: globex.agentA.id }),
      'NOT_FOUND',
    );
    await expectRefusedUnchanged(
      ctx,
      globex,
      () => acmeOwner.getAccount({ accountId: globex.admin.id }),
      'NOT_FOUND',
    );
    const forged = acme.roster.as({ accountId: acme.owner.id, orgId: globex.organization.id });
    await expectRefusedUnchanged(
      ctx,
      globex,
      () => forged.deactivate({ accountId: globex.agentA.id }),
      'NOT_FOUND',
    );
    const list = await acmeOwner.listAccounts({ limit: 500 });
    expect(list.items.every((item) => item.account.orgId === acme.organization.id)).toBe(true);
    expect(list.total).toBe(4);
  });

  test('Domain: a deactivated actor can do nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    await org.as(org.owner).deactivate({ accountId: org.admin.id });
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.admin).deactivate({ accountId: org.agentA.id }),
      'FORBIDDEN',
    );
  });
};
