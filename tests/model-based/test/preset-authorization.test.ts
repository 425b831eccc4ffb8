import { memoryStore } from '@rosterkit/adapter-memory';
import {
  type Account,
  type ActorApi,
  createRoster,
  RosterError,
  type RosterErrorCode,
} from '@rosterkit/core';
import { createPolicy, presets, type RoleSet } from '@rosterkit/policies';
import { describe, expect, it } from 'vitest';

// The reference products' presets through the real commands on the memory
// store: the holes an adversarial review found when one person holds several
// memberships (DESIGN §4 rules 1, 3, 4, 5, §8 "rank is compared account to
// account"), and the profile-field namespace of rule 9.

async function orgWith(roleSet: RoleSet, options: { requiredProfileFields?: string[] } = {}) {
  const store = memoryStore();
  const roster = createRoster({
    store,
    policy: createPolicy(roleSet),
    ...(options.requiredProfileFields === undefined
      ? {}
      : { requiredProfileFields: options.requiredProfileFields }),
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  const as = (account: { id: string }): ActorApi =>
    roster.as({ accountId: account.id, orgId: organization.id });
  const join = async (
    email: string,
    role: string,
    spaceId?: string,
    by: Account = owner,
  ): Promise<Account> => {
    const { token } = await as(by).invite({
      email,
      role,
      ...(spaceId === undefined ? {} : { spaceId }),
    });
    const { account } = await roster.acceptInvitation({ token, firstName: 'T', lastName: 'T' });
    return account;
  };
  const history = async () =>
    (await as(owner).history({ accountId: owner.id })).events.map((event) => event.action);
  return { roster, store, organization, owner, as, join, history };
}

async function refusal(promise: Promise<unknown>): Promise<RosterError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RosterError.isInstance(error)) throw new Error(`expected a RosterError, got ${error}`);
  return error;
}

async function expectCode(promise: Promise<unknown>, code: RosterErrorCode): Promise<RosterError> {
  const error = await refusal(promise);
  expect(error.code, error.message).toBe(code);
  return error;
}

describe('multiSite: rank is the account’s, not the membership’s (item 1)', () => {
  async function leedsWithSuperAdmin() {
    const org = await orgWith(presets.multiSite);
    const leeds = await org.as(org.owner).createSpace({ name: 'Leeds' });
    const siteAdmin = await org.join('sa@acme.io', 'site-admin', leeds.id);
    const superAdmin = await org.join('super@acme.io', 'super-admin');
    // The super admin also works a shift in Leeds, as staff.
    await org
      .as(org.owner)
      .addToTeam({ accountId: superAdmin.id, spaceId: leeds.id, role: 'staff' });
    return { ...org, leeds, siteAdmin, superAdmin };
  }

  it('a site admin cannot change the role of, remove, regroup or take over a super admin through a Leeds membership', async () => {
    const org = await leedsWithSuperAdmin();
    const siteAdmin = org.as(org.siteAdmin);
    const group = await org.as(org.owner).createGroup({ name: 'Tills', spaceId: org.leeds.id });
    const target = { accountId: org.superAdmin.id, spaceId: org.leeds.id };
    const refused = await expectCode(
      siteAdmin.changeRole({ ...target, role: 'site-admin' }),
      'RANK_EXCEEDED',
    );
    expect(refused.details).toEqual({ actorRank: 50, targetRank: 100, target: 'account' });
    await expectCode(siteAdmin.removeFromTeam(target), 'RANK_EXCEEDED');
    await expectCode(siteAdmin.assignGroups({ ...target, groupIds: [group.id] }), 'RANK_EXCEEDED');
    await expectCode(
      siteAdmin.setManager({ ...target, managerId: org.siteAdmin.id }),
      'RANK_EXCEEDED',
    );
    await expectCode(siteAdmin.setRestrictions({ ...target, restrictions: [] }), 'RANK_EXCEEDED');
    for (const row of [
      { email: 'super@acme.io', space: 'Leeds', role: 'site-admin' },
      { email: 'super@acme.io', space: 'Leeds', groups: ['Tills'] },
      { email: 'super@acme.io', space: 'Leeds', manager: 'sa@acme.io' },
    ]) {
      const report = await siteAdmin.bulkUpdate([row]);
      expect(report.rows.map((reported) => reported.error?.code)).toEqual(['RANK_EXCEEDED']);
    }
    const membership = (
      await org.as(org.owner).getAccount({ accountId: org.superAdmin.id })
    ).memberships.find((m) => m.spaceId === org.leeds.id);
    expect(membership).toMatchObject({
      role: 'staff',
      state: 'member',
      groupIds: [],
      managerId: null,
    });
  });

  it('a site admin still manages an ordinary member of Leeds', async () => {
    const org = await leedsWithSuperAdmin();
    const staff = await org.join('st@acme.io', 'staff', org.leeds.id);
    const changed = await org
      .as(org.siteAdmin)
      .setManager({ accountId: staff.id, spaceId: org.leeds.id, managerId: org.siteAdmin.id });
    expect(changed.managerId).toBe(org.siteAdmin.id);
  });

  it('rank refusals of a granted role say so with both ranks', async () => {
    const org = await leedsWithSuperAdmin();
    const refused = await expectCode(
      org
        .as(org.siteAdmin)
        .invite({ email: 'x@acme.io', role: 'super-admin', spaceId: org.leeds.id }),
      'RANK_EXCEEDED',
    );
    expect(refused.details).toEqual({ actorRank: 50, targetRank: 100, target: 'role' });
  });
});

