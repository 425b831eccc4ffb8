import { maxPageSize } from '../ports/limits.js';
import { invalidField } from './store-errors.js';

/**
 * Refuses a page `limit` that is not an integer from 1 to
 * {@link maxPageSize}, as `accounts.list`, `auditEvents.list` and
 * `outbox.listDead` must, before the store reads anything.
 *
 * @param limit - the query's `limit`.
 * @throws `INVALID_INPUT` at `limit`.
 *
 * @example
 * ```ts
 * import { checkPageLimit } from '@rosterkit/core/adapter';
 *
 * checkPageLimit(50); // passes
 * // checkPageLimit(501) and checkPageLimit(1.5) throw INVALID_INPUT
 * ```
 */
export function checkPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
    throw invalidField('limit', `Must be an integer from 1 to ${maxPageSize}`);
  }
}
