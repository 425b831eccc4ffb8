import type { RosterAction } from '@rosterkit/core';
import { type Permission, permissionActions, permissions } from '../permissions.js';
import type { Role } from '../role-set.js';
import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { inSpaces } from './space-condition.js';

const membershipActions: ReadonlySet<RosterAction> = new Set([
  'addToTeam',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'setManager',
  'reassignReports',
  'assignGroups',
]);

/** @internal The actions of `manageUsers` asked of a membership rather than an account or invitation. */
export const userActionsOnMemberships: readonly RosterAction[] =
  permissionActions.manageUsers.filter((action) => membershipActions.has(action));

/** What one permission of a role allows: across the organization (`spaceIds` null) or in the given spaces. */
type Grant = (
  rules: Rules,
  facts: ActorFacts,
  spaceIds: readonly string[] | null,
  role: Role,
) => void;

const grants: Readonly<Record<Permission, Grant>> = {
  manageUsers({ can }, { orgId }, spaceIds, role) {
    const others = [...role.profileFields.others];
    if (others.length > 0) {
      can('updateProfile', 'Account', others, inSpaces(orgId, 'Account', spaceIds));
    }
    can(
      [
        'read',
        'deactivate',
        'reactivate',
        'requestPasswordReset',
        'linkExternalId',
        'reassignReports',
      ],
      'Account',
      inSpaces(orgId, 'Account', spaceIds),
    );
    can(
      ['read', ...userActionsOnMemberships],
      'Membership',
      inSpaces(orgId, 'Membership', spaceIds),
    );
    can(
      ['read', 'invite', 'resendInvitation', 'revokeInvitation'],
      'Invitation',
      inSpaces(orgId, 'Invitation', spaceIds),
    );
    can('read', 'Group', inSpaces(orgId, 'Group', spaceIds));
    can('read', 'Space', inSpaces(orgId, 'Space', spaceIds));
    if (spaceIds === null) can('read', 'AuditEvent', { orgId });
  },
  manageTeam({ can }, { orgId, me }) {
    can(['read', 'setManager', 'reassignReports'], 'Membership', { orgId, managerId: me });
    // Handing over one's own reports is asked of one's own account first.
    can('reassignReports', 'Account', { orgId, id: me });
  },
  manageGroups({ can }, { orgId }, spaceIds) {
    can('assignGroups', 'Membership', inSpaces(orgId, 'Membership', spaceIds));
    can(['createGroup', 'renameGroup', 'deleteGroup'], 'Group', inSpaces(orgId, 'Group', spaceIds));
    can('read', 'Group', inSpaces(orgId, 'Group', spaceIds));
  },
  viewStatistics({ can }, { orgId }, spaceIds) {
    can('viewStatistics', 'Organization', { orgId, id: orgId });
    can('viewStatistics', 'Account', inSpaces(orgId, 'Account', spaceIds));
  },
  manageOrganization({ can }, { orgId }) {
    can(['renameOrganization', 'changePlan'], 'Organization', { orgId, id: orgId });
    can(['createSpace', 'renameSpace', 'deleteSpace'], 'Space', { orgId });
  },
  deleteOrganization({ can }, { orgId, isOwner }) {
    if (isOwner) can('deleteOrganization', 'Organization', { orgId, id: orgId });
  },
  transferOwnership({ can }, { orgId, isOwner }) {
    if (isOwner) can('transferOwnership', 'Organization', { orgId, id: orgId });
  },
  manageRoles({ can }, { orgId }) {
    can(['defineRole', 'updateRole', 'deleteRole'], 'Role', { orgId });
  },
  manageOutbox({ can }, { orgId }, spaceIds) {
    // The outbox is the organization's, not a space's: a space-scoped role gets nothing.
    if (spaceIds === null) can('manageOutbox', 'OutboxMessage', { orgId });
  },
  manageProvisioning({ can }, { orgId }, spaceIds) {
    // A connection acts across the organization: a space-scoped role gets nothing.
    if (spaceIds === null) can('manageProvisioning', 'ProvisioningConnection', { orgId });
  },
};

/**
 * What each role the actor holds allows by its permissions (in the order of
 * {@link permissions}), across the organization or, for a space-scoped role,
 * only in the spaces where the actor holds it.
 */
export function permissionRules(rules: Rules, facts: ActorFacts): void {
  for (const { role, spaceIds } of facts.holdings) {
    for (const permission of permissions) {
      if (role.permissions.includes(permission)) grants[permission](rules, facts, spaceIds, role);
    }
  }
}
