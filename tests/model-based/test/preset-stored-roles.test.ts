import { memoryStore } from '@rosterkit/adapter-memory';
import { type ActorApi, createRoster, RosterError } from '@rosterkit/core';
import { createPolicy, presets, type RoleSet } from '@rosterkit/policies';
import { describe, expect, it } from 'vitest';

// "May I?" and stored roles through the real commands, with the presets:
// plan-gated statistics (reference 001), buttons for one account, roles
// an organization defines within its admins' reach (DESIGN §8, rule 4),
// and a change of role seen at once by a second roster on the same store
// (another process), with no restart.

async function orgWith(roleSet: RoleSet, plan?: string) {
  const store = memoryStore();
  const roster = createRoster({ store, policy: createPolicy(roleSet) });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
    ...(plan === undefined ? {} : { plan }),
  });
  const as = (account: { id: string }, on = roster): ActorApi =>
    on.as({ accountId: account.id, orgId: organization.id });
  const join = async (email: string, role: string, spaceId?: string) => {
    const { token } = await as(owner).invite({ email, role, ...(spaceId ? { spaceId } : {}) });
    return (await roster.acceptInvitation({ token, firstName: 'T', lastName: 'T' })).account;
  };
  return { store, roster, organization, owner, as, join };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (RosterError.isInstance(error)) return error.code;
    throw error;
  }
  return 'ok';
}

describe('can and permissions with the presets', () => {
  it('call statistics only on Professional and Pro Plus (reference 001)', async () => {
    const org = await orgWith(presets.contactCenter);
    const manager = await org.join('mo@acme.io', 'manager');
    const agent = await org.join('al@acme.io', 'agent');
    expect(await org.as(manager).can('viewStatistics')).toBe(false);
    expect((await org.as(org.owner).permissions()).actions.viewStatistics).toBe(false);
    await org.as(org.owner).changePlan({ plan: 'professional' });
    expect(await org.as(manager).can('viewStatistics')).toBe(true);
    expect(await org.as(manager).can('viewStatistics', { accountId: agent.id })).toBe(true);
    expect(await org.as(agent).can('viewStatistics')).toBe(false);
    await org.as(org.owner).changePlan({ plan: 'pro-plus' });
    expect(await org.as(manager).can('viewStatistics')).toBe(true);
  });

  it('the buttons of one account and the role menu follow the rules', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const admin = await org.join('adi@acme.io', 'admin');
    const staff = await org.join('bo@acme.io', 'staff');
    const onStaff = await org.as(admin).permissions({ accountId: staff.id });
    expect(onStaff.actions).toMatchObject({
      deactivate: true,
      changeRole: true,
      removeFromTeam: true,
      deleteOwnAccount: false,
      renameOrganization: false,
    });
    expect(onStaff.grantableRoles).toEqual(['admin', 'staff']);
    const onOwner = await org.as(admin).permissions({ accountId: org.owner.id });
    expect(onOwner.actions).toMatchObject({ deactivate: false, changeRole: false });
    const mine = await org.as(staff).permissions();
    expect(mine.actions).toMatchObject({
      invite: false,
      deleteOwnAccount: true,
      defineRole: false,
    });
    expect(mine.grantableRoles).toEqual([]);
    // Every "yes" is a command that goes through.
    expect(await codeOf(org.as(admin).deactivate({ accountId: staff.id }))).toBe('ok');
  });

  it('a space-scoped manager may act in their Space only (spaces preset)', async () => {
    const org = await orgWith(presets.spaces);
    const leeds = await org.as(org.owner).createSpace({ name: 'Leeds' });
    const manager = await org.join('mo@acme.io', 'manager', leeds.id);
    expect(await org.as(manager).can('invite')).toBe(true);
    expect(await org.as(manager).can('invite', { spaceId: leeds.id, role: 'agent' })).toBe(true);
    expect(await org.as(manager).can('invite', { spaceId: org.organization.defaultSpaceId })).toBe(
      false,
    );
    expect((await org.as(manager).permissions({ spaceId: leeds.id })).grantableRoles).toEqual([
      'manager',
      'agent',
    ]);
  });
});

describe('stored roles with the presets', () => {
  it('admins define roles within their rank and permissions; holders get them at once', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const admin = await org.join('adi@acme.io', 'admin');
    const staff = await org.join('bo@acme.io', 'staff');
    const api = org.as(admin);
    expect(await codeOf(api.defineRole({ name: 'boss', rank: 60, permissions: [] }))).toBe(
      'RANK_EXCEEDED',
    );
    expect(
      await codeOf(api.defineRole({ name: 'x', rank: 20, permissions: ['manageOrganization'] })),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(org.as(org.owner).defineRole({ name: 'y', rank: 100, permissions: [] })),
    ).toBe('FORBIDDEN');
    const lead = await api.defineRole({ name: 'lead', rank: 30, permissions: ['manageGroups'] });
    await api.changeRole({ accountId: staff.id, role: 'lead' });
    expect(await org.as(staff).can('createGroup')).toBe(true);
    expect(await codeOf(org.as(staff).createGroup({ name: 'Sales' }))).toBe('ok');
    // Nobody edits the role they hold.
    expect(await codeOf(org.as(staff).updateRole({ roleId: lead.id, label: 'x' }))).toBe(
      'FORBIDDEN',
    );
    const updated = await api.updateRole({ roleId: lead.id, permissions: [] });
    expect(updated.version).toBe(2);
    expect(await org.as(staff).can('createGroup')).toBe(false);
    expect(await codeOf(org.as(staff).createGroup({ name: 'Support' }))).toBe('FORBIDDEN');
    expect(await codeOf(api.deleteRole({ roleId: lead.id }))).toBe('ROLE_IN_USE');
  });

  it('a second roster on the same store (another process) decides with the changed role at once', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const other = createRoster({ store: org.store, policy: createPolicy(presets.teamWorkspace) });
    const staff = await org.join('bo@acme.io', 'staff');
    const lead = await org.as(org.owner).defineRole({ name: 'lead', rank: 30, permissions: [] });
    await org.as(org.owner).changeRole({ accountId: staff.id, role: 'lead' });
    expect(await org.as(staff, other).can('createGroup')).toBe(false);
    await org.as(org.owner).updateRole({ roleId: lead.id, permissions: ['manageGroups'] });
    expect(await org.as(staff, other).can('createGroup')).toBe(true);
    expect(await codeOf(org.as(staff, other).createGroup({ name: 'Sales' }))).toBe('ok');
  });

  it('a stored role’s restrictions bind its holders (spaces preset)', async () => {
    const org = await orgWith(presets.spaces);
    const quiet = await org.as(org.owner).defineRole({
      name: 'quiet-manager',
      rank: 40,
      scope: 'space',
      permissions: ['manageUsers'],
      restrictions: ['no-invite'],
    });
    const mo = await org.join('mo@acme.io', 'quiet-manager');
    expect(quiet.restrictions).toEqual(['no-invite']);
    expect(await codeOf(org.as(mo).invite({ email: 'x@acme.io', role: 'agent' }))).toBe(
      'FORBIDDEN',
    );
    expect(await org.as(mo).can('invite', { role: 'agent' })).toBe(false);
    expect(
      await codeOf(
        org
          .as(org.owner)
          .defineRole({ name: 'z', rank: 1, permissions: [], restrictions: ['nope'] }),
      ),
    ).toBe('INVALID_INPUT');
  });
});
