import type { Account, AccountListQuery, AccountSort, ListPage } from '@rosterkit/core';
import {
  type AccountCursor,
  type AccountSortKey,
  accountSortKey,
  checkAccountSort,
  checkPageLimit,
  decodeAccountCursor,
  encodeAccountCursor,
  readFilterInOrg,
  searchText,
} from '@rosterkit/core/adapter';
import {
  type CountStatement,
  plainAccountCount,
  plainMembershipCount,
} from './account-count-sql.js';
import type { RosterkitModelDelegate } from './client.js';
import { type PrismaWhere, readFilterWhere } from './read-filter-where.js';
import { type AccountRow, accountFromRow } from './rows.js';
import { searchKey } from './search-key.js';

// The columns each sort orders by, before the id that breaks ties: the
// columns of the kit's sort key (the names' lower-cased keys are stored).
const sortColumns: Readonly<Record<AccountSort['field'], readonly string[]>> = {
  name: ['firstNameKey', 'lastNameKey'],
  email: ['email'],
  createdAt: ['createdAt'],
  lastSeenAt: ['lastSeenAt'],
};

const isDateColumn = (column: string) => column === 'createdAt' || column === 'lastSeenAt';

const toValue = (column: string, key: AccountSortKey[number] | undefined = null) =>
  key !== null && isDateColumn(column) ? new Date(key) : key;

