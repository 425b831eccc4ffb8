import type { Account } from '../model/account.js';
import type { Membership } from '../model/membership.js';
import type { PolicySubject } from '../ports/policy.js';

/**
 * The policy subject of an account: its fields, its memberships, and what rank
 * and scope rules compare, derived once here from the current memberships:
 * `roles` (the roles held) and `spaceIds` (the spaces it is a member of).
 * @internal
 */
export function accountSubject(
  account: Account,
  memberships: readonly Membership[],
): PolicySubject {
  const current = memberships.filter((membership) => membership.state === 'member');
  return {
    ...account,
    type: 'Account',
    memberships,
    roles: [...new Set(current.map((membership) => membership.role))],
    spaceIds: current.map((membership) => membership.spaceId),
  };
}

/**
 * The policy subject of a membership: its fields, `accountRoles` (every role
 * its account holds in a current membership anywhere in the organization, so
 * rank is compared account to account, DESIGN §8), and the role being granted
 * when there is one.
 * @param accountMemberships - every membership of the membership's account.
 * @internal
 */
export function membershipSubject(
  membership: Membership,
  accountMemberships: readonly Membership[],
  grantedRole?: string,
): PolicySubject {
  const held = accountMemberships.filter(
    (m) => m.accountId === membership.accountId && m.state === 'member',
  );
  return {
    ...membership,
    type: 'Membership',
    accountRoles: [...new Set(held.map((m) => m.role))],
    ...(grantedRole === undefined ? {} : { grantedRole }),
  };
}

/**
 * What the Policy is asked about an invitation into `spaceId` with `role`
 * (and the `restrictions` it grants, for rules that read them). @internal
 */
export function invitationSubject(
  orgId: string,
  spaceId: string,
  role: string,
  restrictions: readonly string[] = [],
): PolicySubject {
  return { type: 'Invitation', orgId, spaceId, role, restrictions };
}
