import type { Account, AccountListQuery, AccountSort, Page } from '@rosterkit/core';
import type { RosterkitModelDelegate } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkLimit, invalid } from './errors.js';
import { type PrismaWhere, readFilterWhere } from './read-filter-where.js';
import { type AccountRow, accountFromRow } from './rows.js';
import { searchKey } from './search-key.js';

type Key = string | number | null;

interface AccountCursor {
  /** `field:direction` of the sort the cursor belongs to. */
  readonly s: string;
  /** The last row's sort key (dates as epoch milliseconds). */
  readonly k: readonly Key[];
  /** The last row's id. */
  readonly id: string;
}

// The columns each sort orders by, before the id that breaks ties.
const sortColumns: Readonly<Record<AccountSort['field'], readonly string[]>> = {
  name: ['firstNameKey', 'lastNameKey'],
  email: ['email'],
  createdAt: ['createdAt'],
  lastSeenAt: ['lastSeenAt'],
};

const isDateColumn = (column: string) => column === 'createdAt' || column === 'lastSeenAt';

function keyOf(row: AccountRow, column: string): Key {
  const value = (row as unknown as Record<string, unknown>)[column];
  if (value instanceof Date) return value.getTime();
  return value as Key;
}

function isKey(sort: AccountSort, key: unknown): key is Key[] {
  const columns = sortColumns[sort.field];
  return (
    Array.isArray(key) &&
    key.length === columns.length &&
    columns.every((column, i) =>
      isDateColumn(column)
        ? (typeof key[i] === 'number' && Number.isFinite(key[i])) ||
          (column === 'lastSeenAt' && key[i] === null)
        : typeof key[i] === 'string',
    )
  );
}

function readCursor(query: AccountListQuery): AccountCursor | undefined {
  if (query.cursor === undefined) return undefined;
  const s = `${query.sort.field}:${query.sort.direction}`;
  return decodeCursor(query.cursor, (value): value is AccountCursor => {
    const c = value as Partial<AccountCursor> | null;
    return (
      typeof c === 'object' &&
      c !== null &&
      c.s === s &&
      typeof c.id === 'string' &&
      isKey(query.sort, c.k)
    );
  });
}

const toValue = (column: string, key: Key) =>
  key !== null && isDateColumn(column) ? new Date(key) : key;

// The rows after the cursor's in the sort: a later key, or the same key and a
// later id. For lastSeenAt, never-seen rows come after every seen one.
function afterCursor(sort: AccountSort, cursor: AccountCursor): PrismaWhere {
  const op = sort.direction === 'asc' ? 'gt' : 'lt';
  const columns = sortColumns[sort.field];
  if (sort.field === 'lastSeenAt') {
    const seen = cursor.k[0] ?? null;
    if (seen === null) return { lastSeenAt: null, id: { [op]: cursor.id } };
    const at = new Date(seen);
    return {
      OR: [
        { lastSeenAt: { [op]: at } },
        { lastSeenAt: at, id: { [op]: cursor.id } },
        { lastSeenAt: null },
      ],
    };
  }
  const equal = (n: number): PrismaWhere =>
    Object.fromEntries(columns.slice(0, n).map((c, i) => [c, toValue(c, cursor.k[i] ?? null)]));
  return {
    OR: [
      ...columns.map((column, i) => ({
        ...equal(i),
        [column]: { [op]: toValue(column, cursor.k[i] ?? null) },
      })),
      { ...equal(columns.length), id: { [op]: cursor.id } },
    ],
  };
}

function orderBy(sort: AccountSort): PrismaWhere[] {
  const dir = sort.direction;
  if (sort.field === 'lastSeenAt') {
    return [{ lastSeenAt: { sort: dir, nulls: 'last' } }, { id: dir }];
  }
  return [...sortColumns[sort.field].map((column) => ({ [column]: dir })), { id: dir }];
}

/** The `where` of a list query, without its cursor. @internal */
export function accountListWhere(query: AccountListQuery): PrismaWhere {
  const { orgId } = query;
  const and: PrismaWhere[] = [{ orgId }, readFilterWhere(orgId, query.readFilter)];
  if (query.statuses !== undefined) and.push({ status: { in: [...query.statuses] } });
  if (query.memberOf !== undefined || query.roles !== undefined) {
    and.push({
      memberships: {
        some: {
          orgId,
          state: 'member',
          ...(query.memberOf === undefined ? {} : { spaceId: query.memberOf }),
          ...(query.roles === undefined ? {} : { role: { in: [...query.roles] } }),
        },
      },
    });
  }
  if (query.groupId !== undefined) {
    and.push({
      memberships: {
        some: { orgId, state: 'member', groups: { some: { orgId, groupId: query.groupId } } },
      },
    });
  }
  const search = query.search?.trim() ?? '';
  if (search !== '') {
    // The keys of the email and of "first last" (which contains every
    // substring of either name), made so that `contains` is literal on every
    // provider: see search-key.ts.
    const key = searchKey(search);
    and.push({ OR: [{ emailSearch: { contains: key } }, { nameSearch: { contains: key } }] });
  }
  return { AND: and };
}

/**
 * `AccountRepository.list` in SQL: one `count` and one keyset-paginated
 * `findMany`, both filtered by the same `where` (the read filter included).
 *
 * @internal
 */
export async function listAccounts(
  delegate: RosterkitModelDelegate,
  query: AccountListQuery,
): Promise<Page<Account>> {
  checkLimit(query.limit);
  if (!(query.sort.field in sortColumns) || !['asc', 'desc'].includes(query.sort.direction)) {
    throw invalid('sort', 'Unknown sort');
  }
  const cursor = readCursor(query);
  const where = accountListWhere(query);
  const total = (await delegate.count({ where })) as number;
  const rows = (await delegate.findMany({
    where: cursor === undefined ? where : { AND: [where, afterCursor(query.sort, cursor)] },
    orderBy: orderBy(query.sort),
    take: query.limit + 1,
  })) as AccountRow[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeCursor({
          s: `${query.sort.field}:${query.sort.direction}`,
          k: sortColumns[query.sort.field].map((column) => keyOf(last, column)),
          id: last.id,
        } satisfies AccountCursor)
      : null;
  return { items: page.map(accountFromRow), nextCursor, total };
}
