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
  };
}