describe('the owner’s memberships (item 2)', () => {
  it('nobody else attaches the owner to a space, groups them there or becomes their manager', async () => {
    const org = await orgWith(presets.multiSite);
    const leeds = await org.as(org.owner).createSpace({ name: 'Leeds' });
    const superAdmin = await org.join('super@acme.io', 'super-admin');
    await org.join('super2@acme.io', 'super-admin', leeds.id);
    const peer = org.as(superAdmin);
    await expectCode(
      peer.addToTeam({ accountId: org.owner.id, spaceId: leeds.id, role: 'staff' }),
      'OWNER_PROTECTED',
    );
    await expectCode(
      peer.setManager({ accountId: org.owner.id, managerId: superAdmin.id }),
      'OWNER_PROTECTED',
    );
    const account = await org.as(org.owner).getAccount({ accountId: org.owner.id });
    expect(account.memberships.map((m) => m.spaceId)).toEqual([org.organization.defaultSpaceId]);
  });

  it('the owner manages their own memberships beyond the default space, and can leave them', async () => {
    const org = await orgWith(presets.multiSite);
    const owner = org.as(org.owner);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const tills = await owner.createGroup({ name: 'Tills', spaceId: leeds.id });
    await owner.addToTeam({ accountId: org.owner.id, spaceId: leeds.id, role: 'staff' });
    await owner.assignGroups({ accountId: org.owner.id, spaceId: leeds.id, groupIds: [tills.id] });
    const superAdmin = await org.join('super@acme.io', 'super-admin');
    await expectCode(
      org.as(superAdmin).removeFromTeam({ accountId: org.owner.id, spaceId: leeds.id }),
      'OWNER_PROTECTED',
    );
    await expectCode(
      org.as(superAdmin).assignGroups({ accountId: org.owner.id, spaceId: leeds.id, groupIds: [] }),
      'OWNER_PROTECTED',
    );
    const left = await owner.removeFromTeam({ accountId: org.owner.id, spaceId: leeds.id });
    expect(left.state).toBe('account-only');
    // The default space stays the owner's for good (rules 1 and 3).
    await expectCode(owner.removeFromTeam({ accountId: org.owner.id }), 'SELF_ACTION');
    await expectCode(
      org.as(superAdmin).removeFromTeam({ accountId: org.owner.id }),
      'OWNER_PROTECTED',
    );
  });
});

