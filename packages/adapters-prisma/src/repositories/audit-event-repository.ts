import type { AuditEvent, AuditEventRepository, AuditListQuery, Page } from '@rosterkit/core';
import {
  checkAuditTargets,
  checkPageLimit,
  decodeInstantCursor,
  encodeInstantCursor,
} from '@rosterkit/core/adapter';
import type { RosterkitPrismaTransactionClient } from '../client.js';
import { type AuditEventRow, auditEventFromRow, auditEventToRow } from '../rows.js';
import { uniqueGuard } from './tenant-repository.js';

async function listAuditEvents(
  db: RosterkitPrismaTransactionClient,
  query: AuditListQuery,
): Promise<Page<AuditEvent>> {
  checkPageLimit(query.limit);
  const after = query.cursor === undefined ? undefined : decodeInstantCursor(query.cursor);
  if (query.targets !== undefined) checkAuditTargets(query.targets);
  const where = {
    orgId: query.orgId,
    ...(query.target === undefined
      ? {}
      : { targetType: query.target.type, targetId: query.target.id }),
    ...(query.targets === undefined
      ? {}
      : { OR: query.targets.map((t) => ({ targetType: t.type, targetId: t.id })) }),
  };
  const total = (await db.rosterkitAuditEvent.count({ where })) as number;
  const rows = (await db.rosterkitAuditEvent.findMany({
    where:
      after === undefined
        ? where
        : {
            AND: [
              where,
              { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] },
            ],
          },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  })) as AuditEventRow[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(auditEventFromRow),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeInstantCursor({ at: last.at, id: last.id })
        : null,
    total,
  };
}

/**
 * The audit trail of one transaction; pages read the `(orgId, at, id)` and
 * `(orgId, targetType, targetId, at, id)` indexes.
 *
 * @param insertBatch - how a batch of rows goes in (raw INSERTs or `createMany`).
 * @internal
 */
export function auditEventRepository(
  db: RosterkitPrismaTransactionClient,
  insertBatch: (rows: readonly AuditEventRow[]) => PromiseLike<unknown>,
): AuditEventRepository {
  const delegate = db.rosterkitAuditEvent;
  return {
    async append(event) {
      await uniqueGuard('AuditEvent', event.id, () =>
        // createMany: one INSERT on every provider (create adds a SELECT on MySQL).
        delegate.createMany({ data: [auditEventToRow(event)] }),
      );
    },
    async appendMany(events) {
      if (events.length === 0) return;
      const data = events.map(auditEventToRow);
      await uniqueGuard('AuditEvent', events[0]?.id ?? '', () => insertBatch(data));
    },
    list: (query) => listAuditEvents(db, query),
    async deleteAllInOrganization(orgId) {
      const { count } = (await delegate.deleteMany({ where: { orgId } })) as { count: number };
      return count;
    },
    async eraseSnapshots(orgId, targets) {
      if (targets.length === 0) return 0;
      // Events already erased are left alone, so the count is of the events changed.
      const { count } = (await delegate.updateMany({
        where: {
          orgId,
          OR: targets.map((t) => ({ targetType: t.type, targetId: t.id })),
          NOT: { beforeJson: null, afterJson: null },
        },
        data: { beforeJson: null, afterJson: null },
      })) as { count: number };
      return count;
    },
  };
}
