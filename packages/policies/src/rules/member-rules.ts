import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { inSpaces } from './space-condition.js';

const ownFieldsDefault = ['firstName', 'lastName', 'profile.*'];

/**
 * What every member may do, whatever their roles: see the organization,
 * their own account and memberships, and the people, memberships, spaces and
 * groups of their spaces; edit their own profile fields (those of their
 * roles, or the default ones without a role); ask for their own password
 * reset; delete their own account.
 */
export function memberRules({ can }: Rules, facts: ActorFacts): void {
  const { me, orgId, memberSpaceIds, holdings } = facts;
  can('read', 'Organization', { orgId, id: orgId });
  // The roles an invitation or a role menu names.
  can('read', 'Role', { orgId });
  can('read', 'Account', { orgId, id: me });
  can('read', 'Membership', { orgId, accountId: me });
  if (memberSpaceIds.length > 0) {
    can('read', 'Account', inSpaces(orgId, 'Account', memberSpaceIds));
    can('read', 'Membership', inSpaces(orgId, 'Membership', memberSpaceIds));
    can('read', 'Space', inSpaces(orgId, 'Space', memberSpaceIds));
    can('read', 'Group', inSpaces(orgId, 'Group', memberSpaceIds));
  }
  const ownFields = [
    ...new Set(
      holdings.length === 0
        ? ownFieldsDefault
        : holdings.flatMap((holding) => holding.role.profileFields.own),
    ),
  ];
  if (ownFields.length > 0) can('updateProfile', 'Account', ownFields, { orgId, id: me });
  can(['requestPasswordReset', 'deleteOwnAccount'], 'Account', { orgId, id: me });
}