describe('spaces: restrictions stay in their space (item 3)', () => {
  it('a restriction on someone’s membership of Space A does not limit them in Space B', async () => {
    const org = await orgWith(presets.spaces);
    const owner = org.as(org.owner);
    const a = await owner.createSpace({ name: 'A' });
    const b = await owner.createSpace({ name: 'B' });
    const managerA = await org.join('ma@acme.io', 'manager', a.id);
    const managerB = await org.join('mb@acme.io', 'manager', b.id);
    const agentB = await org.join('ab@acme.io', 'agent', b.id);
    // Manager B also works in Space A, as an agent, and A's manager restricts them there.
    await owner.addToTeam({ accountId: managerB.id, spaceId: a.id, role: 'agent' });
    await org.as(managerA).setRestrictions({
      accountId: managerB.id,
      spaceId: a.id,
      restrictions: ['no-invite', 'no-access-changes'],
    });
    const inB = org.as(managerB);
    const { invitation } = await inB.invite({ email: 'new@acme.io', role: 'agent', spaceId: b.id });
    expect(invitation.spaceId).toBe(b.id);
    const changed = await inB.changeRole({ accountId: agentB.id, spaceId: b.id, role: 'manager' });
    expect(changed.role).toBe('manager');
  });

  it('a restriction still takes the action away in its own space', async () => {
    const org = await orgWith(presets.spaces);
    const owner = org.as(org.owner);
    const a = await owner.createSpace({ name: 'A' });
    const managerA = await org.join('ma@acme.io', 'manager', a.id);
    await owner.setRestrictions({
      accountId: managerA.id,
      spaceId: a.id,
      restrictions: ['no-invite'],
    });
    await expectCode(
      org.as(managerA).invite({ email: 'new@acme.io', role: 'agent', spaceId: a.id }),
      'FORBIDDEN',
    );
  });
});

describe('rule 3 names groups and the manager (item 4)', () => {
  it('an admin neither assigns their own groups nor sets their own manager, singly or in bulk', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const admin = await org.join('adi@acme.io', 'admin');
    const other = await org.join('ben@acme.io', 'admin');
    const sales = await org.as(org.owner).createGroup({ name: 'Sales' });
    const api = org.as(admin);
    await expectCode(
      api.assignGroups({ accountId: admin.id, groupIds: [sales.id] }),
      'SELF_ACTION',
    );
    await expectCode(api.setManager({ accountId: admin.id, managerId: other.id }), 'SELF_ACTION');
    for (const row of [
      { email: 'adi@acme.io', groups: ['Sales'] },
      { email: 'adi@acme.io', manager: 'ben@acme.io' },
    ]) {
      const report = await api.bulkUpdate([row]);
      expect(report.rows.map((reported) => reported.error?.code)).toEqual(['SELF_ACTION']);
    }
  });
});

describe('an invitation carries its inviter’s authority only while they have it (item 6)', () => {
  it('an admin invitation is not accepted as admin after the inviter was demoted or deactivated', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const admin = await org.join('adi@acme.io', 'admin');
    const first = await org.as(admin).invite({ email: 'x@acme.io', role: 'admin' });
    const second = await org.as(admin).invite({ email: 'y@acme.io', role: 'staff' });
    await org.as(org.owner).changeRole({ accountId: admin.id, role: 'staff' });
    await expectCode(
      org.roster.acceptInvitation({ token: first.token, firstName: 'X', lastName: 'X' }),
      'FORBIDDEN',
    );
    await expectCode(
      org.roster.acceptInvitation({ token: second.token, firstName: 'Y', lastName: 'Y' }),
      'FORBIDDEN',
    );
    // Resent by someone who may still grant it, the invitation is good again.
    const resent = await org.as(org.owner).resendInvitation({ invitationId: first.invitation.id });
    const { membership } = await org.roster.acceptInvitation({
      token: resent.token,
      firstName: 'X',
      lastName: 'X',
    });
    expect(membership.role).toBe('admin');
  });

  it('nor after the inviter was deactivated', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const admin = await org.join('adi@acme.io', 'admin');
    const { token } = await org.as(admin).invite({ email: 'x@acme.io', role: 'staff' });
    await org.as(org.owner).deactivate({ accountId: admin.id });
    await expectCode(
      org.roster.acceptInvitation({ token, firstName: 'X', lastName: 'X' }),
      'FORBIDDEN',
    );
  });
});

