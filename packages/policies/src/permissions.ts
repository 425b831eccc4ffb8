import type { RosterAction } from '@rosterkit/core';

/**
 * The permissions a role can hold. Each unlocks a group of actions (see
 * {@link permissionActions}); everything else a role may do comes from the
 * rules every member gets (their own profile, their own spaces) and from the
 * role's own CASL rules.
 */
export const permissions = [
  'manageUsers',
  'manageTeam',
  'manageGroups',
  'viewStatistics',
  'manageOrganization',
  'deleteOrganization',
  'transferOwnership',
  'manageRoles',
  'manageOutbox',
  'manageProvisioning',
] as const;

/** A permission from {@link permissions}. */
export type Permission = (typeof permissions)[number];

/** How each permission reads in the docs and in the products' settings pages. */
export const permissionLabels: Readonly<Record<Permission, string>> = {
  manageUsers: 'Manage users',
  manageTeam: 'Manage team',
  manageGroups: 'Manage groups',
  viewStatistics: 'View statistics',
  manageOrganization: 'Manage organization',
  deleteOrganization: 'Delete organization',
  transferOwnership: 'Transfer ownership',
  manageRoles: 'Manage roles',
  manageOutbox: 'Manage deliveries',
  manageProvisioning: 'Manage provisioning',
};

/**
 * The actions each permission unlocks (DESIGN rule 5 for `manageUsers`).
 * `manageTeam` is the seeds' "Can Manage Team": a team leader sets and
 * reassigns the managers of their own direct reports. `deleteOrganization` and
 * `transferOwnership` are further limited to the organization's owner.
 * `manageRoles` defines, changes and deletes the organization's stored
 * roles, within the holder's own rank and permissions (DESIGN rule 4).
 * `manageOutbox` lists and retries the organization's dead outbox messages
 * (e-mails that could not be delivered); it applies only to a role held
 * across the organization, as the outbox has no spaces.
 * `manageProvisioning` creates, changes, rotates the tokens of and revokes
 * the organization's SCIM provisioning connections; organization-wide roles
 * only too (a connection provisions across the organization), and the roles
 * a connection grants stay within the holder's own right to invite.
 */
export const permissionActions: Readonly<Record<Permission, readonly RosterAction[]>> = {
  manageUsers: [
    'invite',
    'resendInvitation',
    'revokeInvitation',
    'updateProfile',
    'deactivate',
    'reactivate',
    'requestPasswordReset',
    'linkExternalId',
    'addToTeam',
    'removeFromTeam',
    'changeRole',
    'setRestrictions',
    'setManager',
    'reassignReports',
  ],
  manageTeam: ['setManager', 'reassignReports'],
  manageGroups: ['assignGroups', 'createGroup', 'renameGroup', 'deleteGroup'],
  viewStatistics: ['viewStatistics'],
  manageOrganization: [
    'renameOrganization',
    'changePlan',
    'createSpace',
    'renameSpace',
    'deleteSpace',
  ],
  deleteOrganization: ['deleteOrganization'],
  transferOwnership: ['transferOwnership'],
  manageRoles: ['defineRole', 'updateRole', 'deleteRole'],
  manageOutbox: ['manageOutbox'],
  manageProvisioning: ['manageProvisioning'],
};
