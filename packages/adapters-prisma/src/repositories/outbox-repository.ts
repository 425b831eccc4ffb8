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

const dueAt = (now: Date) => ({ deliveredAt: null, deadAt: null, nextAttemptAt: { lte: now } });
const dueOrder = [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] as const;

// The claim's locking read: the due rows no other transaction holds, in due
// order, locked until this one ends. PostgreSQL and MySQL 8 / MariaDB 10.6+
// skip the rows other claimers locked instead of waiting for them.
const skipLocked: Readonly<Record<string, string>> = {
  postgresql: `SELECT "id", "leaseId", "attempts" FROM "rosterkit_outbox_messages" WHERE "deliveredAt" IS NULL AND "deadAt" IS NULL AND "nextAttemptAt" <= $1 ORDER BY "nextAttemptAt", "createdAt", "id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
  mysql:
    'SELECT `id`, `leaseId`, `attempts` FROM `rosterkit_outbox_messages` WHERE `deliveredAt` IS NULL AND `deadAt` IS NULL AND `nextAttemptAt` <= ? ORDER BY `nextAttemptAt`, `createdAt`, `id` LIMIT ? FOR UPDATE SKIP LOCKED',
};

/** A row a claim tries to take, with what tells whether its last delivery was interrupted. */
interface Candidate {
  readonly id: string;
  /** Still set: the lease lapsed unsettled (its worker died). */
  readonly leaseId: string | null;
  readonly attempts: number;
}

const candidateOf = (row: { id: unknown; leaseId: unknown; attempts: unknown }): Candidate => ({
  id: String(row.id),
  leaseId: row.leaseId === null || row.leaseId === undefined ? null : String(row.leaseId),
  attempts: Number(row.attempts),
});

/** The rows a claim tries to take: locked where the database can skip locked rows, else merely due. */
function claimCandidates(
  db: RosterkitPrismaTransactionClient,
): (now: Date, limit: number) => Promise<Candidate[]> {
  const provider = (db as { readonly _activeProvider?: unknown })._activeProvider;
  const sql = typeof provider === 'string' ? skipLocked[provider] : undefined;
  if (sql !== undefined) {
    return async (now, limit) => {
      const rows = (await db.$queryRawUnsafe(sql, now, limit)) as {
        id: unknown;
        leaseId: unknown;
        attempts: unknown;
      }[];
      return rows.map(candidateOf);
    };
  }
  return async (now, limit) => {
    const rows = (await db.rosterkitOutboxMessage.findMany({
      where: dueAt(now),
      orderBy: dueOrder,
      take: limit,
      select: { id: true, leaseId: true, attempts: true },
    })) as { id: string; leaseId: string | null; attempts: number }[];
    return rows.map(candidateOf);
  };
}

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
  const candidates = claimCandidates(db);
  // Why a conditional write matched nothing: the message is unknown
  // (NOT_FOUND), or it no longer meets the condition (false).
  const unmatched = async (id: string): Promise<false> => {
    const exists = await delegate.findUnique({ where: { id }, select: { id: true } });
    if (exists === null) throw notFound('OutboxMessage', id);
    return false;
  };
  // A write conditional on the lease still being held.
  const onLease = async (id: string, leaseId: string, data: object): Promise<boolean> => {
    const { count } = (await delegate.updateMany({
      where: { id, leaseId, deliveredAt: null, deadAt: null },
      data,
    })) as { count: number };
    return count === 1 ? true : unmatched(id);
  };
  return {
    async append(message) {
      await uniqueGuard('OutboxMessage', message.id, () =>
        // createMany: one INSERT on every provider (create adds a SELECT on MySQL).
        delegate.createMany({ data: [outboxToRow(message)] }),
      );
    },
    async appendMany(messages) {
      if (messages.length === 0) return;
      await uniqueGuard('OutboxMessage', messages[0]?.id ?? '', () =>
        insertBatch(messages.map(outboxToRow)),
      );
    },
    async get(orgId, id) {
      const row = (await delegate.findFirst({ where: { id, orgId } })) as OutboxRow | null;
      return row === null ? undefined : outboxFromRow(row);
    },
    async listDue(now, limit) {
      if (limit <= 0) return [];
      const rows = (await delegate.findMany({
        where: dueAt(now),
        orderBy: dueOrder,
        take: limit,
      })) as OutboxRow[];
      return rows.map(outboxFromRow);
    },
    async claim(claim) {
      if (claim.limit <= 0) return [];
      const found = await candidates(claim.now, claim.limit);
      if (found.length === 0) return [];
      const ids = found.map((row) => row.id);
      const lease = { leaseId: claim.leaseId, nextAttemptAt: claim.until };
      // Each write is conditional on the row still being due and as read:
      // where no lock kept another claimer off (SQLite, an unknown
      // provider), only one of two wins a row, and each reads back by its
      // own lease what it won.
      const fresh = found.filter((row) => row.leaseId === null).map((row) => row.id);
      if (fresh.length > 0) {
        await delegate.updateMany({
          where: { id: { in: fresh }, ...dueAt(claim.now), leaseId: null },
          data: lease,
        });
      }
      // A lease that lapsed unsettled: an interrupted delivery, counted as
      // an attempt; the one that reaches maxAttempts parks the message.
      const last = claim.maxAttempts - 1;
      const interrupted = found.filter((row) => row.leaseId !== null);
      const retried = interrupted.filter((row) => row.attempts < last).map((row) => row.id);
      const parking = interrupted.filter((row) => row.attempts >= last).map((row) => row.id);
      const counted = { attempts: { increment: 1 }, lastError: claim.interruptedError };
      if (retried.length > 0) {
        await delegate.updateMany({
          where: {
            id: { in: retried },
            ...dueAt(claim.now),
            leaseId: { not: null },
            attempts: { lt: last },
          },
          data: { ...counted, ...lease },
        });
      }
      let parked = 0;
      if (parking.length > 0) {
        // Marked with this claim's lease to be read back with the others,
        // then cleared: a dead message holds no lease.
        ({ count: parked } = (await delegate.updateMany({
          where: {
            id: { in: parking },
            ...dueAt(claim.now),
            leaseId: { not: null },
            attempts: { gte: last },
          },
          data: { ...counted, leaseId: claim.leaseId, deadAt: claim.now, nextAttemptAt: claim.now },
        })) as { count: number });
      }
      const rows = (await delegate.findMany({
        where: { id: { in: ids }, leaseId: claim.leaseId },
      })) as OutboxRow[];
      if (parked > 0) {
        await delegate.updateMany({
          where: { id: { in: parking }, leaseId: claim.leaseId, deadAt: { not: null } },
          data: { leaseId: null },
        });
      }
      // In the order they were due.
      const rank = new Map(ids.map((id, i) => [id, i]));
      return rows
        .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
        .map((row) => outboxFromRow(row.deadAt === null ? row : { ...row, leaseId: null }));
    },
    renewLease: (id, leaseId, until) => onLease(id, leaseId, { nextAttemptAt: until }),
    release: (id, leaseId, at) => onLease(id, leaseId, { leaseId: null, nextAttemptAt: at }),
    async retryDead(id, at) {
      const { count } = (await delegate.updateMany({
        where: { id, deliveredAt: null, deadAt: { not: null } },
        data: { deadAt: null, leaseId: null, attempts: 0, nextAttemptAt: at },
      })) as { count: number };
      return count === 1 ? true : unmatched(id);
    },
    async markDelivered(id, at) {
      const { count } = (await delegate.updateMany({
        where: { id, deliveredAt: null },
        data: { deliveredAt: at, leaseId: null },
      })) as { count: number };
      return count === 1 ? true : unmatched(id);
    },
    async markDeliveredMany(ids, at) {
      const distinct = [...new Set(ids)];
      if (distinct.length === 0) return 0;
      const { count } = (await delegate.updateMany({
        where: { id: { in: distinct }, deliveredAt: null },
        data: { deliveredAt: at, leaseId: null },
      })) as { count: number };
      if (count === distinct.length) return count;
      // Fewer marked than asked: delivered already, or unknown (then
      // NOT_FOUND, and the caller's transaction rolls the others back).
      const known = (await delegate.findMany({
        where: { id: { in: distinct } },
        select: { id: true },
      })) as { id: string }[];
      const found = new Set(known.map((row) => row.id));
      const missing = distinct.find((id) => !found.has(id));
      if (missing !== undefined) throw notFound('OutboxMessage', missing);
      return count;
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
          leaseId: null,
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
