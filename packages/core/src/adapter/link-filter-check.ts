import { RosterError } from '../errors/roster-error.js';
import { LinkFilter } from '../model/link-filter.js';
import { invalidField } from './store-errors.js';

/** How deep a {@link LinkFilter} may nest (`and`, `or`, `not`), as `provisioning.listLinks` takes it. */
export const maxLinkFilterDepth = 16;
/** How many nodes a {@link LinkFilter} may have in all. */
export const maxLinkFilterNodes = 200;
/** The largest `count` of `provisioning.listLinks` (SCIM's page size). */
export const maxLinkCount = 1000;

function measure(filter: LinkFilter, depth: number, seen: { nodes: number }): number {
  seen.nodes += 1;
  switch (filter.op) {
    case 'and':
    case 'or':
      return Math.max(...filter.filters.map((part) => measure(part, depth + 1, seen)));
    case 'not':
      return measure(filter.filter, depth + 1, seen);
    default:
      return depth;
  }
}

/**
 * Validates the filter of `provisioning.listLinks` before a store reads
 * anything: the {@link LinkFilter} model (values that fit their operator and
 * attribute), at most {@link maxLinkFilterDepth} levels and
 * {@link maxLinkFilterNodes} nodes.
 *
 * @param filter - the query's `filter`.
 * @returns the filter as parsed.
 * @throws `INVALID_INPUT` with issues under `['filter', …]`.
 *
 * @example
 * ```ts
 * import { checkLinkFilter } from '@rosterkit/core/adapter';
 *
 * checkLinkFilter({ op: 'eq', attribute: 'userName', value: 'ana@acme.io' }); // passes
 * // checkLinkFilter({ op: 'gt', attribute: 'active', value: true }) throws INVALID_INPUT
 * ```
 */
export function checkLinkFilter(filter: unknown): LinkFilter {
  const result = LinkFilter.safeParse(filter);
  if (!result.success) {
    const issues = result.error.details.issues.map((issue) => ({
      path: ['filter', ...issue.path],
      message: issue.message,
    }));
    throw new RosterError(
      'INVALID_INPUT',
      result.error.message.replace(/^Invalid LinkFilter/, 'Invalid filter'),
      {
        issues,
      },
    );
  }
  const seen = { nodes: 0 };
  const depth = measure(result.data, 1, seen);
  if (depth > maxLinkFilterDepth || seen.nodes > maxLinkFilterNodes) {
    throw invalidField(
      'filter',
      `Must nest at most ${maxLinkFilterDepth} levels and hold at most ${maxLinkFilterNodes} conditions`,
    );
  }
  return result.data;
}

/**
 * Refuses a `provisioning.listLinks` window out of range: `startIndex` an
 * integer from 1, `count` an integer from 0 to {@link maxLinkCount}.
 *
 * @throws `INVALID_INPUT` at `startIndex` or `count`.
 *
 * @example
 * ```ts
 * import { checkLinkWindow } from '@rosterkit/core/adapter';
 *
 * checkLinkWindow(1, 100); // passes
 * // checkLinkWindow(0, 100) and checkLinkWindow(1, 1001) throw INVALID_INPUT
 * ```
 */
export function checkLinkWindow(startIndex: number, count: number): void {
  if (!Number.isSafeInteger(startIndex) || startIndex < 1) {
    throw invalidField('startIndex', 'Must be an integer from 1');
  }
  if (!Number.isInteger(count) || count < 0 || count > maxLinkCount) {
    throw invalidField('count', `Must be an integer from 0 to ${maxLinkCount}`);
  }
}
