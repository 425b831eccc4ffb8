import type { Account, AccountListQuery, ListPage } from '@rosterkit/core';
import { matchesFilter } from '@rosterkit/core';
import {
  type AccountCursor,
  compareAccountSortKeys,
  encodeAccountCursor,
  readFilterFields,
  readFilterInOrg,
  searchText,
} from '@rosterkit/core/adapter';
import type { OrganizationAccounts } from './account-list-index.js';
import { copyRow } from './copy-row.js';
import { firstAfter } from './first-after.js';
import { entryMatchesSearch, entrySortKey, type ListEntry, textSeparator } from './list-entry.js';

type Criterion = 'statuses' | 'search' | 'memberOf' | 'roles' | 'groupId' | 'readFilter';

/** Where a list's candidates come from: ids that hold one criterion (`implies`), each once. */
interface Source {
  readonly ids: Iterable<string>;
  /** How many ids there are, exactly. */
  readonly size: number;
  /** The criterion every id holds, and every account holding it is among the ids; `undefined`: none. */
  readonly implies: Criterion | undefined;
  /** Whether the ids are every account of the organization. */
  readonly every?: true;
}

// Thresholds relative to the organization's size, the same at 50 accounts
// (the tests) as at 100,000: a haystack's `includes` costs a fraction of a
// candidate's full test, and walking the sorted order from the cursor visits
// about `limit * all / candidates` accounts.
const fewPerAll = 16;

interface Row {
  readonly entry: ListEntry;
  readonly key: AccountCursor['key'];
  readonly id: string;
}

function* union(sets: readonly ReadonlySet<string>[]): Generator<string> {
  if (sets.length === 1) {
    yield* sets[0] as ReadonlySet<string>;
    return;
  }
  const seen = new Set<string>();
  for (const ids of sets) {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      yield id;
    }
  }
}

function unionSize(sets: readonly ReadonlySet<string>[]): number {
  if (sets.length === 1) return (sets[0] as ReadonlySet<string>).size;
  return new Set(union(sets)).size;
}

/** The candidate sources the query's criteria offer, each exact for its criterion. */
function sources(org: OrganizationAccounts, query: AccountListQuery, search: string): Source[] {
  const found: Source[] = [];
  const { memberOf, groupId, roles, statuses } = query;
  if (groupId !== undefined) {
    const ids = org.byGroup(groupId);
    found.push({ ids, size: ids.size, implies: 'groupId' });
  }
  if (statuses !== undefined) {
    // Statuses are disjoint: the sets' sizes add up.
    const sets = [...new Set(statuses)].map((status) => org.byStatus(status));
    found.push({
      ids: union(sets),
      size: sets.reduce((sum, ids) => sum + ids.size, 0),
      implies: 'statuses',
    });
  }
  if (roles !== undefined) {
    const sets = [...new Set(roles)].map((role) => org.byRole(role));
    // Held in any space: with memberOf, the role must be held there, which
    // the candidates do not imply.
    found.push({
      ids: union(sets),
      size: unionSize(sets),
      implies: memberOf === undefined ? 'roles' : undefined,
    });
  }
  if (memberOf !== undefined) {
    const members = org.bySpace(memberOf);
    const invitees =
      query.includeInvited === true
        ? [...org.invitedIn(memberOf)].filter(
            (id) => !members.has(id) && org.entries.get(id)?.account.status === 'pending',
          )
        : [];
    found.push({
      ids: invitees.length === 0 ? members : union([members, new Set(invitees)]),
      size: members.size + invitees.length,
      implies: 'memberOf',
    });
  }
  // A search scans every account's haystack: worth it unless another index
  // already leaves few candidates to test one by one.
  const fewest = Math.min(org.entries.size, ...found.map((source) => source.size));
  if (search !== '' && !search.includes(textSeparator) && fewest * fewPerAll > org.entries.size) {
    const entries = org.searched(search);
    found.push({ ids: entries.map((entry) => entry.id), size: entries.length, implies: 'search' });
  }
  return found;
}

/**
 * `AccountRepository.list` over an organization's {@link OrganizationAccounts}:
 * the same rows, order, cursor and total as the full scan of `account-list.ts`.
 *
 * The candidates come from the smallest index a criterion offers (a group, a
 * status, a role, a space's members), else every account. When no other
 * criterion remains, the total is that index's size and the page is read off
 * the sorted order from the cursor (or off the candidates, when they are few):
 * no scan. Otherwise the candidates are tested one by one, on entries worked
 * out in advance (a search looks in lower-cased texts made once per change of
 * the account); many candidates are walked in sorted order, so the page needs
 * no sort.
 *
 * @internal
 */
