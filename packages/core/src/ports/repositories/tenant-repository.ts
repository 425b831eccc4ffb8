/**
 * The writes every versioned row supports, scoped to one organization
 * (DESIGN rule 11: nothing is read or written across organizations).
 *
 * Optimistic concurrency (DESIGN rule 14): a row carries the `version` it was
 * read at. `update` and `delete` succeed only if the stored version is still
 * that one, and `update` stores the row with `version + 1`; otherwise they
 * throw `CONFLICT` with reason `stale-version`, and nothing changes.
 *
 * @typeParam T - the row type.
 *
 * @category Store port (for adapter authors)
 */
export interface TenantRepository<T extends { id: string; orgId: string; version: number }> {
  /** The row with this id in this organization, or `undefined` (also when it belongs to another organization). */
  get(orgId: string, id: string): Promise<T | undefined>;
  /** The rows with these ids in this organization, in no particular order; missing ids are skipped. */
  getMany(orgId: string, ids: readonly string[]): Promise<T[]>;
  /**
   * Stores a new row; its `version` must be 1.
   *
   * @throws `CONFLICT` (reason `unique`) when the id, or another unique key, is taken; `INVALID_INPUT` when `version` is not 1.
   */
  insert(row: T): Promise<T>;
  /**
   * Stores several new rows at once (a bulk import's batch: one round trip, not
   * one per row); each `version` must be 1. All or nothing: when one row fails,
   * none is stored. An empty array is a no-op.
   *
   * @throws `CONFLICT` (reason `unique`) when an id or another unique key is
   * taken, by a stored row or by another row of `rows`; `INVALID_INPUT` when a
   * `version` is not 1.
   */
  insertMany(rows: readonly T[]): Promise<void>;
  /**
   * Replaces the row read at `row.version` and returns it as stored (`version + 1`).
   *
   * @throws `CONFLICT` (reason `stale-version`) when the stored version differs; `NOT_FOUND` when the row is gone.
   */
  update(row: T): Promise<T>;
  /**
   * Replaces several rows, each read at its `row.version`, as {@link update}
   * would one by one, but in a number of statements that does not grow with
   * the number of rows (a manager's reports, a person's memberships): the
   * cascades of a command stay a fixed number of round trips.
   *
   * All or nothing in effect: when any row is stale or gone it throws, and
   * the caller must let the error end the transaction (a SQL adapter may have
   * written part of the batch before it found out).
   *
   * @returns the rows as stored (`version + 1`), in the order given.
   * @throws `CONFLICT` (reason `stale-version`) when a stored version differs; `NOT_FOUND` when a row is gone.
   */
  updateMany(rows: readonly T[]): Promise<T[]>;
  /**
   * Deletes the row read at `version`.
   *
   * @throws `CONFLICT` (reason `stale-version`) when the stored version differs; `NOT_FOUND` when the row is gone.
   */
  delete(orgId: string, id: string, version: number): Promise<void>;
  /** Deletes every row of the organization, returning how many (for `deleteOrganization`). */
  deleteAllInOrganization(orgId: string): Promise<number>;
}
