import type { Membership } from '@rosterkit/core';

// A membership's groups are also rows of `rosterkit_membership_groups`, and
// an update used to replace them whole (a DELETE and an INSERT) whatever it
// changed: a role change cost two statements for groups it left alone. A
// versioned update that succeeds wrote over the row at exactly the version
// it was read at, whose group rows are the groups read with it (every write
// of the adapter keeps the two in step); so when this transaction read the
// membership at that version with the same groups, the rows stand.

/** The groups of the memberships one transaction read or wrote, by version. @internal */
export interface MembershipGroupsSeen {
  /** Records the groups of memberships as read (or just written) at their version. */
  note(memberships: readonly Membership[]): void;
  /** Whether updating `membership` (at its read version) keeps the groups it was read with. */
  unchanged(membership: Membership): boolean;
  /** Forgets deleted memberships. */
  forget(ids: readonly string[] | 'all'): void;
}

const groupsKey = (groupIds: readonly string[]) => [...new Set(groupIds)].sort().join('\u0000');

/** A fresh record, for one transaction. @internal */
export function membershipGroupsSeen(): MembershipGroupsSeen {
  const seen = new Map<string, { version: number; groups: string }>();
  return {
    note(memberships) {
      for (const m of memberships)
        seen.set(m.id, { version: m.version, groups: groupsKey(m.groupIds) });
    },
    unchanged(membership) {
      const read = seen.get(membership.id);
      return (
        read !== undefined &&
        read.version === membership.version &&
        read.groups === groupsKey(membership.groupIds)
      );
    },
    forget(ids) {
      if (ids === 'all') seen.clear();
      else for (const id of ids) seen.delete(id);
    },
  };
}
