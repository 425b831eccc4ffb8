import type { TenantRepository } from '@rosterkit/core';
import { checkNewRows, notFound, staleVersion, uniqueConflict } from '@rosterkit/core/adapter';
import type { RosterkitModelDelegate } from '../client.js';
import { isRecordNotFound, isUniqueViolation } from '../errors.js';

interface Row {
  id: string;
  orgId: string;
  version: number;
}

/** How one model is stored: its delegate and its row mapping. @internal */
export interface TableSpec<T extends Row, R extends object> {
  /** The subject named in errors: `Account`, `Membership`… */
  readonly subject: string;
  readonly delegate: RosterkitModelDelegate;
  readonly toRow: (row: T) => R;
  readonly fromRow: (row: R) => T;
  /**
   * Columns an `update` must not write (kept as stored and returned as stored):
   * the account's `lastSeenAt`, which only `setLastSeen` writes.
   */
  readonly keep?: readonly (keyof R & string)[];
  /** Writes a batch of rows in the transaction (raw INSERTs or `createMany`: the transaction's choice). */
  readonly insertRows: (rows: readonly R[]) => PromiseLike<unknown>;
  /** Writes that go with the row's (its membership groups), in the same transaction. */
  readonly children?: {
    afterInsert(rows: readonly T[]): Promise<void>;
    afterUpdate(rows: readonly T[]): Promise<void>;
    afterDelete(orgId: string, ids: readonly string[] | 'all'): Promise<void>;
  };
}

/**
 * Runs a write, turning a unique-constraint violation into `CONFLICT`
 * (`unique`). A violation aborts the transaction on PostgreSQL, so the error
 * must end it: core never catches it and carries on.
 *
 * @internal
 */
export async function uniqueGuard<V>(
  subject: string,
  id: string,
  write: () => PromiseLike<V>,
): Promise<V> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueConflict(subject, id);
    throw error;
  }
}

/**
 * Why a versioned write matched no row: the row is gone (`NOT_FOUND`) or was
 * changed since it was read (`CONFLICT` stale-version). One read, only on failure.
 *
 * @internal
 */
export async function missedWrite(
  delegate: RosterkitModelDelegate,
  subject: string,
  where: Record<string, unknown>,
  id: string,
): Promise<never> {
  const current = await delegate.findFirst({ where, select: { version: true } });
  throw current === null ? notFound(subject, id) : staleVersion(subject, id);
}

