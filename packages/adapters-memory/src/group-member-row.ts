import type { GroupMemberLink } from '@rosterkit/core';
import { key } from './table.js';

/**
 * One SCIM group member as the memory store keeps it: a row of its own
 * table, whose id is made of the two link ids, so a member added twice (by
 * one transaction, or by two racing) is a taken id like any other row's.
 *
 * @internal
 */
export interface GroupMemberRow extends GroupMemberLink {
  readonly id: string;
  readonly orgId: string;
  readonly connectionId: string;
}

/** The row of this member, with the id the pair of links gives it. @internal */
export function groupMemberRow(
  orgId: string,
  connectionId: string,
  groupLinkId: string,
  userLinkId: string,
): GroupMemberRow {
  return { id: key(groupLinkId, userLinkId), orgId, connectionId, groupLinkId, userLinkId };
}
