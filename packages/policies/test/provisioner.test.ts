import type { ProvisionerPolicyActor, ProvisioningConnection } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { actorRank, createPolicy, presets, provisionerRole } from '../src/index.js';
import { HOME, ORG, OTHER_ORG, OWNER_ID, organization } from './fixtures.js';

const at = new Date('2026-01-01T00:00:00Z');

function connection(overrides: Partial<ProvisioningConnection> = {}): ProvisioningConnection {
  return {
    id: 'prc-1',
    orgId: ORG,
    name: 'Okta',
    spaceId: HOME,
    defaultRole: 'staff',
    onCreate: 'activate',
    groupRoles: {},
    status: 'active',
    tokenHash: 'a'.repeat(64),
    tokenHint: 'abcd',
    version: 1,
    createdAt: at,
    updatedAt: at,
    lastUsedAt: null,
    ...overrides,
  };
}

function provisioner(overrides: Partial<ProvisioningConnection> = {}): ProvisionerPolicyActor {
  return {
    kind: 'provisioner',
    connection: connection(overrides),
    organization: organization(),
    memberships: [],
  };
}

const account = (id: string, role: string, orgId = ORG) => ({
  type: 'Account' as const,
  orgId,
  id,
  memberships: [{ spaceId: HOME, role, state: 'member' }],
});
const membershipOf = (accountId: string, role: string, grantedRole?: string) => ({
  type: 'Membership' as const,
  orgId: ORG,
  accountId,
  spaceId: HOME,
  state: 'member',
  role,
  accountRoles: [role],
  ...(grantedRole === undefined ? {} : { grantedRole }),
});

describe('a provisioning connection under @rosterkit/policies', () => {
  const policy = createPolicy(presets.teamWorkspace);

  it('ranks as the highest role that is not the owner’s, and manages users and groups', () => {
    const role = provisionerRole(presets.teamWorkspace);
    expect(role).toMatchObject({ rank: presets.teamWorkspace.role('admin')?.rank, owner: false });
    expect(role.permissions).toEqual(['manageUsers', 'manageGroups']);
    expect(actorRank(presets.teamWorkspace, provisioner())).toBe(role.rank);
    for (const action of ['deactivate', 'reactivate', 'updateProfile'] as const) {
      expect(
        policy.check({ actor: provisioner(), action, subject: account('s1', 'staff') }),
      ).toEqual({ allowed: true });
    }
    expect(
      policy.check({ actor: provisioner(), action: 'deactivate', subject: account('a1', 'admin') }),
    ).toEqual({ allowed: true });
    expect(
      policy.check({
        actor: provisioner(),
        action: 'changeRole',
        subject: membershipOf('s1', 'staff', 'admin'),
      }),
    ).toEqual({ allowed: true });
    expect(
      policy.check({
        actor: provisioner(),
        action: 'createGroup',
        subject: { type: 'Group', orgId: ORG, spaceId: HOME },
      }).allowed,
    ).toBe(true);
  });

  it('does not act on the owner, grant the owner’s role, manage the organization, its connections or its outbox, or delete an account', () => {
    const allows = (request: Parameters<typeof policy.check>[0]) =>
      (policy.check(request) as { allowed: boolean }).allowed;
    expect(
      allows({ actor: provisioner(), action: 'deactivate', subject: account(OWNER_ID, 'owner') }),
    ).toBe(false);
    expect(
      allows({
        actor: provisioner(),
        action: 'changeRole',
        subject: membershipOf('s1', 'staff', 'owner'),
      }),
    ).toBe(false);
    for (const action of ['renameOrganization', 'changePlan', 'transferOwnership'] as const) {
      expect(
        allows({
          actor: provisioner(),
          action,
          subject: { type: 'Organization', orgId: ORG, id: ORG },
        }),
      ).toBe(false);
    }
    expect(
      allows({ actor: provisioner(), action: 'deleteOwnAccount', subject: account('s1', 'staff') }),
    ).toBe(false);
    expect(
      allows({
        actor: provisioner(),
        action: 'defineRole',
        subject: { type: 'Role', orgId: ORG, rank: 0 },
      }),
    ).toBe(false);
    // Nor manage connections (its own token included), nor the outbox.
    expect(
      allows({
        actor: provisioner(),
        action: 'manageProvisioning',
        subject: { type: 'ProvisioningConnection', orgId: ORG },
      }),
    ).toBe(false);
    expect(
      allows({
        actor: provisioner(),
        action: 'manageOutbox',
        subject: { type: 'OutboxMessage', orgId: ORG },
      }),
    ).toBe(false);
  });

  it('a revoked connection may do nothing, and no connection touches another organization', () => {
    const revoked = provisioner({ status: 'revoked', version: 2 });
    expect(
      policy.check({ actor: revoked, action: 'deactivate', subject: account('s1', 'staff') }),
    ).toEqual({
      allowed: false,
      reason: 'This provisioning connection is revoked; only active connections may act.',
    });
    expect(
      policy.check({
        actor: provisioner(),
        action: 'deactivate',
        subject: account('s1', 'staff', OTHER_ORG),
      }).allowed,
    ).toBe(false);
    // A revoked connection's ability is not the cached active one's.
    expect(policy.abilityFor(revoked)).not.toBe(policy.abilityFor(provisioner()));
  });
});