/** A {@link TenantRepository} over one Prisma model. @internal */
export function tenantRepository<T extends Row, R extends object>(
  spec: TableSpec<T, R>,
): TenantRepository<T> {
  const { subject, delegate, toRow, fromRow, keep = [], children, insertRows } = spec;
  const keepSelect = Object.fromEntries(keep.map((column) => [column, true]));

  return {
    async get(orgId, id) {
      const row = (await delegate.findFirst({ where: { id, orgId } })) as R | null;
      return row === null ? undefined : fromRow(row);
    },
    async getMany(orgId, ids) {
      if (ids.length === 0) return [];
      const rows = (await delegate.findMany({
        where: { orgId, id: { in: [...new Set(ids)] } },
      })) as R[];
      return rows.map(fromRow);
    },
    async insert(row) {
      checkNewRows([row]);
      await uniqueGuard(subject, row.id, () =>
        // createMany: one INSERT on every provider (create adds a SELECT on MySQL).
        delegate.createMany({ data: [toRow(row)] }),
      );
      await children?.afterInsert([row]);
      return fromRow(toRow(row));
    },
    async insertMany(rows) {
      if (rows.length === 0) return;
      checkNewRows(rows);
      const first = rows[0]?.id ?? '';
      await uniqueGuard(subject, first, () => insertRows(rows.map(toRow)));
      await children?.afterInsert(rows);
    },
    async update(row) {
      const data: Record<string, unknown> = { ...toRow(row), version: row.version + 1 };
      delete data.id;
      delete data.orgId;
      for (const column of keep) delete data[column];
      const where = { id: row.id, orgId: row.orgId };
      const next = { ...row, version: row.version + 1 };
      if (keep.length > 0) {
        // The columns kept as stored come back from the write itself (one
        // UPDATE … RETURNING where the database has it), not a second read.
        let kept: Partial<R>;
        try {
          kept = (await uniqueGuard(subject, row.id, () =>
            delegate.update({
              where: { ...where, version: row.version },
              data,
              select: keepSelect,
            }),
          )) as Partial<R>;
        } catch (error) {
          if (!isRecordNotFound(error)) throw error;
          return missedWrite(delegate, subject, where, row.id);
        }
        await children?.afterUpdate([row]);
        return fromRow({ ...toRow(next), ...kept });
      }
      const stored = await uniqueGuard(subject, row.id, () =>
        delegate.updateMany({ where: { ...where, version: row.version }, data }),
      );
      if ((stored as { count: number }).count !== 1) {
        return missedWrite(delegate, subject, where, row.id);
      }
      await children?.afterUpdate([row]);
      return fromRow(toRow(next));
    },
    async updateMany(rows) {
      if (rows.length === 0) return [];
      // Read every row's version (and kept columns), then replace the batch by
      // a delete and a multi-row insert: four statements for any number of
      // rows, where an UPDATE per row would be one round trip each.
      const chunks = chunked(rows);
      const current: (Partial<R> & { id: string; version: number })[] = [];
      for (const chunk of chunks) {
        current.push(
          ...((await delegate.findMany({
            where: { OR: chunk.map((row) => ({ id: row.id, orgId: row.orgId })) },
            select: { id: true, version: true, ...keepSelect },
          })) as (Partial<R> & { id: string; version: number })[]),
        );
      }
      const byId = new Map(current.map((row) => [row.id, row]));
      const seen = new Set<string>();
      for (const row of rows) {
        const stored = byId.get(row.id);
        if (stored === undefined) throw notFound(subject, row.id);
        if (stored.version !== row.version || seen.has(row.id)) {
          throw staleVersion(subject, row.id);
        }
        seen.add(row.id);
      }
      const next = rows.map((row) => {
        const { id: _id, version: _version, ...kept } = byId.get(row.id) ?? {};
        return { ...toRow({ ...row, version: row.version + 1 }), ...kept } as R;
      });
      let count = 0;
      for (const chunk of chunks) {
        const deleted = (await delegate.deleteMany({
          where: {
            OR: chunk.map((row) => ({ id: row.id, orgId: row.orgId, version: row.version })),
          },
        })) as { count: number };
        count += deleted.count;
      }
      if (count !== rows.length) throw staleVersion(subject, rows[0]?.id ?? '');
      await uniqueGuard(subject, rows[0]?.id ?? '', () => insertRows(next));
      await children?.afterUpdate(rows);
      return next.map(fromRow);
    },
    async delete(orgId, id, version) {
      const where = { id, orgId };
      const { count } = (await delegate.deleteMany({ where: { ...where, version } })) as {
        count: number;
      };
      if (count !== 1) return missedWrite(delegate, subject, where, id);
      await children?.afterDelete(orgId, [id]);
    },
    async deleteAllInOrganization(orgId) {
      const { count } = (await delegate.deleteMany({ where: { orgId } })) as { count: number };
      await children?.afterDelete(orgId, 'all');
      return count;
    },
  };
}

// Prisma refuses a statement with more bound values than the provider takes
// (999 on SQLite: P2029): a key of `updateMany` binds up to 3, so a bulk
// batch of 500 rows is read and deleted in 2 statements each, not 1.
const keysPerStatement = 300;

/** `rows` in slices of at most {@link keysPerStatement}. */
function chunked<T>(rows: readonly T[]): (readonly T[])[] {
  const chunks: (readonly T[])[] = [];
  for (let start = 0; start < rows.length; start += keysPerStatement) {
    chunks.push(rows.slice(start, start + keysPerStatement));
  }
  return chunks;
}
