import { Id, type InputIssue, type Model, RosterError } from '@rosterkit/core';
import { groupMemberRow } from './group-member-row.js';

const fields = ['orgId', 'connectionId', 'groupLinkId', 'userLinkId'] as const;

/**
 * How a snapshot's SCIM group member rows are read: four ids, each checked
 * as core's `Id`. The row's own id is made again from its two link ids
 * rather than read, so a snapshot cannot hold a member under a key that a
 * later add would not find.
 *
 * @internal
 */
export const groupMemberSnapshotRow: Pick<Model<unknown>, 'parse'> = {
  parse(row) {
    const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
    const issues: InputIssue[] = [];
    const ids = fields.map((field) => {
      const result = Id.safeParse(record[field]);
      if (result.success) return result.data;
      for (const issue of result.error.details.issues) {
        issues.push({ ...issue, path: [field, ...issue.path] });
      }
      return '';
    });
    if (issues.length > 0) {
      throw new RosterError('INVALID_INPUT', 'Invalid SCIM group member in the snapshot.', {
        issues,
      });
    }
    const [orgId, connectionId, groupLinkId, userLinkId] = ids as [string, string, string, string];
    return groupMemberRow(orgId, connectionId, groupLinkId, userLinkId);
  },
};
