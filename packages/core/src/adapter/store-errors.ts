import { RosterError } from '../errors/roster-error.js';

// The errors a Store throws, one message each, so that every adapter words
// them alike. The commands use this NOT_FOUND too (roster/not-found.ts), so the
// words are the same: "No account acc_1 in this organization."

/** Rows not scoped to one organization: their NOT_FOUND names no organization. */
const unscoped = new Set(['Organization', 'OutboxMessage']);

/** `'OutboxMessage'` → `'outbox message'`: a subject as a sentence says it. */
function spoken(subject: string): string {
  return subject.replace(/(?<=[a-z0-9])(?=[A-Z])/g, ' ').toLowerCase();
}

/**
 * The `NOT_FOUND` of a row that is not stored, or is stored in another
 * organization (a store never tells the two apart: DESIGN rule 11). Its
 * message is the commands' own: `No account acc_1 in this organization.`
 * (organizations and outbox messages belong to no organization:
 * `No organization org_1.`).
 *
 * @param subject - the row's kind as the port names it: `'Account'`, `'Membership'`, `'OutboxMessage'`…
 * @param id - the id that was asked for.
 * @returns the error, with `details` `{ subject, id }`, to throw.
 *
 * @example
 * ```ts
 * import { notFound } from '@rosterkit/core/adapter';
 *
 * const rows: { id: string; orgId: string; version: number }[] = [];
 * const row = rows.find((r) => r.orgId === 'org_1' && r.id === 'acc_1');
 * if (row === undefined) throw notFound('Account', 'acc_1');
 * ```
 */
export function notFound(subject: string, id: string): RosterError<'NOT_FOUND'> {
  const where = unscoped.has(subject) ? '' : ' in this organization';
  return new RosterError('NOT_FOUND', `No ${spoken(subject)} ${id}${where}.`, { subject, id });
}

/**
 * The `CONFLICT` (reason `stale-version`) of a versioned write whose row was
 * changed since it was read: `update` or `delete` with a `version` that is no
 * longer the stored one (DESIGN rule 14).
 *
 * @param subject - the row's kind: `'Account'`, `'Membership'`…
 * @param id - the row's id.
 * @returns the error, with `details` `{ subject, id, reason: 'stale-version' }`, to throw.
 *
 * @example
 * ```ts
 * import { staleVersion } from '@rosterkit/core/adapter';
 *
 * // UPDATE … WHERE org_id = ? AND id = ? AND version = ? changed no row, yet the row exists:
 * const changedRows = 0;
 * if (changedRows === 0) throw staleVersion('Account', 'acc_1');
 * ```
 */
export function staleVersion(subject: string, id: string): RosterError<'CONFLICT'> {
  return new RosterError(
    'CONFLICT',
    `${subject} ${id} was changed by someone else since it was read; reload it and retry.`,
    { subject, id, reason: 'stale-version' },
  );
}

/**
 * The `CONFLICT` (reason `unique`) of a write that would store a taken id or
 * unique key: an account's email in its organization, one membership per
 * account and space, an invitation's token hash. A SQL adapter turns its
 * unique violation into this one.
 *
 * @param subject - the row's kind: `'Account'`, `'Invitation'`…
 * @param id - the id of the row being written.
 * @param key - which key is taken, for the message (`'email'`, `'id'`); omit when the database does not say.
 * @returns the error, with `details` `{ subject, id, reason: 'unique' }` (and `field`: `key`, when given), to throw.
 *
 * @example
 * ```ts
 * import { uniqueConflict } from '@rosterkit/core/adapter';
 *
 * try {
 *   throw Object.assign(new Error('duplicate key'), { code: '23505' }); // a driver's unique violation
 * } catch (error) {
 *   if ((error as { code?: string }).code === '23505') throw uniqueConflict('Account', 'acc_1', 'email');
 *   throw error;
 * }
 * ```
 */
export function uniqueConflict(subject: string, id: string, key?: string): RosterError<'CONFLICT'> {
  const known = key !== undefined && key !== '';
  return new RosterError(
    'CONFLICT',
    `${subject} ${id} conflicts with an existing ${spoken(subject)}${known ? ` (${key})` : ''}.`,
    known ? { subject, id, reason: 'unique', field: key } : { subject, id, reason: 'unique' },
  );
}

/**
 * The `CONFLICT` (reason `retry-exhausted`) of a transaction that met a
 * serialization failure or a deadlock on every one of its attempts: the
 * Store port's answer once its bounded retries are spent.
 *
 * @param attempts - how many times the transaction ran in all.
 * @returns the error, with `details` `{ subject: 'Transaction', reason: 'retry-exhausted' }`, to throw.
 *
 * @example
 * ```ts
 * import { retryExhausted } from '@rosterkit/core/adapter';
 *
 * const maxAttempts = 6;
 * for (let attempt = 1; ; attempt += 1) {
 *   const serializationFailure = attempt < 10; // what the database said
 *   if (!serializationFailure) break;
 *   if (attempt >= maxAttempts) throw retryExhausted(attempt);
 * }
 * ```
 */
export function retryExhausted(attempts: number): RosterError<'CONFLICT'> {
  return new RosterError(
    'CONFLICT',
    `The transaction kept colliding with concurrent ones (${attempts} attempts); retry later.`,
    { subject: 'Transaction', reason: 'retry-exhausted' },
  );
}

/**
 * The `INVALID_INPUT` a store throws for one bad argument: a `limit` out of
 * range, an unreadable cursor, a read filter it cannot translate. `details`
 * has one issue at `[field]`, as core's own validation reports.
 *
 * @param field - the argument or query field at fault: `'limit'`, `'cursor'`…
 * @param message - what is wrong, as a sentence without its full stop.
 * @returns the error, with `details.issues` `[{ path: [field], message }]`, to throw.
 *
 * @example
 * ```ts
 * import { invalidField } from '@rosterkit/core/adapter';
 *
 * const sort = { field: 'age', direction: 'asc' };
 * if (sort.field === 'age') throw invalidField('sort', 'Unknown sort');
 * ```
 */
export function invalidField(field: string, message: string): RosterError<'INVALID_INPUT'> {
  return new RosterError('INVALID_INPUT', `Invalid ${field}: ${message}.`, {
    issues: [{ path: [field], message }],
  });
}

/**
 * Refuses new rows whose `version` is not 1, as `insert` and `insertMany`
 * must (`INVALID_INPUT` at `version`), before anything is written: a batch
 * with one bad row stores none.
 *
 * @param rows - the rows about to be inserted.
 * @throws `INVALID_INPUT` when a row's `version` is not 1.
 *
 * @example
 * ```ts
 * import { checkNewRows } from '@rosterkit/core/adapter';
 *
 * const rows = [{ id: 'acc_1', orgId: 'org_1', version: 1 }];
 * checkNewRows(rows); // passes; a row at version 2 would throw INVALID_INPUT
 * ```
 */
export function checkNewRows(rows: readonly { readonly version: number }[]): void {
  if (rows.some((row) => row.version !== 1)) {
    throw invalidField('version', 'A new row has version 1');
  }
}
