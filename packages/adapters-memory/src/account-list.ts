import {
  type Account,
  type AccountListQuery,
  type AccountSort,
  type Membership,
  matchesFilter,
  type Page,
} from '@rosterkit/core';
import { compareText, decodeCursor, encodeCursor } from './cursor.js';
import { checkLimit } from './errors.js';
import { key, type TableView } from './table.js';

type SortValue = string | number | null | readonly [string, string];

interface AccountCursor {
  /** `field:direction` of the sort the cursor belongs to. */
  readonly s: string;
  /** The last row's sort value. */
  readonly v: SortValue;
  /** The last row's id. */
  readonly id: string;
}

function sortValue(field: AccountSort['field'], account: Account): SortValue {
  switch (field) {
    case 'name':
      return [account.firstName.toLowerCase(), account.lastName.toLowerCase()];
    case 'email':
      return account.email;
    case 'createdAt':
      return account.createdAt.getTime();
    case 'lastSeenAt':
      return account.lastSeenAt === null ? null : account.lastSeenAt.getTime();
  }
}

function isSortValue(field: AccountSort['field'], value: unknown): value is SortValue {
  switch (field) {
    case 'name':
      return (
        Array.isArray(value) &&
        value.length === 2 &&
        value.every((part: unknown) => typeof part === 'string')
      );
    case 'email':
      return typeof value === 'string';
    case 'createdAt':
      return typeof value === 'number' && Number.isFinite(value);
    case 'lastSeenAt':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
  }
}

function comparePrimary(a: SortValue, b: SortValue): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    return compareText(a[0], b[0]) || compareText(a[1], b[1]);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return 0;
}

// The order of AccountSort: the field in the direction, ties by id in the same
// direction; for lastSeenAt, never-seen accounts last in either direction.
function compare(sort: AccountSort, a: SortValue, aId: string, b: SortValue, bId: string): number {
  if (sort.field === 'lastSeenAt' && (a === null) !== (b === null)) return a === null ? 1 : -1;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return sign * (comparePrimary(a, b) || compareText(aId, bId));
}

/** The tables `list` reads. @internal */
export interface AccountListViews {
  readonly accounts: TableView<Account>;
  readonly memberships: TableView<Membership>;
}

/**
 * `AccountRepository.list` over the indexes: candidates come from the space
 * or group index when the query names one, otherwise from the organization's
 * accounts; each candidate's memberships come from the account index.
 *
 * @internal
 */
