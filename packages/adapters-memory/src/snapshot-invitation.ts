import { Invitation, type Model } from '@rosterkit/core';

/**
 * How a snapshot's invitation rows are read: as {@link Invitation}, except
 * that a row written before invitations carried restrictions reads with
 * none, the value the invitations migration gives such rows on SQL
 * databases.
 *
 * @internal
 */
export const invitationSnapshotRow: Model<unknown> = {
  ...Invitation,
  parse(row) {
    return Invitation.parse(withRestrictions(row));
  },
  safeParse(row) {
    return Invitation.safeParse(withRestrictions(row));
  },
};

function withRestrictions(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || 'restrictions' in row) return row;
  return { ...row, restrictions: [] };
}
