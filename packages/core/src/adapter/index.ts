/**
 * `@rosterkit/core/adapter`: the adapter kit, what every storage adapter
 * needs and would otherwise write again: the Store port's errors with one
 * message each, the cursor codec, the page limit, text compared and
 * lower-cased as rosterkit defines it, the order and cursor of
 * `accounts.list`, and a `ReadFilter` translation for SQL (or any query
 * builder). Both shipped adapters are built on it; see the "Writing a storage
 * adapter" guide.
 *
 * @packageDocumentation
 */
export { maxDueBatchSize, maxPageSize } from '../ports/limits.js';
export type { AccountCursor, AccountSortKey } from './account-order.js';
export {
  accountSortKey,
  checkAccountSort,
  compareAccountSortKeys,
  decodeAccountCursor,
  encodeAccountCursor,
} from './account-order.js';
export { checkAuditTargets, maxAuditTargets } from './audit-targets.js';
export type { InstantCursor } from './cursor.js';
export {
  decodeCursor,
  decodeInstantCursor,
  encodeCursor,
  encodeInstantCursor,
} from './cursor.js';
export {
  checkLinkFilter,
  checkLinkWindow,
  maxLinkCount,
  maxLinkFilterDepth,
  maxLinkFilterNodes,
} from './link-filter-check.js';
export type { LinkFilterValues } from './link-filter-match.js';
export {
  caseInsensitiveLinkAttributes,
  compareByCreation,
  linkFilterValues,
  matchesLinkFilter,
} from './link-filter-match.js';
export { composeActorRows, loadActorRows } from './load-actor-rows.js';
export { checkPageLimit } from './page-limit.js';
export type {
  FieldCondition,
  FilterField,
  FilterFields,
  ReadFilterTranslator,
} from './read-filter-fields.js';
export { readFilterInOrg } from './read-filter-in-org.js';
export {
  checkNewRows,
  invalidField,
  notFound,
  retryExhausted,
  staleVersion,
  uniqueConflict,
} from './store-errors.js';
export { compareText, likeContains, lowerText, matchesSearch, searchText } from './text.js';
export type {
  LinkFilterKeys,
  LinkFilterTranslator,
  LinkKeyColumn,
  LinkKeyCondition,
} from './translate-link-filter.js';
export { linkFilterKeys, linkKey, translateLinkFilter } from './translate-link-filter.js';
export { readFilterFields, translateReadFilter } from './translate-read-filter.js';
