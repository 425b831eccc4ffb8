import type { RosterAction } from '@rosterkit/core';
import {
  checkEmailUnchanged,
  checkOwnerProtection,
  checkRank,
  checkSelfAction,
} from '@rosterkit/core/extra';
import { permissionLabels } from '../permissions.js';

/** @internal The reason each action is refused with when no rule allows it. */
export const defaultReasons: Readonly<Record<RosterAction, string>> = (() => {
  const needs = (permission: keyof typeof permissionLabels, what: string) =>
    `Only roles with the “${permissionLabels[permission]}” permission may ${what}.`;
  return {
    read: 'You may not see this record.',
    renameOrganization: needs('manageOrganization', 'rename the organization'),
    changePlan: needs('manageOrganization', 'change the plan'),
    transferOwnership: 'Only the organization’s owner may transfer ownership.',
    deleteOrganization: 'Only the organization’s owner may delete the organization.',
    invite: needs('manageUsers', 'invite people'),
    resendInvitation: needs('manageUsers', 'resend invitations'),
    revokeInvitation: needs('manageUsers', 'revoke invitations'),
    updateProfile: needs('manageUsers', 'edit other people’s profiles'),
    deactivate: needs('manageUsers', 'deactivate accounts'),
    reactivate: needs('manageUsers', 'reactivate accounts'),
    requestPasswordReset: needs('manageUsers', 'send password resets to other people'),
    linkExternalId: needs('manageUsers', 'link accounts to the host’s users'),
    deleteOwnAccount:
      'An account is deleted only by its own user, or by deleting the organization; nobody deletes another person’s account.',
    addToTeam: needs('manageUsers', 'add people to the team'),
    removeFromTeam: needs('manageUsers', 'remove people from the team'),
    changeRole: needs('manageUsers', 'change roles'),
    setRestrictions: needs('manageUsers', 'change restrictions'),
    assignGroups: needs('manageGroups', 'assign groups'),
    setManager: `Only roles with the “${permissionLabels.manageUsers}” permission, or team leaders for their own reports, may set managers.`,
    reassignReports: `Only roles with the “${permissionLabels.manageUsers}” permission, or team leaders for their own reports, may reassign reports.`,
    createSpace: needs('manageOrganization', 'create spaces'),
    createGroup: needs('manageGroups', 'create groups'),
    renameSpace: needs('manageOrganization', 'rename spaces'),
    deleteSpace: needs('manageOrganization', 'delete spaces'),
    renameGroup: needs('manageGroups', 'rename groups'),
    deleteGroup: needs('manageGroups', 'delete groups'),
    viewStatistics: needs('viewStatistics', 'view statistics'),
    defineRole: needs('manageRoles', 'define roles'),
    updateRole: needs('manageRoles', 'change roles’ permissions'),
    deleteRole: needs('manageRoles', 'delete roles'),
    manageOutbox: needs('manageOutbox', 'list and retry the organization’s undelivered messages'),
    manageProvisioning: needs(
      'manageProvisioning',
      'manage the organization’s provisioning connections',
    ),
  };
})();

// Core's checks build an error, stack trace included, to give their message:
// worth doing once per action, not once per rule of every ability built.
function once(reason: (action: string) => string): (action: string) => string {
  const known = new Map<string, string>();
  return (action) => {
    let message = known.get(action);
    if (message === undefined) {
      message = reason(action);
      known.set(action, message);
    }
    return message;
  };
}

/** @internal The reasons of the protective rules, exported for tests and docs. */
export const ruleReasons = {
  tenant: 'This belongs to another organization; nothing crosses organizations.',
  inactive: (status: string) => `Your account is ${status}; only active accounts may act.`,
  inactiveConnection: (status: string) =>
    `This provisioning connection is ${status}; only active connections may act.`,
  scope: 'You manage people only within the spaces where your role applies; this is outside them.',
  email: checkEmailUnchanged({ accountId: '-', email: 'a@b.co', patch: { email: 'c@d.co' } })
    ?.message as string,
  targetRank: checkRank({ actorRank: 0, targetRank: 1 })?.message as string,
  grantRank: checkRank({ actorRank: 0, grantedRank: 1 })?.message as string,
  owner: once(
    (action) =>
      checkOwnerProtection({
        accountId: '-',
        ownerId: '-',
        action,
        actorId: 'someone else',
        spaceId: 'elsewhere',
        defaultSpaceId: 'default',
      })?.message as string,
  ),
  self: once(
    (action) => checkSelfAction({ actorId: '-', targetId: '-', action })?.message as string,
  ),
  deleteOthers: defaultReasons.deleteOwnAccount,
  ownField: 'Your role may not change this field of your own profile.',
  othersField: 'Your role may not change this field of other people’s profiles.',
  plan: (action: string, plans: readonly string[]) =>
    `“${action}” is available only on these plans: ${plans.join(', ')}.`,
  restricted: (name: string, description: string) => `Restricted (${name}): ${description}`,
  lackedPermission:
    'You may not give a role a permission you do not hold yourself (across the organization, for an organization-wide role).',
  ownerRank: 'Only the owner’s role ranks this high; a stored role ranks below it.',
  ownRole: 'Nobody changes or deletes a role they hold themselves: that is their own access.',
} as const;
