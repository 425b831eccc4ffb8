import { RosterError } from '@rosterkit/core';

// The memory store's own errors; those of every store come from the adapter kit.

/** The `CONFLICT` of a transaction that ran past `transactionTimeoutMs`. @internal */
export function timedOut(timeoutMs: number): RosterError<'CONFLICT'> {
  return new RosterError(
    'CONFLICT',
    `The transaction did not finish within ${timeoutMs} ms (the memory store's transactionTimeoutMs), so none of its writes was committed. A resource handler or other work inside it may be hung; retry once it is fixed.`,
    { subject: 'Transaction', reason: 'timeout' },
  );
}

/** The `CONFLICT` of a snapshot file another store holds. @internal */
export function snapshotLocked(file: string, why: string): RosterError<'CONFLICT'> {
  return new RosterError('CONFLICT', `${file} is locked: ${why}`, {
    subject: 'SnapshotFile',
    id: file,
    reason: 'locked',
  });
}
