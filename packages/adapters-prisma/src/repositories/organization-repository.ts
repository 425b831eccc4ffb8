import type { Organization, OrganizationRepository } from '@rosterkit/core';
import { checkNewRows } from '@rosterkit/core/adapter';
import type { RosterkitPrismaTransactionClient } from '../client.js';
import { organizationFromRow } from '../rows.js';
import { missedWrite, uniqueGuard } from './tenant-repository.js';

/** The organizations of one transaction: versioned like tenant rows, but keyed by id alone. @internal */
export function organizationRepository(
  db: RosterkitPrismaTransactionClient,
): OrganizationRepository {
  const delegate = db.rosterkitOrganization;
  return {
    async get(id) {
      const row = (await delegate.findUnique({ where: { id } })) as Organization | null;
      return row === null ? undefined : organizationFromRow(row);
    },
    async insert(row) {
      checkNewRows([row]);
      await uniqueGuard('Organization', row.id, () =>
        delegate.create({ data: { ...row }, select: { id: true } }),
      );
      return organizationFromRow(row);
    },
    async update(row) {
      const { id, version, ...data } = row;
      const { count } = (await delegate.updateMany({
        where: { id, version },
        data: { ...data, version: version + 1 },
      })) as { count: number };
      if (count !== 1) return missedWrite(delegate, 'Organization', { id }, id);
      return organizationFromRow({ ...row, version: version + 1 });
    },
    async delete(id, version) {
      const { count } = (await delegate.deleteMany({ where: { id, version } })) as {
        count: number;
      };
      if (count !== 1) await missedWrite(delegate, 'Organization', { id }, id);
    },
    async countSeats(id) {
      // The organization's row is written (its version left as it is) before
      // counting: that write lock is what orders two seat-taking
      // transactions of one organization. On PostgreSQL the second one's
      // write fails as a serialization failure once the first commits (the
      // store runs it again, and it counts afresh); on MySQL/MariaDB it waits,
      // then counts with Serializable's locking reads, which see the first's
      // commit; SQLite has one writer at a time.
      await delegate.updateMany({ where: { id }, data: { version: { increment: 0 } } });
      const [activeMembers, pendingInvitations] = (await Promise.all([
        db.rosterkitAccount.count({
          where: { orgId: id, status: 'active', memberships: { some: { state: 'member' } } },
        }),
        db.rosterkitInvitation.count({ where: { orgId: id, status: 'pending' } }),
      ])) as [number, number];
      return { activeMembers, pendingInvitations };
    },
  };
}
