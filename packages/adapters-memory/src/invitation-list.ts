import type { Invitation, InvitationListQuery, InvitationListStatus, Page } from '@rosterkit/core';
import {
  checkPageLimit,
  compareText,
  decodeInstantCursor,
  encodeInstantCursor,
} from '@rosterkit/core/adapter';
import { copyRow } from './copy-row.js';
import { firstAfter } from './first-after.js';
import type { TableView } from './table.js';

/** Where an invitation stands in a list at `now`: a pending one past its expiry is `expired`. */
function listStatus(invitation: Invitation, now: number): InvitationListStatus {
  return invitation.status === 'pending' && invitation.expiresAt.getTime() <= now
    ? 'expired'
    : invitation.status;
}

interface Position {
  readonly at: number;
  readonly id: string;
}

// Newest first, ties by id descending.
function compareNewestFirst(a: Position, b: Position): number {
  return Math.sign(b.at - a.at) || compareText(b.id, a.id);
}

/**
 * `InvitationRepository.list` over the organization index: filtered, sorted
 * newest first, then cut at the cursor.
 *
 * @internal
 */
export function listInvitations(
  view: TableView<Invitation>,
  query: InvitationListQuery,
): Page<Invitation> {
  checkPageLimit(query.limit);
  const cursor = query.cursor === undefined ? undefined : decodeInstantCursor(query.cursor);
  const after = cursor === undefined ? undefined : { at: cursor.at.getTime(), id: cursor.id };
  const now = query.now.getTime();
  const spaces = query.spaceIds === undefined ? undefined : new Set(query.spaceIds);
  const statuses = query.statuses === undefined ? undefined : new Set(query.statuses);
  const sorted = view
    .rowsBy('org', query.orgId)
    .filter(
      (row) =>
        (spaces === undefined || spaces.has(row.spaceId)) &&
        (statuses === undefined || statuses.has(listStatus(row, now))),
    )
    .map((invitation) => ({ invitation, at: invitation.createdAt.getTime(), id: invitation.id }))
    .sort(compareNewestFirst);
  const start =
    after === undefined ? 0 : firstAfter(sorted, (row) => compareNewestFirst(row, after) > 0);
  const items = sorted.slice(start, start + query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => copyRow(row.invitation)),
    nextCursor:
      start + items.length < sorted.length && last !== undefined
        ? encodeInstantCursor({ at: new Date(last.at), id: last.id })
        : null,
    total: sorted.length,
  };
}
