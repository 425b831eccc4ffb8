/**
 * The most rows one page of a store's list may hold: `limit` of
 * `accounts.list`, `auditEvents.list` and `outbox.listDead` is an integer
 * from 1 to this (`INVALID_INPUT` otherwise). It bounds what one call reads
 * and returns; a caller walks further pages with the cursor.
 *
 * @example
 * ```ts
 * import { maxPageSize } from '@rosterkit/core/adapter';
 * const everyone = { limit: maxPageSize }; // the largest page a list returns
 * ```
 */
export const maxPageSize = 500;

/**
 * The most messages `outbox.listDue` is asked for at once: `drainOutbox`'s
 * `limit` is an integer from 1 to this. It is larger than
 * {@link maxPageSize} because it is no page a person reads but a drainer's
 * batch, delivered one message at a time; a store need not check it (the
 * port's `limit` is any positive integer).
 *
 * @example
 * ```ts
 * import { maxDueBatchSize } from '@rosterkit/core/adapter';
 * // A SQL adapter may size a prepared statement's LIMIT for it.
 * const sql = `SELECT * FROM outbox WHERE delivered_at IS NULL LIMIT ${maxDueBatchSize}`;
 * ```
 */
export const maxDueBatchSize = 1000;