describe('profile fields are authorized as profile.<key> (item 8)', () => {
  it('multiSite staff edit their own extension, not another field', async () => {
    const org = await orgWith(presets.multiSite);
    const staff = await org.join('st@acme.io', 'staff');
    const api = org.as(staff);
    const updated = await api.updateProfile({ accountId: staff.id, profile: { extension: '201' } });
    expect(updated.profile).toEqual({ extension: '201' });
    await expectCode(
      api.updateProfile({ accountId: staff.id, profile: { wifi: 'on' } }),
      'FORBIDDEN',
    );
  });

  it('an owner fills a required field, so deactivation and reactivation can go on (rule 9)', async () => {
    const org = await orgWith(presets.teamWorkspace, { requiredProfileFields: ['profile.phone'] });
    const staff = await org.join('st@acme.io', 'staff');
    const owner = org.as(org.owner);
    await expectCode(owner.deactivate({ accountId: staff.id }), 'PROFILE_INCOMPLETE');
    await owner.updateProfile({ accountId: staff.id, profile: { phone: '+44 1' } });
    const deactivated = await owner.deactivate({ accountId: staff.id });
    expect(deactivated.status).toBe('deactivated');
  });

  it('refuses profile keys that collide with the account’s own fields', async () => {
    const org = await orgWith(presets.multiSite);
    const staff = await org.join('st@acme.io', 'staff');
    for (const key of ['firstName', 'email', 'status']) {
      await expectCode(
        org.as(staff).updateProfile({ accountId: staff.id, profile: { [key]: 'x' } }),
        'INVALID_INPUT',
      );
    }
  });
});

describe('the Policy is asked before every change (item 5)', () => {
  it('reassignReports of someone without reports is refused to staff and audits nothing', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const staff = await org.join('st@acme.io', 'staff');
    const other = await org.join('ot@acme.io', 'staff');
    const before = (await org.as(org.owner).history({ accountId: other.id })).events.length;
    await expectCode(
      org.as(staff).reassignReports({ managerId: other.id, reassignment: { to: staff.id } }),
      'FORBIDDEN',
    );
    expect(
      await org
        .as(org.owner)
        .reassignReports({ managerId: other.id, reassignment: { to: org.owner.id } }),
    ).toEqual([]);
    expect((await org.as(org.owner).history({ accountId: other.id })).events.length).toBe(before);
  });
});

describe('bounded profiles (item 9)', () => {
  it('an invitee holding only a token cannot store a huge profile', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const { token } = await org.as(org.owner).invite({ email: 'x@acme.io', role: 'staff' });
    const huge = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 'v'.repeat(100)]),
    );
    await expectCode(
      org.roster.acceptInvitation({ token, firstName: 'X', lastName: 'X', profile: huge }),
      'INVALID_INPUT',
    );
  });
});

describe('multiSite: the structure and invitation reads and changes stay in the site admin’s spaces', () => {
  it('a site admin lists, renames and deletes groups and reads invitations of Leeds only; spaces are the super admin’s', async () => {
    const org = await orgWith(presets.multiSite);
    const owner = org.as(org.owner);
    const leeds = await owner.createSpace({ name: 'Leeds' });
    const york = await owner.createSpace({ name: 'York' });
    const siteAdmin = await org.join('sa@acme.io', 'site-admin', leeds.id);
    const tills = await owner.createGroup({ name: 'Tills', spaceId: leeds.id });
    const doors = await owner.createGroup({ name: 'Doors', spaceId: york.id });
    await owner.invite({ email: 'l@acme.io', role: 'staff', spaceId: leeds.id });
    await owner.invite({ email: 'y@acme.io', role: 'staff', spaceId: york.id });
    const asSite = org.as(siteAdmin);

    // Reads: the site's own space, groups and invitations.
    expect((await asSite.listSpaces()).map((space) => space.name)).toEqual(['Leeds']);
    expect((await asSite.listGroups({ spaceId: leeds.id })).map(({ group }) => group.name)).toEqual(
      ['Tills'],
    );
    await expectCode(asSite.listGroups({ spaceId: york.id }), 'FORBIDDEN');
    const invitations = await asSite.listInvitations();
    // Newest first: York's is not among them.
    expect(invitations.items.map((item) => item.email)).toEqual(['l@acme.io', 'sa@acme.io']);
    await expectCode(asSite.listInvitations({ spaceId: york.id }), 'FORBIDDEN');
    expect((await asSite.getOrganization()).id).toBe(org.organization.id);

    // Changes: groups of Leeds, never York's, and no space at all.
    expect((await asSite.renameGroup({ groupId: tills.id, name: 'Tills 2' })).name).toBe('Tills 2');
    await expectCode(asSite.renameGroup({ groupId: doors.id, name: 'Mine' }), 'FORBIDDEN');
    await expectCode(asSite.deleteGroup({ groupId: doors.id }), 'FORBIDDEN');
    await expectCode(asSite.renameSpace({ spaceId: leeds.id, name: 'Mine' }), 'FORBIDDEN');
    await expectCode(asSite.deleteSpace({ spaceId: york.id }), 'FORBIDDEN');
    await asSite.deleteGroup({ groupId: tills.id });
    const deleted = await owner.deleteSpace({ spaceId: york.id });
    expect(deleted.revokedInvitations.map((invitation) => invitation.email)).toEqual(['y@acme.io']);
    expect(deleted.deletedGroups.map((group) => group.id)).toEqual([doors.id]);
  });
});

