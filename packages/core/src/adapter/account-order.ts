import type { Account } from '../model/account.js';
import type { AccountSort } from '../ports/store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { invalidField } from './store-errors.js';
import { compareText, lowerText } from './text.js';

/**
 * What an account is sorted by in an {@link AccountSort}, before the id that
 * breaks ties:
 *
 * | `sort.field` | key |
 * |---|---|
 * | `name` | `[lower-cased firstName, lower-cased lastName]` |
 * | `email` | `[email]` |
 * | `createdAt` | `[epoch ms]` |
 * | `lastSeenAt` | `[epoch ms]`, or `[null]` for an account never seen |
 *
 * A SQL adapter stores the lower-cased names as columns (made by
 * `lowerText`, not the database's `lower()`) and orders by the key's columns,
 * then `id`.
 *
 * @example
 * ```ts
 * import { accountSortKey, type AccountSortKey } from '@rosterkit/core/adapter';
 *
 * const ana = { firstName: 'Ana', lastName: 'Ng', email: 'ana@acme.io', createdAt: new Date(0), lastSeenAt: null };
 * const key: AccountSortKey = accountSortKey('lastSeenAt', ana); // [null]: never seen
 * ```
 */
export type AccountSortKey = readonly (string | number | null)[];

/** The sort fields and directions of {@link AccountSort}. */
const sortFields: ReadonlySet<string> = new Set(['name', 'email', 'createdAt', 'lastSeenAt']);

/**
 * Refuses an {@link AccountSort} the port does not define (`INVALID_INPUT` at
 * `sort`): a store must not fall back to some order of its own.
 *
 * @example
 * ```ts
 * import { checkAccountSort } from '@rosterkit/core/adapter';
 *
 * checkAccountSort({ field: 'email', direction: 'desc' }); // passes
 * ```
 */
export function checkAccountSort(sort: AccountSort): void {
  if (!sortFields.has(sort.field) || (sort.direction !== 'asc' && sort.direction !== 'desc')) {
    throw invalidField('sort', 'Unknown sort');
  }
}

/**
 * The {@link AccountSortKey} of an account for a sort field.
 *
 * @example
 * ```ts
 * import { accountSortKey } from '@rosterkit/core/adapter';
 *
 * accountSortKey('name', { firstName: 'Ana', lastName: 'NG', email: 'ana@acme.io', createdAt: new Date(0), lastSeenAt: null });
 * // ['ana', 'ng']
 * ```
 */
export function accountSortKey(
  field: AccountSort['field'],
  account: Pick<Account, 'firstName' | 'lastName' | 'email' | 'createdAt' | 'lastSeenAt'>,
): AccountSortKey {
  switch (field) {
    case 'name':
      return [lowerText(account.firstName), lowerText(account.lastName)];
    case 'email':
      return [account.email];
    case 'createdAt':
      return [account.createdAt.getTime()];
    case 'lastSeenAt':
      return [account.lastSeenAt === null ? null : account.lastSeenAt.getTime()];
  }
}

