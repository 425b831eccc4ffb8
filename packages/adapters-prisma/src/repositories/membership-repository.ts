import type { Membership, MembershipRepository } from '@rosterkit/core';
import type { RosterkitPrismaTransactionClient } from '../client.js';
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
): MembershipRepository {
  const delegate = db.rosterkitMembership;
  const groups = db.rosterkitMembershipGroup;
  const rows = tenantRepository<Membership, MembershipRow>({
    subject: 'Membership',
    delegate,
    toRow: membershipToRow,
    fromRow: membershipFromRow,
    insertRows,
    children: {
      async afterInsert(inserted) {
        const data = inserted.flatMap(membershipGroupRows);
        if (data.length > 0) await groups.createMany({ data });
      },
      async afterUpdate(updated) {
        await groups.deleteMany({ where: { membershipId: { in: updated.map((row) => row.id) } } });
        const data = updated.flatMap(membershipGroupRows);
        if (data.length > 0) await groups.createMany({ data });
      },
      async afterDelete(orgId, ids) {
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