describe('multiSite: linking accounts and reading the audit (issue 14)', () => {
  async function sites() {
    const org = await orgWith(presets.multiSite);
    const leeds = await org.as(org.owner).createSpace({ name: 'Leeds' });
    const york = await org.as(org.owner).createSpace({ name: 'York' });
    const siteAdmin = await org.join('sa@acme.io', 'site-admin', leeds.id);
    const inLeeds = await org.join('bo@acme.io', 'staff', leeds.id);
    const inYork = await org.join('cy@acme.io', 'staff', york.id);
    return { ...org, siteAdmin, inLeeds, inYork };
  }

  it('a site admin links the people of their site only; staff link nobody, themselves included', async () => {
    const org = await sites();
    const admin = org.as(org.siteAdmin);
    const linked = await admin.linkExternalId({ accountId: org.inLeeds.id, externalId: 'idp|bo' });
    expect(linked.externalId).toBe('idp|bo');
    await expectCode(
      admin.linkExternalId({ accountId: org.inYork.id, externalId: 'idp|cy' }),
      'FORBIDDEN',
    );
    await expectCode(
      org.as(org.inYork).linkExternalId({ accountId: org.inYork.id, externalId: 'idp|cy' }),
      'FORBIDDEN',
    );
    expect(
      await org.roster.findAccount({ orgId: org.organization.id, externalId: 'idp|bo' }),
    ).toMatchObject({ actor: { accountId: org.inLeeds.id }, canAct: true });
  });

  it('a deleted account’s history is read by those who read the audit across the organization only', async () => {
    const org = await sites();
    await org.as(org.inLeeds).deleteOwnAccount();
    const trail = await org.as(org.owner).history({ accountId: org.inLeeds.id });
    expect(trail.account).toBeNull();
    expect(trail.events.map((event) => event.action)).toContain('deleteOwnAccount');
    for (const reader of [org.siteAdmin, org.inYork]) {
      await expectCode(org.as(reader).history({ accountId: org.inLeeds.id }), 'FORBIDDEN');
    }
    // Nor is a missing account told apart from a refused one to them.
    await expectCode(org.as(org.inYork).history({ accountId: 'acc_nobody' }), 'FORBIDDEN');
    await expectCode(org.as(org.owner).history({ accountId: 'acc_nobody' }), 'NOT_FOUND');
  });
});