export function listIndexedAccounts(
  org: OrganizationAccounts,
  query: AccountListQuery,
  after: AccountCursor | undefined,
): ListPage<Account> {
  const { sort, memberOf, groupId, roles, statuses } = query;
  // Every row here is of the organization: its conditions on `orgId` are decided.
  const readFilter = readFilterInOrg(query.readFilter, query.orgId);
  if (readFilter.kind === 'none') {
    return { items: [], nextCursor: null, total: query.total === 'none' ? null : 0 };
  }
  const search = searchText(query.search);
  const includeInvited = query.includeInvited === true && memberOf !== undefined;
  const filterFields = [...readFilterFields(readFilter)];
  const trivialFilter = readFilter.kind === 'all';

  const criteria: Criterion[] = [];
  if (statuses !== undefined) criteria.push('statuses');
  if (search !== '') criteria.push('search');
  if (memberOf !== undefined) criteria.push('memberOf');
  if (roles !== undefined) criteria.push('roles');
  if (groupId !== undefined) criteria.push('groupId');
  if (!trivialFilter) criteria.push('readFilter');

  const matches = (entry: ListEntry): boolean => {
    const { account, memberships } = entry;
    if (statuses !== undefined && !statuses.includes(account.status)) return false;
    if (!entryMatchesSearch(entry, search)) return false;
    if (memberOf !== undefined) {
      const invitee =
        includeInvited && account.status === 'pending' && entry.invitedTo.includes(memberOf);
      if (!invitee && !memberships.some((m) => m.spaceId === memberOf)) return false;
    }
    if (
      roles !== undefined &&
      !memberships.some(
        (m) => (memberOf === undefined || m.spaceId === memberOf) && roles.includes(m.role),
      )
    ) {
      return false;
    }
    if (groupId !== undefined && !memberships.some((m) => m.groupIds.includes(groupId))) {
      return false;
    }
    if (trivialFilter) return true;
    const record: Record<string, unknown> = {};
    for (const field of filterFields) {
      if (field === 'roles') record.roles = memberships.map((m) => m.role);
      else if (field === 'spaceIds') record.spaceIds = memberships.map((m) => m.spaceId);
      else if (Object.hasOwn(account, field)) record[field] = account[field as keyof Account];
    }
    return matchesFilter(readFilter, record);
  };

  const all = org.entries.size;
  const source = sources(org, query, search).reduce<Source>(
    (best, next) => (next.size < best.size ? next : best),
    { ids: org.entries.keys(), size: all, implies: undefined, every: true },
  );
  const countFree = criteria.every((criterion) => criterion === source.implies);
  const wantTotal = query.total !== 'none';

  let page: Row[];
  let more: boolean;
  let total: number | null = null;
  if (countFree || !wantTotal) {
    // Read off the sorted order from the cursor, unless the candidates are
    // so few that testing them all costs less than walking past the others.
    if (source.every === true || source.size * fewPerAll >= all) {
      ({ page, more } = walk(org, query, after, matches, false));
    } else ({ page, more } = scan(source, org, query, after, matches));
    if (wantTotal) total = source.size;
  } else if (source.every === true || source.size * 4 > all) {
    ({ page, more, total } = walk(org, query, after, matches, true));
  } else {
    let count: number;
    ({ page, more, count } = scan(source, org, query, after, matches));
    total = count;
  }
  const last = page.at(-1);
  return {
    items: page.map((row) => copyRow(row.entry.account)),
    nextCursor: more && last !== undefined ? encodeAccountCursor(sort, last) : null,
    total,
  };
}

/**
 * The page read off the sorted order: from the cursor on, or (`count`) from
 * the start, counting every match, taking those after the cursor.
 */
function walk(
  org: OrganizationAccounts,
  query: AccountListQuery,
  after: AccountCursor | undefined,
  matches: (entry: ListEntry) => boolean,
  count: boolean,
): { page: Row[]; more: boolean; total: number } {
  const { sort, limit } = query;
  const order = org.order(sort.field);
  const start = order.firstAfter(sort, after);
  const found: Row[] = [];
  let total = 0;
  for (let i = count ? 0 : start; i < order.size; i += 1) {
    const item = order.at(sort, i);
    if (!matches(item.entry)) continue;
    total += 1;
    if (i < start || found.length > limit) continue;
    found.push({ entry: item.entry, key: item.key, id: item.id });
    if (!count && found.length > limit) break;
  }
  return { page: found.slice(0, limit), more: found.length > limit, total };
}

/**
 * The page of a few candidates: each tested, counted, and the first
 * `limit + 1` after the cursor kept in order by a bounded insertion.
 */
function scan(
  source: Source,
  org: OrganizationAccounts,
  query: AccountListQuery,
  after: AccountCursor | undefined,
  matches: (entry: ListEntry) => boolean,
): { page: Row[]; more: boolean; count: number } {
  const { sort, limit } = query;
  const before = (a: Row, b: Row) => compareAccountSortKeys(sort, a, b) < 0;
  const top: Row[] = [];
  let count = 0;
  let afterCursor = 0;
  for (const id of source.ids) {
    const entry = org.entries.get(id);
    if (entry === undefined || !matches(entry)) continue;
    count += 1;
    const row: Row = { entry, key: entrySortKey(entry, sort.field), id };
    if (after !== undefined && compareAccountSortKeys(sort, row, after) <= 0) continue;
    afterCursor += 1;
    const worst = top.at(-1);
    if (top.length > limit && worst !== undefined && !before(row, worst)) continue;
    top.splice(
      firstAfter(top, (kept) => before(row, kept)),
      0,
      row,
    );
    if (top.length > limit + 1) top.pop();
  }
  return { page: top.slice(0, limit), more: afterCursor > limit, count };
}