function compareKeys(a: AccountSortKey, b: AccountSortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const [x, y] = [a[i], b[i]];
    const order =
      typeof x === 'string' && typeof y === 'string'
        ? compareText(x, y)
        : typeof x === 'number' && typeof y === 'number'
          ? Math.sign(x - y)
          : 0;
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The order of an {@link AccountSort} over (key, id) pairs: the key in the
 * sort's direction, strings by code units, ties by id in the same direction;
 * for `lastSeenAt`, accounts never seen come last in either direction.
 *
 * @returns negative when `a` comes first, positive when `b` does, zero for the same key and id.
 *
 * @example
 * ```ts
 * import { accountSortKey, compareAccountSortKeys } from '@rosterkit/core/adapter';
 *
 * const sort = { field: 'lastSeenAt', direction: 'desc' } as const;
 * const seen = { key: [Date.UTC(2026, 0, 1)], id: 'acc_1' };
 * const never = { key: [null], id: 'acc_2' };
 * compareAccountSortKeys(sort, never, seen); // > 0: never seen comes last, even descending
 * ```
 */
export function compareAccountSortKeys(
  sort: AccountSort,
  a: { readonly key: AccountSortKey; readonly id: string },
  b: { readonly key: AccountSortKey; readonly id: string },
): number {
  if (sort.field === 'lastSeenAt') {
    const [aNever, bNever] = [a.key[0] === null, b.key[0] === null];
    if (aNever !== bNever) return aNever ? 1 : -1;
  }
  const sign = sort.direction === 'asc' ? 1 : -1;
  return sign * (compareKeys(a.key, b.key) || compareText(a.id, b.id));
}

/**
 * Where a page of `accounts.list` ends: the last row's sort key and id.
 *
 * @example
 * ```ts
 * import { type AccountCursor, encodeAccountCursor } from '@rosterkit/core/adapter';
 *
 * const last: AccountCursor = { key: ['ana@acme.io'], id: 'acc_1' };
 * const nextCursor = encodeAccountCursor({ field: 'email', direction: 'asc' }, last);
 * ```
 */
export interface AccountCursor {
  /** The last row's {@link AccountSortKey}. */
  readonly key: AccountSortKey;
  /** The last row's id. */
  readonly id: string;
}

const sortName = (sort: AccountSort) => `${sort.field}:${sort.direction}`;

function isKeyOf(field: AccountSort['field'], key: unknown): key is AccountSortKey {
  if (!Array.isArray(key)) return false;
  const time = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  switch (field) {
    case 'name':
      return key.length === 2 && key.every((part: unknown) => typeof part === 'string');
    case 'email':
      return key.length === 1 && typeof key[0] === 'string';
    case 'createdAt':
      return key.length === 1 && time(key[0]);
    case 'lastSeenAt':
      return key.length === 1 && (key[0] === null || time(key[0]));
  }
}

/**
 * Encodes the cursor of a page of `accounts.list` sorted by `sort`: the sort
 * itself (so that a cursor of another sort is refused), the last row's key
 * and its id.
 *
 * @example
 * ```ts
 * import { accountSortKey, encodeAccountCursor } from '@rosterkit/core/adapter';
 *
 * const sort = { field: 'email', direction: 'asc' } as const;
 * const last = { id: 'acc_9', email: 'zed@acme.io', firstName: 'Zed', lastName: 'Ray', createdAt: new Date(0), lastSeenAt: null };
 * const nextCursor = encodeAccountCursor(sort, { key: accountSortKey(sort.field, last), id: last.id });
 * ```
 */
export function encodeAccountCursor(sort: AccountSort, last: AccountCursor): string {
  return encodeCursor({ s: sortName(sort), k: last.key, id: last.id });
}

/**
 * Decodes a cursor written by {@link encodeAccountCursor} for the same sort.
 * The next page holds the rows strictly after it in the sort's order
 * ({@link compareAccountSortKeys}): keyset pagination, so pages stay put when
 * rows are added before the cursor.
 *
 * @throws `INVALID_INPUT` at `cursor` for anything else, a cursor of another
 * sort field or direction included.
 *
 * @example
 * ```ts
 * import { decodeAccountCursor, encodeAccountCursor } from '@rosterkit/core/adapter';
 *
 * const sort = { field: 'createdAt', direction: 'desc' } as const;
 * const cursor = encodeAccountCursor(sort, { key: [Date.UTC(2026, 0, 1)], id: 'acc_9' });
 * const { key, id } = decodeAccountCursor(sort, cursor);
 * // decodeAccountCursor({ field: 'createdAt', direction: 'asc' }, cursor) throws INVALID_INPUT
 * ```
 */
export function decodeAccountCursor(sort: AccountSort, cursor: string): AccountCursor {
  const decoded = decodeCursor(
    cursor,
    (value): value is { s: string; k: AccountSortKey; id: string } => {
      const c = value as { s?: unknown; k?: unknown; id?: unknown } | null;
      return (
        typeof c === 'object' &&
        c !== null &&
        c.s === sortName(sort) &&
        typeof c.id === 'string' &&
        isKeyOf(sort.field, c.k)
      );
    },
  );
  return { key: decoded.k, id: decoded.id };
}
