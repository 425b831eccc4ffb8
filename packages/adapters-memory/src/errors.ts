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
