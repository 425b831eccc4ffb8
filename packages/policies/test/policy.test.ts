import { RosterError } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { createPolicy, defineRoleSet, presets, type RoleSet } from '../src/index.js';
import { actor, ELSEWHERE, HOME, membership, ORG, OWNER_ID } from './fixtures.js';

const accountSubject = (id: string, role: string, spaceId = HOME) => ({
  type: 'Account' as const,
  orgId: ORG,
  id,
  memberships: [{ spaceId, role, state: 'member' }],
});

describe('createPolicy', () => {
  it('caches one ability per actor and rebuilds it when the actor changes', () => {
    const policy = createPolicy(presets.teamWorkspace);
    const admin = actor('a1', [membership('a1', 'admin')]);
    const ability = policy.abilityFor(admin);
    expect(policy.abilityFor(admin)).toBe(ability);
    // The same facts loaded again (a new object, as per request) reuse it.
    expect(policy.abilityFor(actor('a1', [membership('a1', 'admin')]))).toBe(ability);
    // A demotion (new membership version) does not.
    const demoted = actor('a1', [membership('a1', 'staff', HOME, { version: 2 })]);
    expect(policy.abilityFor(demoted)).not.toBe(ability);
    expect(
      policy.check({
        actor: demoted,
        action: 'deactivate',
        subject: accountSubject('s1', 'staff'),
      }),
    ).toEqual({
      allowed: false,
      reason: 'Only roles with the “Manage users” permission may deactivate accounts.',
    });
  });

  it('rebuilds abilities when the role set in force changes version', () => {
    let current: RoleSet = presets.contactCenter;
    const policy = createPolicy(() => current);
    const manager = actor('m1', [membership('m1', 'manager')], { plan: 'professional' });
    const request = {
      actor: manager,
      action: 'invite' as const,
      subject: { type: 'Invitation' as const, orgId: ORG, spaceId: HOME, role: 'agent' },
    };
    expect(policy.check(request).allowed).toBe(false);
    current = defineRoleSet({
      name: 'contact-center-v2',
      roles: presets.contactCenter.roles.map((role) =>
        role.name === 'manager'
          ? { ...role, permissions: [...role.permissions, 'manageUsers'] }
          : role,
      ),
    });
    expect(policy.check(request)).toEqual({ allowed: true });
  });

  it('evicts the oldest abilities beyond cacheSize', () => {
    const policy = createPolicy(presets.teamWorkspace, { cacheSize: 2 });
    const first = policy.abilityFor(actor('x1', [membership('x1', 'staff')]));
    policy.abilityFor(actor('x2', [membership('x2', 'staff')]));
    policy.abilityFor(actor('x3', [membership('x3', 'staff')]));
    expect(policy.abilityFor(actor('x1', [membership('x1', 'staff')]))).not.toBe(first);
  });

  it('limits profile fields by role: staff edit their extension, site admins others’ extension but not their home site', () => {
    const policy = createPolicy(presets.multiSite);
    const staff = actor('s1', [membership('s1', 'staff')]);
    const self = accountSubject('s1', 'staff');
    const field = (f: string, who = staff, subject = self) =>
      policy.check({ actor: who, action: 'updateProfile', subject, field: f });
    expect(field('firstName')).toEqual({ allowed: true });
    expect(field('profile.extension')).toEqual({ allowed: true });
    expect(field('profile.homeSite')).toEqual({
      allowed: false,
      reason: 'Your role may not change this field of your own profile.',
    });
    expect(field('email').allowed).toBe(false);
    const siteAdmin = actor('sa', [membership('sa', 'site-admin')]);
    expect(field('profile.extension', siteAdmin, self)).toEqual({ allowed: true });
    expect(field('profile.homeSite', siteAdmin, self)).toEqual({
      allowed: false,
      reason: 'Your role may not change this field of other people’s profiles.',
    });
    expect(field('email', siteAdmin, self).allowed).toBe(false);
    expect(field('email', siteAdmin, self)).toMatchObject({
      reason: expect.stringMatching(/email cannot be changed/),
    });
  });

  it('lets a site admin act only on their sites, and a super admin everywhere', () => {
    const policy = createPolicy(presets.multiSite);
    const siteAdmin = actor('sa', [membership('sa', 'site-admin', HOME)]);
    const there = accountSubject('t', 'staff', ELSEWHERE);
    expect(
      policy.check({
        actor: siteAdmin,
        action: 'deactivate',
        subject: accountSubject('t', 'staff'),
      }).allowed,
    ).toBe(true);
    expect(policy.check({ actor: siteAdmin, action: 'deactivate', subject: there })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/spaces where your role applies/),
    });
    // Two sites: a member of both counts as within scope.
    const both = {
      ...there,
      memberships: [
        { spaceId: ELSEWHERE, role: 'staff' },
        { spaceId: HOME, role: 'staff' },
      ],
    };
    expect(policy.check({ actor: siteAdmin, action: 'deactivate', subject: both }).allowed).toBe(
      true,
    );
    const superAdmin = actor('su', [membership('su', 'super-admin', HOME)]);
    expect(policy.check({ actor: superAdmin, action: 'deactivate', subject: there }).allowed).toBe(
      true,
    );
  });

  it('lets a team leader set and reassign the managers of their own reports only', () => {
    const policy = createPolicy(presets.managedTeams);
    const leader = actor('lead', [membership('lead', 'team-leader')]);
    const report = {
      type: 'Membership' as const,
      orgId: ORG,
      id: 'm',
      accountId: 'u',
      spaceId: HOME,
      role: 'user',
      managerId: 'lead',
    };
    expect(
      policy.check({ actor: leader, action: 'reassignReports', subject: report }).allowed,
    ).toBe(true);
    expect(policy.check({ actor: leader, action: 'setManager', subject: report }).allowed).toBe(
      true,
    );
    expect(
      policy.check({
        actor: leader,
        action: 'setManager',
        subject: { ...report, managerId: 'other' },
      }),
    ).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/team leaders for their own reports/),
    });
    expect(
      policy.check({ actor: leader, action: 'deactivate', subject: accountSubject('u', 'user') })
        .allowed,
    ).toBe(false);
  });

  it('applies per-member restrictions with their description as the reason', () => {
    const policy = createPolicy(presets.spaces);
    const restricted = actor('mg', [
      membership('mg', 'manager', HOME, { restrictions: ['no-invite'] }),
    ]);
    const invitation = { type: 'Invitation' as const, orgId: ORG, spaceId: HOME, role: 'agent' };
    expect(policy.check({ actor: restricted, action: 'invite', subject: invitation })).toEqual({
      allowed: false,
      reason: 'Restricted (no-invite): This member may not invite collaborators.',
    });
    expect(
      policy.check({
        actor: restricted,
        action: 'deactivate',
        subject: accountSubject('t', 'agent'),
      }).allowed,
    ).toBe(true);
  });

  it('refuses granting a role above one’s own, on invite and on role change', () => {
    const policy = createPolicy(presets.managedTeams);
    const admin = actor('ad', [membership('ad', 'admin')]);
    const up = {
      type: 'Membership' as const,
      orgId: ORG,
      accountId: 'u',
      spaceId: HOME,
      role: 'user',
      grantedRole: 'account-owner',
    };
    expect(policy.check({ actor: admin, action: 'changeRole', subject: up })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/grant a role that ranks above/),
    });
    expect(
      policy.check({ actor: admin, action: 'changeRole', subject: { ...up, grantedRole: 'admin' } })
        .allowed,
    ).toBe(true);
    expect(
      policy.check({
        actor: admin,
        action: 'invite',
        subject: { type: 'Invitation', orgId: ORG, spaceId: HOME, role: 'account-owner' },
      }).allowed,
    ).toBe(false);
  });

  it('refuses everything to an actor who is not active', () => {
    const policy = createPolicy(presets.teamWorkspace);
    const gone = actor('a1', [membership('a1', 'admin')], { account: { status: 'deactivated' } });
    expect(
      policy.check({ actor: gone, action: 'read', subject: accountSubject('a1', 'admin') }),
    ).toEqual({
      allowed: false,
      reason: 'Your account is deactivated; only active accounts may act.',
    });
  });

  it('lets only the owner delete the organization and transfer ownership', () => {
    const policy = createPolicy(presets.teamWorkspace);
    const org = { type: 'Organization' as const, orgId: ORG, id: ORG };
    const owner = actor(OWNER_ID, [membership(OWNER_ID, 'owner')]);
    expect(policy.check({ actor: owner, action: 'deleteOrganization', subject: org }).allowed).toBe(
      true,
    );
    const admin = actor('a1', [membership('a1', 'admin')]);
    expect(policy.check({ actor: admin, action: 'deleteOrganization', subject: org })).toEqual({
      allowed: false,
      reason: 'Only the organization’s owner may delete the organization.',
    });
  });

  it('gates statistics by plan', () => {
    const policy = createPolicy(presets.contactCenter);
    const org = { type: 'Organization' as const, orgId: ORG, id: ORG };
    const on = (plan: string) =>
      policy.check({
        actor: actor('ad', [membership('ad', 'administrator')], { plan }),
        action: 'viewStatistics',
        subject: org,
      });
    expect(on('pro-plus')).toEqual({ allowed: true });
    expect(on('starter')).toEqual({
      allowed: false,
      reason: '“viewStatistics” is available only on these plans: professional, pro-plus.',
    });
  });

  it('applies a role’s custom rules, and never lets them cross tenants or override protections', () => {
    const roles = defineRoleSet({
      name: 'custom',
      roles: [
        { name: 'owner', rank: 100, owner: true, permissions: ['manageUsers'] },
        {
          name: 'auditor',
          rank: 20,
          permissions: [],
          rules: (ctx) => [
            { action: 'read', subject: 'AuditEvent' },
            { action: 'deactivate', subject: 'Account' },
            { action: 'read', subject: 'Account', conditions: { status: 'deactivated' } },
            {
              action: 'read',
              subject: 'Account',
              inverted: true,
              conditions: { id: ctx.ownerId },
              reason: 'Auditors do not see the owner.',
            },
          ],
        },
      ],
    });
    const policy = createPolicy(roles);
    const auditor = actor('au', [membership('au', 'auditor')]);
    expect(
      policy.check({
        actor: auditor,
        action: 'read',
        subject: { type: 'AuditEvent', orgId: ORG, id: 'e' },
      }).allowed,
    ).toBe(true);
    expect(
      policy.check({
        actor: auditor,
        action: 'read',
        subject: { type: 'AuditEvent', orgId: 'org-2', id: 'e' },
      }),
    ).toMatchObject({ allowed: false, reason: expect.stringMatching(/another organization/) });
    expect(
      policy.check({
        actor: auditor,
        action: 'read',
        subject: { type: 'Account', orgId: ORG, id: 'z', status: 'deactivated', memberships: [] },
      }).allowed,
    ).toBe(true);
    expect(
      policy.check({
        actor: auditor,
        action: 'read',
        subject: { ...accountSubject(OWNER_ID, 'owner') },
      }),
    ).toEqual({ allowed: false, reason: 'Auditors do not see the owner.' });
    // The custom grant does not reach above the auditor's rank, nor the auditor themself.
    expect(
      policy.check({
        actor: auditor,
        action: 'deactivate',
        subject: accountSubject(OWNER_ID, 'owner'),
      }).allowed,
    ).toBe(false);
    expect(
      policy.check({
        actor: auditor,
        action: 'deactivate',
        subject: accountSubject('au', 'auditor'),
      }),
    ).toMatchObject({ reason: expect.stringMatching(/your own account/) });
    expect(
      policy.check({
        actor: auditor,
        action: 'deactivate',
        subject: accountSubject('p', 'auditor'),
      }).allowed,
    ).toBe(true);
  });

  it('reports a custom rule function returning a malformed rule as INVALID_INPUT', () => {
    const roles = defineRoleSet({
      name: 'broken',
      roles: [
        { name: 'owner', rank: 100, owner: true, permissions: ['manageUsers'] },
        {
          name: 'odd',
          rank: 1,
          permissions: [],
          rules: () => [{ action: 'read', subject: 'Account', conditions: { $or: [] } } as never],
        },
      ],
    });
    const policy = createPolicy(roles);
    let caught: unknown;
    try {
      policy.check({
        actor: actor('o', [membership('o', 'odd')]),
        action: 'read',
        subject: { type: 'Account', orgId: ORG },
      });
    } catch (error) {
      caught = error;
    }
    expect(RosterError.isInstance(caught, 'INVALID_INPUT')).toBe(true);
    expect((caught as RosterError<'INVALID_INPUT'>).details.issues[0]?.path).toEqual([
      0,
      'conditions',
      '$or',
    ]);
  });

  it('returns read filters that a store can apply', () => {
    const policy = createPolicy(presets.spaces);
    const manager = actor('mg', [membership('mg', 'manager', HOME)]);
    expect(policy.readFilter(manager, 'Invitation')).toEqual({
      kind: 'and',
      filters: [
        { kind: 'field', field: 'orgId', op: 'eq', value: ORG },
        { kind: 'field', field: 'spaceId', op: 'in', value: [HOME] },
      ],
    });
    expect(policy.readFilter(manager, 'AuditEvent')).toEqual({ kind: 'none' });
  });
});
