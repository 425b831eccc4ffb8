import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { userActionsOnMemberships } from './permission-rules.js';
import { ruleReasons } from './reasons.js';

/**
 * The spaces an actor's permission reaches when only space-scoped roles
 * grant it; `null` when an organization-wide role does, or none does.
 */
function scopedOnly(
  { holdings }: ActorFacts,
  permission: 'manageUsers' | 'manageGroups',
): string[] | null {
  const granting = holdings.filter((h) => h.role.permissions.includes(permission));
  return granting.length > 0 && granting.every((h) => h.spaceIds !== null)
    ? [...new Set(granting.flatMap((h) => h.spaceIds ?? []))]
    : null;
}

/**
 * An actor whose user or group management comes only from space-scoped
 * roles is refused, with the scope's reason, what lies outside those spaces
 * (whatever a role's own rules allow).
 */
export function scopeRules({ cannot }: Rules, facts: ActorFacts): void {
  const userScope = scopedOnly(facts, 'manageUsers');
  if (userScope !== null) {
    cannot(
      [
        'updateProfile',
        'deactivate',
        'reactivate',
        'requestPasswordReset',
        'linkExternalId',
        'reassignReports',
      ],
      'Account',
      { spaceIds: { $nin: userScope } },
    ).because(ruleReasons.scope);
    cannot([...userActionsOnMemberships], 'Membership', {
      spaceId: { $nin: userScope },
    }).because(ruleReasons.scope);
    cannot(['invite', 'resendInvitation', 'revokeInvitation'], 'Invitation', {
      spaceId: { $nin: userScope },
    }).because(ruleReasons.scope);
  }
  const groupScope = scopedOnly(facts, 'manageGroups');
  if (groupScope !== null) {
    cannot('assignGroups', 'Membership', { spaceId: { $nin: groupScope } }).because(
      ruleReasons.scope,
    );
    cannot(['createGroup', 'renameGroup', 'deleteGroup'], 'Group', {
      spaceId: { $nin: groupScope },
    }).because(ruleReasons.scope);
  }
}