describe('dead outbox messages: the organization-wide admins manage them (issue 15)', () => {
  async function withDeadMessage(roleSet: RoleSet) {
    const org = await orgWith(roleSet);
    await org.roster.drainOutbox(async () => {});
    await org.as(org.owner).requestPasswordReset({ accountId: org.owner.id });
    await org.roster.drainOutbox(
      async () => {
        throw new Error('550 mailbox unavailable');
      },
      { maxAttempts: 1 },
    );
    const [dead] = (await org.roster.listDeadOutboxMessages()).items;
    if (dead === undefined) throw new Error('nothing was parked dead');
    return { ...org, dead };
  }

  it('teamWorkspace: an admin lists and retries, staff may not; the retry is in the audit', async () => {
    const org = await withDeadMessage(presets.teamWorkspace);
    const admin = await org.join('adi@acme.io', 'admin');
    const staff = await org.join('bo@acme.io', 'staff');
    await expectCode(org.as(staff).listDeadOutboxMessages(), 'FORBIDDEN');
    await expectCode(org.as(staff).retryDeadOutboxMessage({ messageId: org.dead.id }), 'FORBIDDEN');
    expect((await org.as(admin).listDeadOutboxMessages()).items.map((m) => m.id)).toEqual([
      org.dead.id,
    ]);
    expect(await org.as(admin).retryDeadOutboxMessage({ messageId: org.dead.id })).toBe(true);
    expect((await org.roster.listDeadOutboxMessages()).total).toBe(0);
    const events = await org.store.inspect().auditEvents(org.organization.id);
    expect(events.filter((event) => event.action === 'retryDeadOutboxMessage')).toMatchObject([
      { actor: { accountId: admin.id }, target: { type: 'OutboxMessage', id: org.dead.id } },
    ]);
  });

  it('multiSite: the super admin (owner) manages them, a site admin does not (the outbox has no sites)', async () => {
    const org = await withDeadMessage(presets.multiSite);
    const leeds = await org.as(org.owner).createSpace({ name: 'Leeds' });
    const siteAdmin = await org.join('sa@acme.io', 'site-admin', leeds.id);
    expect(await org.as(siteAdmin).can('manageOutbox')).toBe(false);
    await expectCode(org.as(siteAdmin).listDeadOutboxMessages(), 'FORBIDDEN');
    expect(await org.as(org.owner).can('manageOutbox')).toBe(true);
    expect((await org.as(org.owner).listDeadOutboxMessages()).total).toBe(1);
  });
});

describe('provisioning connections: the organization-wide admins manage them (issue 17)', () => {
  it('teamWorkspace: an admin creates one for staff, not for the owner role; staff may not; the token acts as a provisioner that may not manage connections', async () => {
    const org = await orgWith(presets.teamWorkspace);
    const admin = await org.join('adi@acme.io', 'admin');
    const staff = await org.join('bo@acme.io', 'staff');
    expect(await org.as(admin).can('manageProvisioning')).toBe(true);
    expect(await org.as(staff).can('manageProvisioning')).toBe(false);
    await expectCode(
      org.as(staff).createProvisioningConnection({ name: 'Okta', defaultRole: 'staff' }),
      'FORBIDDEN',
    );
    await expectCode(
      org.as(admin).createProvisioningConnection({ name: 'Okta', defaultRole: 'owner' }),
      'OWNER_PROTECTED',
    );
    const { connection, token } = await org
      .as(admin)
      .createProvisioningConnection({ name: 'Okta', defaultRole: 'staff' });
    const found = await org.roster.authenticateProvisioner(token);
    expect(found?.connection.id).toBe(connection.id);
    if (found === null) throw new Error('the token did not authenticate');
    const scim = org.roster.as(found.actor);
    expect((await scim.deactivate({ accountId: staff.id })).status).toBe('deactivated');
    await expectCode(scim.listProvisioningConnections(), 'FORBIDDEN');
    await expectCode(scim.rotateProvisioningToken({ connectionId: connection.id }), 'FORBIDDEN');
    expect(await org.as(org.owner).listProvisioningConnections()).toHaveLength(1);
  });

  it('multiSite: a site admin may not (a connection provisions across the organization); the super admin may', async () => {
    const org = await orgWith(presets.multiSite);
    const leeds = await org.as(org.owner).createSpace({ name: 'Leeds' });
    const siteAdmin = await org.join('sa@acme.io', 'site-admin', leeds.id);
    expect(await org.as(siteAdmin).can('manageProvisioning')).toBe(false);
    await expectCode(
      org.as(siteAdmin).createProvisioningConnection({
        name: 'Okta',
        defaultRole: 'staff',
        spaceId: leeds.id,
      }),
      'FORBIDDEN',
    );
    const made = await org.as(org.owner).createProvisioningConnection({
      name: 'Okta',
      defaultRole: 'site-admin',
      spaceId: leeds.id,
    });
    expect(made.connection).toMatchObject({ spaceId: leeds.id, defaultRole: 'site-admin' });
  });
});
