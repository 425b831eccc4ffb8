import type { OrganizationRoles, PolicyActor, StoredRole } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { createPolicy, presets, withStoredRoles } from '../src/index.js';
import { actor, ELSEWHERE, HOME, membership, ORG } from './fixtures.js';

const at = new Date('2026-02-01T00:00:00Z');

function stored(overrides: Partial<StoredRole> = {}): StoredRole {
  return {
    id: 'rol-lead',
    orgId: ORG,
    name: 'lead',
    label: 'Lead',
    description: '',
    rank: 30,
    permissions: ['manageUsers'],
    scope: 'organization',
    restrictions: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

const rolesOf = (version: string, ...roles: StoredRole[]): OrganizationRoles => ({
  version,
  roles,
});

const withRoles = (base: PolicyActor, organizationRoles: OrganizationRoles): PolicyActor => ({
  ...base,
  organizationRoles,
});

const accountOf = (id: string, role: string, spaceId = HOME) => ({
  type: 'Account' as const,
  orgId: ORG,
  id,
  memberships: [{ spaceId, role, state: 'member' }],
});

describe('withStoredRoles', () => {
  it('adds the stored roles of the organization, below the owner, known permissions only', () => {
    const merged = withStoredRoles(
      presets.teamWorkspace,
      ORG,
      rolesOf(
        'v1',
        stored({ rank: 500, permissions: ['manageUsers', 'fly'] }),
        stored({ id: 'rol-x', name: 'elsewhere', orgId: 'org-2' }),
        stored({ id: 'rol-y', name: 'admin', rank: 1 }),
      ),
    );
    expect(merged.version).not.toBe(presets.teamWorkspace.version);
    expect(merged.role('lead')).toMatchObject({ rank: 99, permissions: ['manageUsers'] });
    expect(merged.role('elsewhere')).toBeUndefined();
    // A stored role never replaces one of the set's.
    expect(merged.role('admin')?.rank).toBe(50);
    expect(merged.roles.map((role) => role.name)).toEqual(['owner', 'lead', 'admin', 'staff']);
    expect(withStoredRoles(presets.teamWorkspace, ORG, rolesOf('v0'))).toBe(presets.teamWorkspace);
  });
});

describe('createPolicy with stored roles', () => {
  const policy = createPolicy(presets.teamWorkspace);
  const lead = actor('acc-lead', [membership('acc-lead', 'lead')]);

  it('decides with a stored role, and with its new version as soon as it changes', () => {
    const request = (organizationRoles: OrganizationRoles) =>
      policy.check({
        actor: withRoles(lead, organizationRoles),
        action: 'deactivate',
        subject: accountOf('acc-staff', 'staff'),
      });
    expect(request(rolesOf('v1', stored())).allowed).toBe(true);
    expect(request(rolesOf('v2', stored({ permissions: [], version: 2 }))).allowed).toBe(false);
    expect(request(rolesOf('v1', stored())).allowed).toBe(true);
    // Rank is the stored role's: an admin (50) is out of a lead's (30) reach.
    const decision = policy.check({
      actor: withRoles(lead, rolesOf('v1', stored())),
      action: 'deactivate',
      subject: accountOf('acc-admin', 'admin'),
    });
    expect(decision).toMatchObject({ allowed: false, rank: { actorRank: 30, targetRank: 50 } });
  });

  it('rule 4 for roles: not above one’s rank, no permission one lacks, not one’s own role', () => {
    const admin = withRoles(
      actor('acc-admin', [membership('acc-admin', 'admin')]),
      rolesOf('v1', stored()),
    );
    const role = (overrides: Partial<StoredRole>) => ({
      ...stored(overrides),
      type: 'Role' as const,
    });
    expect(policy.check({ actor: admin, action: 'defineRole', subject: role({}) }).allowed).toBe(
      true,
    );
    expect(
      policy.check({ actor: admin, action: 'defineRole', subject: role({ rank: 60 }) }),
    ).toMatchObject({ allowed: false, rank: { actorRank: 50, targetRank: 60, target: 'role' } });
    expect(
      policy.check({
        actor: admin,
        action: 'updateRole',
        subject: role({ permissions: ['manageOrganization'] }),
      }),
    ).toMatchObject({ allowed: false, reason: expect.stringMatching(/do not hold yourself/) });
    const owner = actor('acc-owner', [membership('acc-owner', 'owner')]);
    expect(
      policy.check({ actor: owner, action: 'defineRole', subject: role({ rank: 100 }) }),
    ).toMatchObject({ allowed: false, reason: expect.stringMatching(/owner’s role ranks/) });
    const holder = withRoles(
      actor('acc-lead2', [
        membership('acc-lead2', 'lead'),
        membership('acc-lead2', 'admin', ELSEWHERE),
      ]),
      rolesOf('v1', stored()),
    );
    expect(
      policy.check({ actor: holder, action: 'updateRole', subject: role({ label: 'x' }) }),
    ).toMatchObject({ allowed: false, reason: expect.stringMatching(/hold themselves/) });
    expect(
      policy.check({ actor: lead, action: 'defineRole', subject: role({ rank: 0 }) }).allowed,
    ).toBe(false);
  });

  it('a space-scoped manager defines space-scoped roles only with what they manage', () => {
    const multi = createPolicy(presets.multiSite);
    const siteAdmin = actor('acc-site', [membership('acc-site', 'site-admin')]);
    const role = (scope: 'organization' | 'space') => ({
      ...stored({ scope, rank: 10 }),
      type: 'Role' as const,
    });
    // multiSite's site admins have no manageRoles: refused either way.
    expect(
      multi.check({ actor: siteAdmin, action: 'defineRole', subject: role('space') }).allowed,
    ).toBe(false);
    const custom = createPolicy(
      withStoredRoles(
        presets.multiSite,
        ORG,
        rolesOf(
          'v1',
          stored({
            name: 'site-lead',
            rank: 50,
            scope: 'space',
            permissions: ['manageUsers', 'manageRoles'],
          }),
        ),
      ),
    );
    const siteLead = actor('acc-sl', [membership('acc-sl', 'site-lead')]);
    expect(
      custom.check({ actor: siteLead, action: 'defineRole', subject: role('space') }).allowed,
    ).toBe(true);
    expect(
      custom.check({ actor: siteLead, action: 'defineRole', subject: role('organization') }),
    ).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/across the organization/),
    });
  });

  it('a stored role’s restrictions bind its holders as a membership’s would', () => {
    const spaces = createPolicy(presets.spaces);
    const limited = withRoles(
      actor('acc-m', [membership('acc-m', 'quiet-manager')]),
      rolesOf(
        'v1',
        stored({ name: 'quiet-manager', rank: 40, scope: 'space', restrictions: ['no-invite'] }),
      ),
    );
    const invite = { type: 'Invitation' as const, orgId: ORG, spaceId: HOME, role: 'agent' };
    const decision = spaces.check({ actor: limited, action: 'invite', subject: invite });
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringMatching(/no-invite/) });
    const free = withRoles(
      limited,
      rolesOf('v2', stored({ name: 'quiet-manager', rank: 40, scope: 'space', version: 2 })),
    );
    expect(spaces.check({ actor: free, action: 'invite', subject: invite }).allowed).toBe(true);
  });

  it('checkAny answers for some record of a kind, plan gates included', () => {
    const center = createPolicy(presets.contactCenter);
    const manager = actor('acc-m', [membership('acc-m', 'manager')]);
    const onPro = actor('acc-m', [membership('acc-m', 'manager')], { plan: 'professional' });
    expect(
      center.checkAny({ actor: manager, action: 'viewStatistics', subjectType: 'Account' }),
    ).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/only on these plans/),
    });
    expect(
      center.checkAny({ actor: onPro, action: 'viewStatistics', subjectType: 'Account' }).allowed,
    ).toBe(true);
    expect(
      center.checkAny({ actor: manager, action: 'invite', subjectType: 'Invitation' }).allowed,
    ).toBe(false);
    const site = createPolicy(presets.multiSite);
    const siteAdmin = actor('acc-s', [membership('acc-s', 'site-admin')]);
    // Some account of their sites: yes, though not every account.
    expect(
      site.checkAny({ actor: siteAdmin, action: 'deactivate', subjectType: 'Account' }).allowed,
    ).toBe(true);
  });
});
