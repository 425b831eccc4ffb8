import { permissions } from './permissions.js';
import { defineRoleSet, type RoleSet } from './role-set.js';

const everything = [...permissions];

/**
 * Owner / admin / staff, one team with departments (reference 000): admins
 * manage users and departments but cannot delete accounts; the owner alone
 * manages and deletes the organization.
 */
const teamWorkspace = defineRoleSet({
  name: 'team-workspace',
  roles: [
    {
      name: 'owner',
      label: 'Owner',
      description: 'Created the organization; the only one who can delete it or hand it over.',
      rank: 100,
      owner: true,
      permissions: everything,
    },
    {
      name: 'admin',
      label: 'Admin',
      description: 'Manages the team: roles, departments, removals and re-adds.',
      rank: 50,
      permissions: [
        'manageUsers',
        'manageTeam',
        'manageGroups',
        'viewStatistics',
        'manageRoles',
        'manageOutbox',
        'manageProvisioning',
      ],
    },
    {
      name: 'staff',
      label: 'Staff',
      description: 'Works in the team; edits only their own profile.',
      rank: 10,
      permissions: [],
    },
  ],
});

/**
 * Administrator / manager / agent with queues (reference 001): only
 * administrators manage users; managers assign queues and see statistics;
 * call statistics only on the Professional and Pro Plus plans.
 */
const contactCenter = defineRoleSet({
  name: 'contact-center',
  roles: [
    {
      name: 'administrator',
      label: 'Administrator',
      description: 'Manages users, roles, plans and the organization.',
      rank: 100,
      owner: true,
      shared: true,
      permissions: everything,
    },
    {
      name: 'manager',
      label: 'Manager',
      description: 'Assigns agents to queues and follows their statistics.',
      rank: 50,
      permissions: ['manageGroups', 'viewStatistics'],
    },
    {
      name: 'agent',
      label: 'Agent',
      description: 'Handles calls and chats; edits their own name.',
      rank: 10,
      permissions: [],
      profileFields: { own: ['firstName', 'lastName'] },
    },
  ],
  planGates: { viewStatistics: ['professional', 'pro-plus'] },
});

/**
 * The "Manage Users" and "Can Manage Team" flags with team leaders
 * (reference 002): admins manage users; team leaders manage their own direct
 * reports (set and reassign managers) without managing users.
 */
const managedTeams = defineRoleSet({
  name: 'managed-teams',
  roles: [
    {
      name: 'account-owner',
      label: 'Account Owner',
      description: 'The primary company admin.',
      rank: 100,
      owner: true,
      permissions: everything,
    },
    {
      name: 'admin',
      label: 'Admin',
      description: 'Manage Users and Can Manage Team.',
      rank: 80,
      permissions: [
        'manageUsers',
        'manageTeam',
        'manageGroups',
        'viewStatistics',
        'manageRoles',
        'manageOutbox',
        'manageProvisioning',
      ],
    },
    {
      name: 'team-leader',
      label: 'Team Leader',
      description: 'Can Manage Team: leads their direct reports.',
      rank: 50,
      permissions: ['manageTeam', 'viewStatistics'],
    },
    {
      name: 'user',
      label: 'User',
      description: 'A team member.',
      rank: 10,
      permissions: [],
    },
  ],
});

/**
 * Super admin / site admin / staff across sites (reference 003): a super
 * admin has every site; a site admin manages the staff of the sites assigned
 * to them; staff edit their own name and extension.
 */
const multiSite = defineRoleSet({
  name: 'multi-site',
  roles: [
    {
      name: 'super-admin',
      label: 'Super Admin',
      description: 'Has access to every site.',
      rank: 100,
      owner: true,
      shared: true,
      permissions: everything,
    },
    {
      name: 'site-admin',
      label: 'Site Admin',
      description: 'Manages the staff of their own sites.',
      rank: 50,
      scope: 'space',
      permissions: ['manageUsers', 'manageGroups', 'viewStatistics'],
      profileFields: {
        others: ['firstName', 'lastName', 'profile.extension', 'profile.wifi'],
      },
    },
    {
      name: 'staff',
      label: 'Staff',
      description: 'Works at a site; associates their own extension.',
      rank: 10,
      permissions: [],
      profileFields: { own: ['firstName', 'lastName', 'profile.extension'] },
    },
  ],
});

/**
 * Owner / manager / agent per Space with per-user restrictions (reference
 * 004): managers change access levels and revoke access in their own Spaces;
 * nobody edits their own access; restrictions take actions away per member.
 */
const spaces = defineRoleSet({
  name: 'spaces',
  roles: [
    {
      name: 'owner',
      label: 'Owner',
      description: 'Owns the organization and every Space.',
      rank: 100,
      owner: true,
      permissions: everything,
    },
    {
      name: 'manager',
      label: 'Manager',
      description: 'Manages the users of their Spaces.',
      rank: 50,
      scope: 'space',
      permissions: ['manageUsers', 'manageGroups', 'viewStatistics'],
    },
    {
      name: 'agent',
      label: 'Agent',
      description: 'Works in a Space.',
      rank: 10,
      permissions: [],
    },
  ],
  restrictions: {
    'no-invite': {
      description: 'This member may not invite collaborators.',
      denies: ['invite', 'resendInvitation', 'revokeInvitation'],
    },
    'no-access-changes': {
      description: 'This member may not change or revoke other users’ access.',
      denies: ['changeRole', 'setRestrictions', 'removeFromTeam'],
    },
    'no-statistics': {
      description: 'This member may not view statistics.',
      denies: ['viewStatistics'],
    },
  },
});

/**
 * Role sets that reproduce the reference products' roles. Use one as is with
 * {@link createPolicy}, or read it as an example for {@link defineRoleSet}.
 *
 * @example
 * ```ts
 * import { createPolicy, presets } from '@rosterkit/policies';
 * const policy = createPolicy(presets.contactCenter);
 * ```
 */
export const presets: {
  /** Owner / admin / staff (reference 000). */
  readonly teamWorkspace: RoleSet;
  /** Administrator / manager / agent, statistics on higher plans (reference 001). */
  readonly contactCenter: RoleSet;
  /** Manage Users and Can Manage Team flags, team leaders (reference 002). */
  readonly managedTeams: RoleSet;
  /** Super admin with every site, site admins, staff (reference 003). */
  readonly multiSite: RoleSet;
  /** Owner / manager / agent per Space, with per-user restrictions (reference 004). */
  readonly spaces: RoleSet;
} = Object.freeze({ teamWorkspace, contactCenter, managedTeams, multiSite, spaces });
