import type { Membership, MembershipRepository } from '@rosterkit/core';
import type { RosterkitPrismaTransactionClient } from '../client.js';
import type { MembershipGroupsSeen } from '../membership-groups-seen.js';
import {
  type MembershipRow,
  membershipFromRow,
  membershipGroupRows,
  membershipToRow,
} from '../rows.js';
import { tenantRepository } from './tenant-repository.js';

/**
 * The memberships of one transaction. A membership's groups are also rows
 * of `rosterkit_membership_groups` (what `groupId` lists filter on), written
 * with it: one `createMany` for a batch's groups, and on update the batch's
 * groups replaced whole (delete, then insert).
 *
 * @param insertRows - how a batch of membership rows goes in.
 * @internal
 */
export function membershipRepository(
  db: RosterkitPrismaTransactionClient,
  insertRows: (rows: readonly MembershipRow[]) => PromiseLike<unknown>,
  seen: MembershipGroupsSeen,
): MembershipRepository {
  const delegate = db.rosterkitMembership;
  const groups = db.rosterkitMembershipGroup;
  const fromRow = (row: MembershipRow): Membership => {
    const membership = membershipFromRow(row);
    seen.note([membership]);
    return membership;
  };
  const rows = tenantRepository<Membership, MembershipRow>({
    subject: 'Membership',
    delegate,
    toRow: membershipToRow,
    fromRow,
    insertRows,
    children: {
      async afterInsert(inserted) {
        const data = inserted.flatMap(membershipGroupRows);
        if (data.length > 0) await groups.createMany({ data });
        seen.note(inserted);
      },
      async afterUpdate(updated) {
        // The rows read at this version with these groups keep their group rows.
        const changed = updated.filter((row) => !seen.unchanged(row));
        seen.note(updated.map((row) => ({ ...row, version: row.version + 1 })));
        if (changed.length === 0) return;
        await groups.deleteMany({ where: { membershipId: { in: changed.map((row) => row.id) } } });
        const data = changed.flatMap(membershipGroupRows);
        if (data.length > 0) await groups.createMany({ data });
      },
      async afterDelete(orgId, ids) {
        seen.forget(ids);
        await groups.deleteMany({
          where: ids === 'all' ? { orgId } : { orgId, membershipId: { in: [...ids] } },
        });
      },
    },
  });
  return {
    ...rows,
    async find(orgId, accountId, spaceId) {
      const row = (await delegate.findUnique({
        where: { orgId_accountId_spaceId: { orgId, accountId, spaceId } },
      })) as MembershipRow | null;
      return row === null ? undefined : membershipFromRow(row);
    },
    async listByAccounts(orgId, accountIds) {
      if (accountIds.length === 0) return [];
      // In the unique key's order, so every provider lists them alike.
      const found = (await delegate.findMany({
        where: { orgId, accountId: { in: [...new Set(accountIds)] } },
        orderBy: [{ accountId: 'asc' }, { spaceId: 'asc' }],
      })) as MembershipRow[];
      return found.map(membershipFromRow);
    },
    async listReports(orgId, managerId) {
      const found = (await delegate.findMany({
        where: { orgId, managerId, state: 'member' },
      })) as MembershipRow[];
      return found.map(membershipFromRow);
    },
    async listReportsOf(orgId, managerIds) {
      if (managerIds.length === 0) return [];
      const found = (await delegate.findMany({
        where: { orgId, managerId: { in: [...new Set(managerIds)] }, state: 'member' },
      })) as MembershipRow[];
      return found.map(membershipFromRow);
    },
    async listBySpace(orgId, spaceId) {
      const found = (await delegate.findMany({
        where: { orgId, spaceId, state: 'member' },
      })) as MembershipRow[];
      return found.map(membershipFromRow);
    },
    async listByGroup(orgId, groupId) {
      const found = (await delegate.findMany({
        where: { orgId, groups: { some: { groupId } } },
      })) as MembershipRow[];
      return found.map(membershipFromRow);
    },
    async countByGroups(orgId, groupIds) {
      const counts: Record<string, number> = Object.fromEntries(groupIds.map((id) => [id, 0]));
      if (groupIds.length === 0) return counts;
      // One GROUP BY over the groups index, whatever the number of members.
      const found = (await groups.groupBy({
        by: ['groupId'],
        where: { orgId, groupId: { in: [...new Set(groupIds)] } },
        _count: { _all: true },
      })) as { groupId: string; _count: { _all: number } }[];
      for (const row of found) counts[row.groupId] = row._count._all;
      return counts;
    },
  };
}
