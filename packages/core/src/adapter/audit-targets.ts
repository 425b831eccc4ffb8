import { invalidField } from './store-errors.js';

/** How many records one `auditEvents.list` may be about (`AuditListQuery.targets`). */
export const maxAuditTargets = 100;

/**
 * Refuses `AuditListQuery.targets` that are not 1 to {@link maxAuditTargets}
 * records, as `auditEvents.list` must before the store reads anything.
 *
 * @param targets - the query's `targets`.
 * @throws `INVALID_INPUT` at `targets`.
 *
 * @example
 * ```ts
 * import { checkAuditTargets } from '@rosterkit/core/adapter';
 *
 * checkAuditTargets([{ type: 'Account', id: 'acc_1' }]); // passes
 * // checkAuditTargets([]) throws INVALID_INPUT
 * ```
 */
export function checkAuditTargets(targets: readonly unknown[]): void {
  if (!Array.isArray(targets) || targets.length < 1 || targets.length > maxAuditTargets) {
    throw invalidField('targets', `Must list 1 to ${maxAuditTargets} records`);
  }
}
