/** One page of a list, and how to get the next. */
export interface Page<T> {
  /** The rows of this page, in the query's order. */
  readonly items: readonly T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. Opaque. */
  readonly nextCursor: string | null;
  /** How many rows match the query in all (every page), ignoring `cursor` and `limit`. */
  readonly total: number;
}

/**
 * A page of a list whose total may be skipped: `total` is `null` when the
 * query asked for `total: 'none'` (a host that pages without showing a count
 * saves the count's query), the exact count otherwise.
 */
export interface ListPage<T> extends Omit<Page<T>, 'total'> {
  /** How many rows match in all, or `null` when the query asked for `total: 'none'`. */
  readonly total: number | null;
}

/** How a list reports its total: `'exact'` (the default) counts every match, `'none'` skips the count. */
export type TotalMode = 'exact' | 'none';
