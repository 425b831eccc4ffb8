import type { RuleConditions } from '../role-rule.js';

/**
 * The condition that keeps a rule within an organization and, given spaces,
 * within them: each kind of subject names its space its own way.
 */
export function inSpaces(
  orgId: string,
  subject: 'Account' | 'Membership' | 'Invitation' | 'Group' | 'Space',
  spaceIds: readonly string[] | null,
): RuleConditions {
  if (spaceIds === null) return { orgId };
  const list = [...spaceIds];
  switch (subject) {
    case 'Account':
      return { orgId, spaceIds: { $in: list } };
    case 'Space':
      return { orgId, id: { $in: list } };
    default:
      return { orgId, spaceId: { $in: list } };
  }
}
