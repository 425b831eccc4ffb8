import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { storedRole } from '../suites/roles.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

/** Stored roles through the commands (DESIGN §8, Roles; rule 4), and the "may I?" queries. */
export const roleScenarios: ConformanceSuite = (test) => {
  test('Domain: a stored role is granted like a preset: invite, accept, change role, bulk import', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const lead = await owner.defineRole({ name: 'lead', rank: 2, permissions: ['manageUsers'] });
    expect(lead).toMatchObject({
      name: 'lead',
      label: 'lead',
      rank: 2,
      version: 1,
      scope: 'organization',
    });
    expect(await storedRole(ctx, org.organization.id, lead.id)).toEqual(lead);
    const { token } = await owner.invite({ email: 'dee@acme.io', role: 'lead' });
    const { account: dee, membership } = await org.roster.acceptInvitation({
      token,
      firstName: 'Dee',
      lastName: 'Do',
    });
    expect(membership.role).toBe('lead');
    // The stored role's rank is the holder's: a lead manages agents.
    await org.as(dee).changeRole({ accountId: org.agentA.id, role: 'lead' });
    const report = await owner.bulkImport([{ rowNumber: 2, email: 'eve@acme.io', role: 'lead' }]);
    expect(report.counts.created).toBe(1);
    const listed = await owner.listRoles();
    expect(listed.stored.map((role) => role.name)).toEqual(['lead']);
    expect(listed.presets.map((role) => role.name)).toEqual([
      'owner',
      'director',
      'admin',
      'agent',
    ]);
    const events = await ctx.raw.auditEvents(org.organization.id);
    expect(events.filter((event) => event.action === 'defineRole')).toEqual([
      expect.objectContaining({ target: { type: 'Role', id: lead.id }, before: null }),
    ]);
  });

  test('Domain: rule 4 for defining roles: not above one’s rank; names, permissions and restrictions checked', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.defineRole({ name: 'boss', rank: 3, permissions: [] }),
      'RANK_EXCEEDED',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentA).defineRole({ name: 'x', rank: 1, permissions: [] }),
      'FORBIDDEN',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.defineRole({ name: 'agent', rank: 1, permissions: [] }),
      'ROLE_EXISTS',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.defineRole({ name: 'x', rank: 1, permissions: ['fly'] }),
      'INVALID_INPUT',
    );
    await expectRefusedUnchanged(
      ctx,
      org,
      () => admin.defineRole({ name: 'x', rank: 1, permissions: [], restrictions: ['no-invite'] }),
      'INVALID_INPUT',
    );
    const helper = await admin.defineRole({ name: 'helper', rank: 1, permissions: [] });
    await expectRosterError(
      admin.defineRole({ name: 'helper', rank: 1, permissions: [] }),
      'ROLE_EXISTS',
      {
        role: 'helper',
        source: 'stored',
        roleId: helper.id,
      },
    );
    // Raising a role above one's rank is refused too, and changes nothing.
    await expectRosterError(admin.updateRole({ roleId: helper.id, rank: 3 }), 'RANK_EXCEEDED');
    expect(await storedRole(ctx, org.organization.id, helper.id)).toEqual(helper);
  });

  test('Domain: updating a stored role takes effect at once, versioned; a stale version is refused', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const lead = await owner.defineRole({ name: 'lead', rank: 2, permissions: ['manageUsers'] });
    await owner.changeRole({ accountId: org.agentA.id, role: 'lead' });
    const before = (await owner.listRoles()).version;
    // agentA (a lead) may act on agentB; once leads rank at 0, below managing users, not.
    expect(await org.as(org.agentA).can('deactivate', { accountId: org.agentB.id })).toBe(true);
    const lowered = await owner.updateRole({ roleId: lead.id, rank: 0, version: 1 });
    expect(lowered).toMatchObject({ rank: 0, version: 2 });
    expect((await owner.listRoles()).version).not.toBe(before);
    expect(await org.as(org.agentA).can('deactivate', { accountId: org.agentB.id })).toBe(false);
    await expectRefusedUnchanged(
      ctx,
      org,
      () => org.as(org.agentA).deactivate({ accountId: org.agentB.id }),
      'FORBIDDEN',
    );
    await expectRosterError(
      owner.updateRole({ roleId: lead.id, label: 'Lead', version: 1 }),
      'CONFLICT',
      {
        reason: 'stale-version',
      },
    );
    await expectRosterError(owner.updateRole({ roleId: 'missing', label: 'Lead' }), 'NOT_FOUND');
    const events = await ctx.raw.auditEvents(org.organization.id);
    expect(events.find((event) => event.action === 'updateRole')).toMatchObject({
      target: { type: 'Role', id: lead.id },
      before: expect.objectContaining({ rank: 2 }),
      after: expect.objectContaining({ rank: 0 }),
    });
  });

  test('Domain: a stored role in use is not deleted: ROLE_IN_USE lists its members and invitations', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const orgId = org.organization.id;
    const lead = await owner.defineRole({ name: 'lead', rank: 1, permissions: [] });
    await owner.changeRole({ accountId: org.agentA.id, role: 'lead' });
    const { invitation } = await owner.invite({ email: 'dee@acme.io', role: 'lead' });
    await expectRosterError(owner.deleteRole({ roleId: lead.id }), 'ROLE_IN_USE', {
      role: 'lead',
      roleId: lead.id,
      members: [{ accountId: org.agentA.id, spaceId: org.organization.defaultSpaceId }],
      invitations: [invitation.id],
    });
    expect(await storedRole(ctx, orgId, lead.id)).toEqual(lead);
    await owner.changeRole({ accountId: org.agentA.id, role: 'agent' });
    await owner.revokeInvitation({ invitationId: invitation.id });
    const deleted = await owner.deleteRole({ roleId: lead.id });
    expect(deleted.id).toBe(lead.id);
    expect(await ctx.store.transaction((tx) => tx.roles.get(orgId, lead.id))).toBeUndefined();
    await expectRosterError(owner.invite({ email: 'fay@acme.io', role: 'lead' }), 'INVALID_INPUT');
    const events = await ctx.raw.auditEvents(orgId);
    expect(events.find((event) => event.action === 'deleteRole')).toMatchObject({
      target: { type: 'Role', id: lead.id },
      after: null,
    });
  });

  test('Domain: deleting a stored role and granting it, racing, never both commit: no membership holds a deleted role', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const admin = org.as(org.admin);
    const orgId = org.organization.id;
    for (let round = 0; round < 8; round += 1) {
      const role = await owner.defineRole({ name: `lead${round}`, rank: 1, permissions: [] });
      const [deleted, granted] = await Promise.allSettled([
        owner.deleteRole({ roleId: role.id }),
        admin.changeRole({ accountId: org.agentA.id, role: role.name }),
      ]);
      const stored = await ctx.store.transaction((tx) => tx.roles.get(orgId, role.id));
      const memberships = await ctx.store.transaction((tx) =>
        tx.memberships.listByAccounts(orgId, [org.agentA.id]),
      );
      const held = memberships.filter((m) => m.state === 'member').map((m) => m.role);
      expect(
        deleted.status === 'fulfilled' && granted.status === 'fulfilled',
        `round ${round}: both committed`,
      ).toBe(false);
      if (stored === undefined) expect(held).not.toContain(role.name);
      if (granted.status === 'fulfilled') expect(stored).toBeDefined();
      // Back to a preset, so the next round's role is free to delete.
      if (held.includes(role.name))
        await admin.changeRole({ accountId: org.agentA.id, role: 'agent' });
    }
  });

  test('Domain: can and permissions answer as the commands decide', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const agent = org.as(org.agentA);
    expect(await admin.can('invite')).toBe(true);
    expect(await agent.can('invite')).toBe(false);
    expect(await admin.can('invite', { role: 'owner' })).toBe(false);
    expect(await admin.can('deactivate', { accountId: org.agentA.id })).toBe(true);
    // Rule 3 and rule 1: not oneself, not the owner.
    expect(await admin.can('deactivate', { accountId: org.admin.id })).toBe(false);
    expect(await admin.can('changeRole', { accountId: org.owner.id })).toBe(false);
    expect(await agent.can('updateProfile', { accountId: org.agentA.id })).toBe(true);
    await expectRosterError(
      admin.can('deactivate', { spaceId: org.organization.defaultSpaceId }),
      'INVALID_INPUT',
    );
    await expectRosterError(admin.can('invite', { role: 'nobody' }), 'INVALID_INPUT');
    await expectRosterError(admin.can('deactivate', { accountId: 'missing' }), 'NOT_FOUND');
    const mine = await admin.permissions({ accountId: org.agentA.id });
    expect(mine.actions.deactivate).toBe(true);
    expect(mine.actions.renameOrganization).toBe(false);
    expect(mine.grantableRoles).toEqual(['admin', 'agent']);
    const top = await admin.permissions();
    expect(top.grantableRoles).toEqual(['admin', 'agent']);
    expect((await agent.permissions()).grantableRoles).toEqual([]);
  });
};