// The rows after the cursor's in the sort: a later key, or the same key and a
// later id. For lastSeenAt, never-seen rows come after every seen one.
function afterCursor(sort: AccountSort, cursor: AccountCursor): PrismaWhere {
  const op = sort.direction === 'asc' ? 'gt' : 'lt';
  const columns = sortColumns[sort.field];
  if (sort.field === 'lastSeenAt') {
    const seen = cursor.key[0] ?? null;
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
    Object.fromEntries(columns.slice(0, n).map((c, i) => [c, toValue(c, cursor.key[i])]));
  const [first] = columns as [string, ...string[]];
  return {
    // Implied by the OR below, but an index can start at it: without it the
    // planners read the sort index from its start and filter the rows of
    // every earlier page (page 21 read 1,050 rows to return 51).
    [first]: { [`${op}e`]: toValue(first, cursor.key[0]) },
    OR: [
      ...columns.map((column, i) => ({
        ...equal(i),
        [column]: { [op]: toValue(column, cursor.key[i]) },
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
  const and: PrismaWhere[] = [{ orgId }];
  // The read filter as it reads in this organization: an administrator's
  // (`orgId = theirs`, or'ed with narrower grants) comes down to `all` and
  // adds nothing. Sent as written, its OR of EXISTS subqueries is one the
  // planners cannot drop, and MariaDB then tests it on every row a search
  // reads (a searched count took 1.5 times the hand-written one).
  const filter = readFilterInOrg(query.readFilter, orgId);
  if (filter.kind !== 'all') and.push(readFilterWhere(orgId, filter));
  if (query.statuses !== undefined) and.push({ status: { in: [...query.statuses] } });
  if (query.memberOf !== undefined || query.roles !== undefined) {
    const members = {
      memberships: {
        some: {
          orgId,
          state: 'member',
          ...(query.memberOf === undefined ? {} : { spaceId: query.memberOf }),
          ...(query.roles === undefined ? {} : { role: { in: [...query.roles] } }),
        },
      },
    };
    // The invitees of the space too: pending accounts with a pending invitation into it.
    const invitees =
      query.includeInvited === true && query.memberOf !== undefined && query.roles === undefined
        ? {
            status: 'pending',
            invitations: { some: { orgId, spaceId: query.memberOf, status: 'pending' } },
          }
        : undefined;
    and.push(invitees === undefined ? members : { OR: [members, invitees] });
  }
  if (query.groupId !== undefined) {
    and.push({
      memberships: {
        some: { orgId, state: 'member', groups: { some: { orgId, groupId: query.groupId } } },
      },
    });
  }
  const search = searchText(query.search);
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
 * The `where` on memberships whose count is the list's total, when one
 * exists: a space's team (`memberOf`, one membership per account and space:
 * the unique key), optionally by role, with no criterion on the account's own
 * fields (status, search, a read filter that says more than the
 * organization) and no group (a group is matched on any membership). Then the
 * count is an index scan of memberships instead of a join of both tables.
 * `undefined` otherwise.
 *
 * @internal
 */
export function membershipCountWhere(query: AccountListQuery): PrismaWhere | undefined {
  const { orgId, memberOf, roles } = query;
  if (memberOf === undefined || query.groupId !== undefined) return undefined;
  // Pending invitees are listed without a membership: only accounts count them.
  if (query.includeInvited === true) return undefined;
  if (query.statuses !== undefined || searchText(query.search) !== '') return undefined;
  if (readFilterInOrg(query.readFilter, orgId).kind !== 'all') return undefined;
  return {
    orgId,
    spaceId: memberOf,
    state: 'member',
    ...(roles === undefined ? {} : { role: { in: [...roles] } }),
  };
}

/** The list's total, on the narrowest table that answers it (see {@link membershipCountWhere}). */
async function countOf(
  delegates: ListDelegates,
  query: AccountListQuery,
  where: PrismaWhere,
): Promise<number> {
  const narrow = membershipCountWhere(query);
  // MySQL/MariaDB and SQLite: a plain SELECT COUNT(*) (see account-count-sql.ts).
  if (narrow !== undefined && delegates.plainCount !== undefined && query.memberOf !== undefined) {
    return delegates.plainCount(plainMembershipCount(query.orgId, query.memberOf, query.roles));
  }
  // Prisma's count: of a subquery that selects what `select` names, the id
  // by default, which is in no index but the primary key's (on SQLite the
  // secondary indexes hold the rowid, not the text id, so every counted row
  // was read from the table). `role` is in the memberships' (orgId, spaceId,
  // state, role) index and `orgId` in every index of accounts, both NOT
  // NULL: counting them counts the rows, and a team's count is an index-only
  // scan wherever the planner drops the subquery's other columns.
  if (narrow !== undefined) {
    const counted = await delegates.memberships.count({ where: narrow, select: { role: true } });
    return (counted as { role: number }).role;
  }
  if (readFilterInOrg(query.readFilter, query.orgId).kind === 'none') return 0;
  const plain = delegates.plainCount === undefined ? undefined : plainAccountCount(query);
  if (plain !== undefined && delegates.plainCount !== undefined) return delegates.plainCount(plain);
  const counted = await delegates.accounts.count({ where, select: { orgId: true } });
  return (counted as { orgId: number }).orgId;
}

/** The models a list reads. @internal */
export interface ListDelegates {
  readonly accounts: RosterkitModelDelegate;
  readonly memberships: RosterkitModelDelegate;
  /**
   * Runs a plain count statement (see account-count-sql.ts): given on
   * MySQL/MariaDB and SQLite when the store may send raw statements to
   * rosterkit's tables (`batchInserts: 'raw'`: the tables in the
   * connection's own database).
   */
  readonly plainCount?: (statement: CountStatement) => Promise<number>;
}

/**
 * `AccountRepository.list` in SQL: a `count` (on memberships when they
 * answer it, skipped when `query.total` is `'none'`) and one
 * keyset-paginated `findMany`, filtered by the same criteria (the read
 * filter included).
 *
 * @internal
 */
export async function listAccounts(
  delegates: ListDelegates,
  query: AccountListQuery,
): Promise<ListPage<Account>> {
  checkPageLimit(query.limit);
  checkAccountSort(query.sort);
  const cursor =
    query.cursor === undefined ? undefined : decodeAccountCursor(query.sort, query.cursor);
  const where = accountListWhere(query);
  const delegate = delegates.accounts;
  const total = query.total === 'none' ? null : await countOf(delegates, query, where);
  const rows = (await delegate.findMany({
    where: cursor === undefined ? where : { AND: [where, afterCursor(query.sort, cursor)] },
    orderBy: orderBy(query.sort),
    take: query.limit + 1,
  })) as AccountRow[];
  const items = rows.slice(0, query.limit).map(accountFromRow);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeAccountCursor(query.sort, {
          key: accountSortKey(query.sort.field, last),
          id: last.id,
        })
      : null;
  return { items, nextCursor, total };
}
