import type { OutboxMessage, OutboxRepository } from '@rosterkit/core';
import {
  checkPageLimit,
  decodeInstantCursor,
  encodeInstantCursor,
  notFound,
} from '@rosterkit/core/adapter';
import type { RosterkitPrismaTransactionClient } from '../client.js';
import { type OutboxRow, outboxFromRow, outboxToRow } from '../rows.js';
import { uniqueGuard } from './tenant-repository.js';

/**
 * The outbox of one transaction. The due query filters and sorts on the
 * columns of `rosterkit_outbox_messages_due_idx` (deliveredAt, deadAt,
 * nextAttemptAt, createdAt, id), so it reads only pending rows, however many
 * delivered ones the table keeps; dead pages read `(deadAt, id)`.
 *
 * @internal
 */
export function outboxRepository(
  db: RosterkitPrismaTransactionClient,
  insertBatch: (rows: readonly OutboxRow[]) => PromiseLike<unknown>,
): OutboxRepository {
  const delegate = db.rosterkitOutboxMessage;
  // Why a conditional write matched nothing: the message is unknown
  // (NOT_FOUND), or it no longer meets the condition (false).
  const unmatched = async (id: string): Promise<false> => {
    const exists = await delegate.findUnique({ where: { id }, select: { id: true } });
    if (exists === null) throw notFound('OutboxMessage', id);
    return false;
  };
  return {
    async append(message) {
      await uniqueGuard('OutboxMessage', message.id, () =>
        delegate.create({ data: outboxToRow(message), select: { id: true } }),
      );
    },
    async appendMany(messages) {
      if (messages.length === 0) return;
      await uniqueGuard('OutboxMessage', messages[0]?.id ?? '', () =>
        insertBatch(messages.map(outboxToRow)),
      );
    },
    async listDue(now, limit) {
      if (limit <= 0) return [];
      const rows = (await delegate.findMany({
        where: { deliveredAt: null, deadAt: null, nextAttemptAt: { lte: now } },
        orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        take: limit,
      })) as OutboxRow[];
      return rows.map(outboxFromRow);
    },
    async markDelivered(id, at) {
      const { count } = (await delegate.updateMany({
        where: { id, deliveredAt: null },
        data: { deliveredAt: at },
      })) as { count: number };
      return count === 1 ? true : unmatched(id);
    },
    async recordFailure(id, failure) {
      // One conditional UPDATE: of two drainers recording the same attempt,
      // the second matches nothing (attempts moved on).
      const { count } = (await delegate.updateMany({
        where: { id, deliveredAt: null, deadAt: null, attempts: failure.attempts - 1 },
        data: {
          attempts: failure.attempts,
          lastError: failure.error,
          nextAttemptAt: failure.nextAttemptAt,
          deadAt: failure.deadAt,
        },
      })) as { count: number };
      return count === 1 ? true : unmatched(id);
    },
    async listDead(query) {
      checkPageLimit(query.limit);
      const after = query.cursor === undefined ? undefined : decodeInstantCursor(query.cursor);
      const where = {
        deadAt: { not: null },
        deliveredAt: null,
        ...(query.orgId === undefined ? {} : { orgId: query.orgId }),
      };
      const total = (await delegate.count({ where })) as number;
      const at = after?.at;
      const rows = (await delegate.findMany({
        where:
          after === undefined
            ? where
            : {
                ...where,
                OR: [{ deadAt: { lt: at } }, { deadAt: at, id: { lt: after.id } }],
              },
        orderBy: [{ deadAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
      })) as OutboxRow[];
      const items: OutboxMessage[] = rows.slice(0, query.limit).map(outboxFromRow);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > query.limit && last?.deadAt
            ? encodeInstantCursor({ at: last.deadAt, id: last.id })
            : null,
        total,
      };
    },
  };
}
