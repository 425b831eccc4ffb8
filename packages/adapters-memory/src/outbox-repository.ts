import type {
  OutboxClaim,
  OutboxDeadQuery,
  OutboxMessage,
  OutboxRepository,
  Page,
} from '@rosterkit/core';
import {
  checkPageLimit,
  compareText,
  decodeInstantCursor,
  encodeInstantCursor,
  notFound,
} from '@rosterkit/core/adapter';
import { copyRow } from './copy-row.js';
import { firstAfter } from './first-after.js';
import type { TableView } from './table.js';
import { insertAll } from './tenant-repository.js';

const clone = <T>(row: T): T => copyRow(row);

const held = (row: OutboxMessage, leaseId: string): boolean =>
  row.deliveredAt === null && row.deadAt === null && row.leaseId === leaseId;

/**
 * A due row as a claim leaves it: leased, or, when its last lease lapsed
 * unsettled (an interrupted delivery, counted as an attempt), parked dead
 * once that count reaches the claim's `maxAttempts`.
 */
function claimedRow(row: OutboxMessage, claim: OutboxClaim): OutboxMessage {
  if (row.leaseId === null) {
    return { ...row, leaseId: claim.leaseId, nextAttemptAt: new Date(claim.until) };
  }
  const attempts = row.attempts + 1;
  const lastError = claim.interruptedError;
  if (attempts >= claim.maxAttempts) {
    const now = new Date(claim.now);
    return { ...row, attempts, lastError, leaseId: null, deadAt: now, nextAttemptAt: now };
  }
  return {
    ...row,
    attempts,
    lastError,
    leaseId: claim.leaseId,
    nextAttemptAt: new Date(claim.until),
  };
}

interface Position {
  readonly at: number;
  readonly id: string;
}

// Due order: nextAttemptAt, createdAt, id, all ascending.
function compareDue(a: OutboxMessage, b: OutboxMessage): number {
  return (
    a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    compareText(a.id, b.id)
  );
}

// Dead order: the most recently parked first, ties by id descending.
function compareDead(a: Position, b: Position): number {
  return Math.sign(b.at - a.at) || compareText(b.id, a.id);
}

function listDead(view: TableView<OutboxMessage>, query: OutboxDeadQuery): Page<OutboxMessage> {
  checkPageLimit(query.limit);
  const cursor = query.cursor === undefined ? undefined : decodeInstantCursor(query.cursor);
  const after = cursor === undefined ? undefined : { at: cursor.at.getTime(), id: cursor.id };
  const sorted = view
    .rowsBy('dead', 'dead')
    .filter((message) => query.orgId === undefined || message.orgId === query.orgId)
    .map((message) => ({ message, at: message.deadAt?.getTime() ?? 0, id: message.id }))
    .sort(compareDead);
  const start = after === undefined ? 0 : firstAfter(sorted, (row) => compareDead(row, after) > 0);
  const items = sorted.slice(start, start + query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => clone(row.message)),
    nextCursor:
      start + items.length < sorted.length && last !== undefined
        ? encodeInstantCursor({ at: new Date(last.at), id: last.id })
        : null,
    total: sorted.length,
  };
}

/**
 * The outbox of one transaction. Two indexes keep its reads off delivered
 * rows: `pending` (undelivered, not dead) and `dead` (dead, undelivered).
 *
 * @internal
 */
export function outboxRepository(view: () => TableView<OutboxMessage>): OutboxRepository {
  const existing = (id: string): OutboxMessage => {
    const row = view().get(id);
    if (row === undefined) throw notFound('OutboxMessage', id);
    return row;
  };
  return {
    async append(message) {
      view().insert(clone(message));
    },
    async appendMany(messages) {
      insertAll(view(), messages);
    },
    async get(orgId, id) {
      const row = view().get(id);
      return row === undefined || row.orgId !== orgId ? undefined : clone(row);
    },
    async listDue(now, limit) {
      const at = now.getTime();
      return view()
        .rowsBy('pending', 'pending')
        .filter((message) => message.nextAttemptAt.getTime() <= at)
        .sort(compareDue)
        .slice(0, Math.max(0, limit))
        .map(clone);
    },
    async claim(claim) {
      const now = claim.now.getTime();
      const due = view()
        .rowsBy('pending', 'pending')
        .filter((message) => message.nextAttemptAt.getTime() <= now)
        .sort(compareDue)
        .slice(0, Math.max(0, claim.limit));
      // The outbox lock (locked-transaction.ts) makes this read-then-write
      // one step for every other claimer.
      return due.map((row) => {
        const claimed = claimedRow(row, claim);
        view().replace(row, claimed);
        return clone(claimed);
      });
    },
    async renewLease(id, leaseId, until) {
      const row = existing(id);
      if (!held(row, leaseId)) return false;
      view().replace(row, { ...row, nextAttemptAt: new Date(until.getTime()) });
      return true;
    },
    async release(id, leaseId, at) {
      const row = existing(id);
      if (!held(row, leaseId)) return false;
      view().replace(row, { ...row, leaseId: null, nextAttemptAt: new Date(at.getTime()) });
      return true;
    },
    async retryDead(id, at) {
      const row = existing(id);
      if (row.deadAt === null || row.deliveredAt !== null) return false;
      view().replace(row, {
        ...row,
        deadAt: null,
        leaseId: null,
        attempts: 0,
        nextAttemptAt: new Date(at.getTime()),
      });
      return true;
    },
    async markDelivered(id, at) {
      const row = existing(id);
      if (row.deliveredAt !== null) return false;
      view().replace(row, { ...row, deliveredAt: new Date(at.getTime()), leaseId: null });
      return true;
    },
    async markDeliveredMany(ids, at) {
      // Every id is checked before anything is written: NOT_FOUND marks none.
      const rows = [...new Set(ids)].map(existing);
      let marked = 0;
      for (const row of rows) {
        if (row.deliveredAt !== null) continue;
        view().replace(row, { ...row, deliveredAt: new Date(at.getTime()), leaseId: null });
        marked += 1;
      }
      return marked;
    },
    async recordFailure(id, failure) {
      const row = existing(id);
      if (row.deliveredAt !== null || row.deadAt !== null || row.attempts !== failure.attempts - 1)
        return false;
      view().replace(row, {
        ...row,
        attempts: failure.attempts,
        lastError: failure.error,
        nextAttemptAt: new Date(failure.nextAttemptAt.getTime()),
        deadAt: failure.deadAt === null ? null : new Date(failure.deadAt.getTime()),
        leaseId: null,
      });
      return true;
    },
    async listDead(query) {
      return listDead(view(), query);
    },
  };
}