export function listAccounts(views: AccountListViews, query: AccountListQuery): Page<Account> {
  checkLimit(query.limit);
  const { orgId, sort } = query;
  const sortName = `${sort.field}:${sort.direction}`;
  const after =
    query.cursor === undefined
      ? undefined
      : decodeCursor(query.cursor, (value): value is AccountCursor => {
          const cursor = value as Partial<AccountCursor> | null;
          return (
            typeof cursor === 'object' &&
            cursor !== null &&
            cursor.s === sortName &&
            typeof cursor.id === 'string' &&
            isSortValue(sort.field, cursor.v)
          );
        });

  let candidates: ReadonlySet<string>;
  if (query.groupId !== undefined) {
    candidates = new Set(
      views.memberships.rowsBy('group', key(orgId, query.groupId)).map((m) => m.accountId),
    );
  } else if (query.memberOf !== undefined) {
    candidates = new Set(
      views.memberships.rowsBy('space', key(orgId, query.memberOf)).map((m) => m.accountId),
    );
  } else {
    candidates = views.accounts.idsBy('org', orgId);
  }
  const candidateCount = (candidates as ReadonlySet<string>).size;

  const search = query.search?.trim().toLowerCase() ?? '';
  // The read filter sees only the fields it compares: building that small
  // record is much cheaper than copying each account, and memberships are read
  // only when a criterion or the filter needs them.
  const filterFields = [...fieldsOf(query.readFilter)];
  const needsMemberships =
    query.memberOf !== undefined ||
    query.roles !== undefined ||
    query.groupId !== undefined ||
    filterFields.includes('roles') ||
    filterFields.includes('spaceIds');
  // An account's current memberships: looked up one by one for a few
  // candidates, or grouped in one pass over the organization's memberships
  // when the candidates are many (a lookup per row costs more than the pass).
  let grouped: Map<string, Membership[]> | undefined;
  const currentOf = (accountId: string): Membership[] => {
    if (grouped === undefined && candidateCount > 1_000) {
      grouped = new Map();
      for (const membership of views.memberships.rowsBy('org', orgId)) {
        if (membership.state !== 'member') continue;
        const list = grouped.get(membership.accountId);
        if (list === undefined) grouped.set(membership.accountId, [membership]);
        else list.push(membership);
      }
    }
    if (grouped !== undefined) return grouped.get(accountId) ?? [];
    return views.memberships
      .rowsBy('account', key(orgId, accountId))
      .filter((membership) => membership.state === 'member');
  };
  const isAfterCursor = (value: SortValue, id: string) =>
    after === undefined || compare(sort, value, id, after.v, after.id) > 0;

  // One pass: count every match, and keep only the first `limit + 1` rows
  // after the cursor, in order (a bounded insertion, not a sort of everything).
  let total = 0;
  let afterCursor = 0;
  const top: { account: Account; value: SortValue }[] = [];
  const before = (
    a: { account: Account; value: SortValue },
    b: { account: Account; value: SortValue },
  ) => compare(sort, a.value, a.account.id, b.value, b.account.id) < 0;
  for (const id of candidates) {
    const account = views.accounts.get(id);
    if (account === undefined || account.orgId !== orgId) continue;
    if (query.statuses !== undefined && !query.statuses.includes(account.status)) continue;
    if (search !== '' && !matchesSearch(account, search)) continue;
    let current: Membership[] = [];
    if (needsMemberships) {
      current = currentOf(id);
      if (query.memberOf !== undefined && !current.some((m) => m.spaceId === query.memberOf))
        continue;
      if (
        query.roles !== undefined &&
        !current.some(
          (m) =>
            (query.memberOf === undefined || m.spaceId === query.memberOf) &&
            query.roles?.includes(m.role) === true,
        )
      ) {
        continue;
      }
      const { groupId } = query;
      if (groupId !== undefined && !current.some((m) => m.groupIds.includes(groupId))) continue;
    }
    const record: Record<string, unknown> = {};
    for (const field of filterFields) {
      if (field === 'roles') record.roles = current.map((m) => m.role);
      else if (field === 'spaceIds') record.spaceIds = current.map((m) => m.spaceId);
      else if (Object.hasOwn(account, field)) record[field] = account[field as keyof Account];
    }
    if (!matchesFilter(query.readFilter, record)) continue;
    total += 1;
    const row = { account, value: sortValue(sort.field, account) };
    if (!isAfterCursor(row.value, account.id)) continue;
    afterCursor += 1;
    const worst = top.at(-1);
    if (top.length > query.limit && worst !== undefined && !before(row, worst)) continue;
    top.splice(
      firstAfter(top, (kept) => before(row, kept)),
      0,
      row,
    );
    if (top.length > query.limit + 1) top.pop();
  }

  const items = top.slice(0, query.limit);
  const last = items.at(-1);
  const more = afterCursor > items.length;
  return {
    items: items.map((row) => structuredClone(row.account)),
    nextCursor:
      more && last !== undefined
        ? encodeCursor({ s: sortName, v: last.value, id: last.account.id } satisfies AccountCursor)
        : null,
    total,
  };
}

/** Every field a read filter compares. */
function fieldsOf(filter: AccountListQuery['readFilter'], into = new Set<string>()): Set<string> {
  switch (filter.kind) {
    case 'and':
    case 'or':
      for (const child of filter.filters) fieldsOf(child, into);
      break;
    case 'not':
      fieldsOf(filter.filter, into);
      break;
    case 'field':
      into.add(filter.field);
      break;
  }
  return into;
}

function matchesSearch(account: Account, search: string): boolean {
  return (
    account.email.toLowerCase().includes(search) ||
    account.firstName.toLowerCase().includes(search) ||
    account.lastName.toLowerCase().includes(search) ||
    `${account.firstName} ${account.lastName}`.toLowerCase().includes(search)
  );
}

/** The index of the first element for which `isAfter` holds, in a list sorted so that it holds for a suffix. @internal */
export function firstAfter<T>(sorted: readonly T[], isAfter: (row: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const row = sorted[middle] as T;
    if (isAfter(row)) high = middle;
    else low = middle + 1;
  }
  return low;
}
