import type { TenantRepository } from '@rosterkit/core';
import { checkNewRows, notFound, staleVersion } from '@rosterkit/core/adapter';
import { copyRow } from './copy-row.js';
import type { TableView } from './table.js';

/** Row types of the tenant repositories. @internal */
export interface TenantRow {
  id: string;
  orgId: string;
  version: number;
}

/** Gives the open transaction's view of a table, or throws once the transaction has ended. @internal */
export type ViewOf<T extends { id: string }> = () => TableView<T>;

/** Reads the stored row of `orgId` with `id`, or `undefined`. @internal */
export function stored<T extends TenantRow>(
  view: TableView<T>,
  orgId: string,
  id: string,
): T | undefined {
  const row = view.get(id);
  return row !== undefined && row.orgId === orgId ? row : undefined;
}

/** The stored row read at `version`, or NOT_FOUND / CONFLICT stale-version. @internal */
export function storedAt<T extends TenantRow>(
  view: TableView<T>,
  subject: string,
  orgId: string,
  id: string,
  version: number,
): T {
  const row = stored(view, orgId, id);
  if (row === undefined) throw notFound(subject, id);
  if (row.version !== version) throw staleVersion(subject, id);
  return row;
}

/**
 * The generic tenant repository over one table. Rows are cloned on the way
 * in and on the way out, so no caller ever holds the store's own objects.
 *
 * @param keep - fields of the stored row that `update` keeps (only `setLastSeen` writes `lastSeenAt`).
 * @internal
 */
export function tenantRepository<T extends TenantRow>(
  view: ViewOf<T>,
  subject: string,
  keep: (stored: T, next: T) => T = (_stored, next) => next,
): TenantRepository<T> {
  const repository: TenantRepository<T> = {
    async get(orgId, id) {
      const row = stored(view(), orgId, id);
      return row === undefined ? undefined : copyRow(row);
    },
    async getMany(orgId, ids) {
      const v = view();
      return [...new Set(ids)].flatMap((id) => {
        const row = stored(v, orgId, id);
        return row === undefined ? [] : [copyRow(row)];
      });
    },
    async insert(row) {
      checkNewRows([row]);
      const copy = copyRow(row);
      view().insert(copy);
      return copyRow(copy);
    },
    async insertMany(rows) {
      checkNewRows(rows);
      insertAll(view(), rows);
    },
    async update(row) {
      const v = view();
      const previous = storedAt(v, subject, row.orgId, row.id, row.version);
      const next = keep(previous, { ...copyRow(row), version: row.version + 1 });
      v.replace(previous, next);
      return copyRow(next);
    },
    async updateMany(rows) {
      const saved: T[] = [];
      for (const row of rows) saved.push(await repository.update(row));
      return saved;
    },
    async delete(orgId, id, version) {
      const v = view();
      v.remove(storedAt(v, subject, orgId, id, version));
    },
    async deleteAllInOrganization(orgId) {
      const v = view();
      const rows = v.rowsBy('org', orgId);
      for (const row of rows) v.remove(row);
      return rows.length;
    },
  };
  return repository;
}

/**
 * Inserts copies of `rows` into the view, all or nothing: when one is refused
 * (a taken id or unique key, in the view or among `rows`), the ones already
 * inserted are removed again before the error is rethrown. @internal
 */
export function insertAll<T extends { id: string }>(view: TableView<T>, rows: readonly T[]): void {
  const inserted: T[] = [];
  try {
    for (const row of rows) {
      const copy = copyRow(row);
      view.insert(copy);
      inserted.push(copy);
    }
  } catch (error) {
    for (const row of inserted.reverse()) view.remove(row);
    throw error;
  }
}
