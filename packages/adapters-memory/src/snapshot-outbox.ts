import { type Model, OutboxMessage } from '@rosterkit/core';

/**
 * How a snapshot's outbox rows are read: as {@link OutboxMessage}, except
 * that a row written before messages had a delivery schedule (no
 * `nextAttemptAt`, `lastError`, `deadAt`) reads as due since it was
 * created, with no error and not dead, the state the outbox backoff
 * migration gives such rows on SQL databases; a row written before leases
 * (no `leaseId`) holds none.
 *
 * @internal
 */
export const outboxSnapshotRow: Model<unknown> = {
  ...OutboxMessage,
  parse(row) {
    return OutboxMessage.parse(withSchedule(row));
  },
  safeParse(row) {
    return OutboxMessage.safeParse(withSchedule(row));
  },
};

function withSchedule(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  // Rows written before leases hold none.
  const leased = 'leaseId' in row ? row : { ...row, leaseId: null };
  if ('nextAttemptAt' in leased) return leased;
  const old = leased as { createdAt?: unknown };
  return { ...leased, nextAttemptAt: old.createdAt, lastError: null, deadAt: null };
}
