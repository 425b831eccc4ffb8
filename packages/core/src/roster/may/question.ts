import type { SubjectType } from '../../model/audit-event.js';
import type { RosterAction } from '../../ports/policy.js';

/** What kind of subject each action is asked about, as its command asks it. @internal */
export const subjectKindOf: Readonly<Record<RosterAction, SubjectType>> = {
  read: 'Account',
  renameOrganization: 'Organization',
  changePlan: 'Organization',
  transferOwnership: 'Organization',
  deleteOrganization: 'Organization',
  invite: 'Invitation',
  resendInvitation: 'Invitation',
  revokeInvitation: 'Invitation',
  updateProfile: 'Account',
  deactivate: 'Account',
  reactivate: 'Account',
  requestPasswordReset: 'Account',
  deleteOwnAccount: 'Account',
  addToTeam: 'Membership',
  removeFromTeam: 'Membership',
  changeRole: 'Membership',
  setRestrictions: 'Membership',
  assignGroups: 'Membership',
  setManager: 'Membership',
  reassignReports: 'Account',
  createSpace: 'Space',
  renameSpace: 'Space',
  deleteSpace: 'Space',
  createGroup: 'Group',
  renameGroup: 'Group',
  deleteGroup: 'Group',
  linkExternalId: 'Account',
  viewStatistics: 'Organization',
  defineRole: 'Role',
  updateRole: 'Role',
  deleteRole: 'Role',
  manageOutbox: 'OutboxMessage',
  manageProvisioning: 'ProvisioningConnection',
};

/** The actions whose command grants a role, so `role` in the subject means the role given. @internal */
export const grantingActions: ReadonlySet<RosterAction> = new Set([
  'invite',
  'addToTeam',
  'changeRole',
]);

/**
 * Which subject keys an action may be asked with (beyond none): `[]` means
 * the action takes no subject key at all. @internal
 */
export function allowedKeys(action: RosterAction): readonly string[] {
  switch (subjectKindOf[action]) {
    case 'Organization':
      return action === 'viewStatistics' ? ['accountId'] : [];
    case 'Invitation':
      return action === 'invite' ? ['spaceId', 'role'] : ['invitationId'];
    case 'Membership':
      return ['accountId', 'spaceId', ...(grantingActions.has(action) ? ['role'] : [])];
    case 'Group':
      return ['spaceId'];
    case 'Space':
      return action === 'createSpace' ? [] : ['spaceId'];
    case 'Role':
      return action === 'defineRole' ? [] : ['roleId'];
    case 'OutboxMessage':
    case 'ProvisioningConnection':
      return [];
    default:
      if (action === 'read') return ['accountId', 'spaceId', 'invitationId', 'roleId'];
      return action === 'updateProfile' ? ['accountId', 'field'] : ['accountId'];
  }
}

/**
 * Whether an action can be asked with exactly these subject keys: each key
 * is one it takes, and the record it is about is named (an account action
 * needs `accountId`, a role action `roleId`...). No keys always can. @internal
 */
export function applicable(action: RosterAction, keys: readonly string[]): boolean {
  if (keys.length === 0) return true;
  const allowed = allowedKeys(action);
  if (!keys.every((key) => allowed.includes(key))) return false;
  const kind = subjectKindOf[action];
  if (action === 'read')
    return (
      keys.length === 1 ||
      (keys.length === 2 && keys.includes('accountId') && keys.includes('spaceId'))
    );
  if (kind === 'Membership' || kind === 'Account') return keys.includes('accountId');
  if (kind === 'Invitation' && action !== 'invite') return keys.includes('invitationId');
  if (kind === 'Role') return keys.includes('roleId');
  return true;
}
