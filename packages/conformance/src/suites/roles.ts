import type { StoredRole } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildInvitation, buildMembership, buildStoredRole } from '../fixtures.js';

/**
 * Reads a role past the adapter's repository when the adapter gives a raw
 * reader (an adapter cannot agree with itself wrongly), else through it.
 * @internal
 */
export async function storedRole(ctx: ConformanceContext, orgId: string, id: string) {
  if (ctx.raw.role !== undefined) return ctx.raw.role(orgId, id);
  return ctx.store.transaction((tx) => tx.roles.get(orgId, id));
}

const names = (roles: readonly StoredRole[]) => roles.map((role) => role.name);

/** Stored roles: the tenant writes, the order of a listing, the unique name, who holds one. */
export const rolesSuite: ConformanceSuite = (test) => {
  test('Role: insert stores every field; get reads it back, only in its organization', async (ctx) => {
    const role = buildStoredRole({
      orgId: 'org_roles_a',
      permissions: ['manageUsers', 'manageGroups'],
      restrictions: ['no-invite'],
      scope: 'space',
      description: 'Leads a site.',
    });
    expect(await ctx.store.transaction((tx) => tx.roles.insert(role))).toEqual(role);
    expect(await storedRole(ctx, role.orgId, role.id)).toEqual(role);
    expect(
      await ctx.store.transaction((tx) => tx.roles.get('org_roles_b', role.id)),
    ).toBeUndefined();
    expect(await ctx.store.transaction((tx) => tx.roles.listByOrganization('org_roles_b'))).toEqual(
      [],
    );
  });

  test('Role: the name is unique per organization, and free in another', async (ctx) => {
    const role = buildStoredRole({ orgId: 'org_roles_u', name: 'lead' });
    await ctx.store.transaction((tx) => tx.roles.insert(role));
    const twin = buildStoredRole({ orgId: 'org_roles_u', name: 'lead' });
    await expectRosterError(
      ctx.store.transaction((tx) => tx.roles.insert(twin)),
      'CONFLICT',
      { reason: 'unique' },
    );
    expect(await storedRole(ctx, twin.orgId, twin.id)).toBeUndefined();
    const elsewhere = buildStoredRole({ orgId: 'org_roles_v', name: 'lead' });
    await ctx.store.transaction((tx) => tx.roles.insert(elsewhere));
    expect(await storedRole(ctx, elsewhere.orgId, elsewhere.id)).toEqual(elsewhere);
  });

  test('Role: listByOrganization is by rank (highest first), then name, then id', async (ctx) => {
    const orgId = 'org_roles_order';
    const rows = [
      buildStoredRole({ orgId, name: 'b-mid', rank: 20 }),
      buildStoredRole({ orgId, name: 'top', rank: 40 }),
      buildStoredRole({ orgId, name: 'a-mid', rank: 20 }),
      buildStoredRole({ orgId, name: 'low', rank: 0 }),
    ];
    await ctx.store.transaction((tx) => tx.roles.insertMany(rows));
    const listed = await ctx.store.transaction((tx) => tx.roles.listByOrganization(orgId));
    expect(names(listed)).toEqual(['top', 'a-mid', 'b-mid', 'low']);
    expect(listed.find((role) => role.name === 'top')).toEqual(rows[1]);
  });

  test('Role: update stores version + 1 and every changed field; stale writes change nothing', async (ctx) => {
    const role = buildStoredRole({ orgId: 'org_roles_w' });
    await ctx.store.transaction((tx) => tx.roles.insert(role));
    const changed = {
      ...role,
      rank: 35,
      label: 'Lead',
      permissions: ['manageGroups'],
      restrictions: ['no-statistics'],
      scope: 'space' as const,
      updatedAt: new Date(role.updatedAt.getTime() + 60_000),
    };
    const saved = await ctx.store.transaction((tx) => tx.roles.update(changed));
    expect(saved).toEqual({ ...changed, version: 2 });
    await expectRosterError(
      ctx.store.transaction((tx) => tx.roles.update({ ...role, rank: 1 })),
      'CONFLICT',
      { subject: 'Role', id: role.id, reason: 'stale-version' },
    );
    await expectRosterError(
      ctx.store.transaction((tx) => tx.roles.delete(role.orgId, role.id, 1)),
      'CONFLICT',
      { reason: 'stale-version' },
    );
    expect(await storedRole(ctx, role.orgId, role.id)).toEqual(saved);
    await ctx.store.transaction((tx) => tx.roles.delete(role.orgId, role.id, 2));
    expect(await storedRole(ctx, role.orgId, role.id)).toBeUndefined();
    await expectRosterError(
      ctx.store.transaction((tx) => tx.roles.delete(role.orgId, role.id, 2)),
      'NOT_FOUND',
      { subject: 'Role', id: role.id },
    );
  });

  test('Role: listHolders gives the current memberships and pending invitations of the role, in order', async (ctx) => {
    const orgId = 'org_roles_h';
    const member = (accountId: string, spaceId: string, overrides = {}) =>
      buildMembership({ orgId, accountId, spaceId, role: 'lead', ...overrides });
    const memberships = [
      member('acc_b', 'spc_1'),
      member('acc_a', 'spc_2'),
      member('acc_a', 'spc_1'),
      member('acc_c', 'spc_1', { state: 'account-only' }),
      member('acc_d', 'spc_1', { role: 'agent' }),
      buildMembership({ orgId: 'org_roles_other', accountId: 'acc_e', role: 'lead' }),
    ];
    const invitations = [
      buildInvitation({ orgId, id: 'inv_h_2', role: 'lead' }),
      buildInvitation({ orgId, id: 'inv_h_1', role: 'lead' }),
      buildInvitation({ orgId, id: 'inv_h_3', role: 'lead', status: 'revoked' }),
      buildInvitation({ orgId, id: 'inv_h_4', role: 'agent' }),
    ];
    await ctx.store.transaction(async (tx) => {
      await tx.memberships.insertMany(memberships);
      await tx.invitations.insertMany(invitations);
    });
    const holders = await ctx.store.transaction((tx) => tx.roles.listHolders(orgId, 'lead'));
    expect(holders.memberships.map((m) => [m.accountId, m.spaceId])).toEqual([
      ['acc_a', 'spc_1'],
      ['acc_a', 'spc_2'],
      ['acc_b', 'spc_1'],
    ]);
    expect(holders.memberships[0]).toEqual(memberships[2]);
    expect(holders.invitations.map((invitation) => invitation.id)).toEqual(['inv_h_1', 'inv_h_2']);
    expect(holders.invitations[0]).toEqual(invitations[1]);
    const none = await ctx.store.transaction((tx) => tx.roles.listHolders(orgId, 'nobody'));
    expect(none).toEqual({ memberships: [], invitations: [] });
  });

  test('Role: deleteAllInOrganization deletes that organization’s roles only', async (ctx) => {
    const mine = [
      buildStoredRole({ orgId: 'org_roles_d' }),
      buildStoredRole({ orgId: 'org_roles_d' }),
    ];
    const theirs = buildStoredRole({ orgId: 'org_roles_e' });
    await ctx.store.transaction((tx) => tx.roles.insertMany([...mine, theirs]));
    expect(
      await ctx.store.transaction((tx) => tx.roles.deleteAllInOrganization('org_roles_d')),
    ).toBe(2);
    expect(await ctx.store.transaction((tx) => tx.roles.listByOrganization('org_roles_d'))).toEqual(
      [],
    );
    expect(await storedRole(ctx, theirs.orgId, theirs.id)).toEqual(theirs);
  });
};
