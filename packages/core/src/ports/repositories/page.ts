/** One page of a list, and how to get the next. */
export interface Page<T> {
  /** The rows of this page, in the query's order. */
  readonly items: readonly T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. Opaque. */
  readonly nextCursor: string | null;
  /** How many rows match the query in all (every page), ignoring `cursor` and `limit`. */
  readonly total: number;
}
