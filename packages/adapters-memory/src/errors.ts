import { RosterError } from '@rosterkit/core';

/** @internal */
export function conflict(
  subject: string,
  id: string,
  reason: 'stale-version' | 'unique',
  what = '',
): RosterError<'CONFLICT'> {
  const message =
    reason === 'stale-version'
      ? `${subject} ${id} was changed by someone else since it was read; reload it and retry.`
      : `${subject} ${id} conflicts with an existing ${subject.toLowerCase()}${what ? ` (${what})` : ''}.`;
  return new RosterError('CONFLICT', message, { subject, id, reason });
}

/** @internal */
export function notFound(subject: string, id: string): RosterError<'NOT_FOUND'> {
  return new RosterError('NOT_FOUND', `${subject} ${id} does not exist.`, { subject, id });
}

/** @internal */
export function invalid(path: string, message: string): RosterError<'INVALID_INPUT'> {
  return new RosterError('INVALID_INPUT', `Invalid ${path}: ${message}.`, {
    issues: [{ path: [path], message }],
  });
}

/** @internal */
export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw invalid('limit', 'Must be an integer from 1 to 500');
  }
}

/** The `CONFLICT` of a transaction that ran past `transactionTimeoutMs`. @internal */
export function timedOut(timeoutMs: number): RosterError<'CONFLICT'> {
  return new RosterError(
    'CONFLICT',
    `The transaction did not finish within ${timeoutMs} ms (the memory store's transactionTimeoutMs), so none of its writes was committed. A resource handler or other work inside it may be hung; retry once it is fixed.`,
    { subject: 'Transaction', reason: 'timeout' },
  );
}

/** The `CONFLICT` of a transaction that had to run again more often than allowed. @internal */
export function retryExhausted(attempts: number): RosterError<'CONFLICT'> {
  return new RosterError(
    'CONFLICT',
    `The transaction kept colliding with concurrent ones across organizations (${attempts} attempts); retry later.`,
    { subject: 'Transaction', reason: 'retry-exhausted' },
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
