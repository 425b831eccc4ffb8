import type { Account, AccountListQuery, Invitation, ListPage, Membership } from '@rosterkit/core';
import { matchesFilter } from '@rosterkit/core';
import {
  type AccountCursor,
  type AccountSortKey,
  accountSortKey,
  checkAccountSort,
  checkPageLimit,
  compareAccountSortKeys,
  decodeAccountCursor,
  encodeAccountCursor,
  matchesSearch,
  readFilterFields,
  searchText,
} from '@rosterkit/core/adapter';
import { AccountListIndexes } from './account-list-index.js';
import { copyRow } from './copy-row.js';
import { firstAfter } from './first-after.js';
import { listIndexedAccounts } from './indexed-account-list.js';
import { key, type TableView } from './table.js';

/** A candidate row, with its sort key. */
interface Row {
  readonly account: Account;
  readonly id: string;
  readonly key: AccountSortKey;
}

/** The tables `list` reads. @internal */
export interface AccountListViews {
  readonly accounts: TableView<Account>;
  readonly memberships: TableView<Membership>;
  readonly invitations: TableView<Invitation>;
}

/**
 * `AccountRepository.list`: over the organization's account-list indexes
 * (`indexed-account-list.ts`) when the transaction has not written to the
 * tables a list reads, else by a full scan over the views, where candidates come from the space
 * or group index when the query names one, otherwise from the organization's
 * accounts; each candidate's memberships come from the account index.
 *
 * @internal
 */
export function listAccounts(views: AccountListViews, query: AccountListQuery): ListPage<Account> {
  checkPageLimit(query.limit);
  checkAccountSort(query.sort);
  const after =
    query.cursor === undefined ? undefined : decodeAccountCursor(query.sort, query.cursor);
  // The indexes hold committed rows: a transaction that has written to the
  // tables a list reads sees its own writes through the full scan instead.
  const indexes = AccountListIndexes.of(views.accounts.table);
  if (
    indexes !== undefined &&
    !views.accounts.changed &&
    !views.memberships.changed &&
    !views.invitations.changed
  ) {
    return listIndexedAccounts(indexes.of(query.orgId), query, after);
  }
  return scanAccounts(views, query, after);
}

/** `list` by a full pass over the candidates of the transaction's views. */
function scanAccounts(
  views: AccountListViews,
  query: AccountListQuery,
  after: AccountCursor | undefined,
): ListPage<Account> {
  const { orgId, sort } = query;

  // The invitees of `memberOf`, when the query includes them.
  const invited: ReadonlySet<string> = new Set(
    query.includeInvited === true && query.memberOf !== undefined
      ? views.invitations
          .rowsBy('pendingIn', key(orgId, query.memberOf))
          .map((invitation) => invitation.accountId)
      : [],
  );
  let candidates: ReadonlySet<string>;
  if (query.groupId !== undefined) {
    candidates = new Set(
      views.memberships.rowsBy('group', key(orgId, query.groupId)).map((m) => m.accountId),
    );
  } else if (query.memberOf !== undefined) {
    candidates = new Set([
      ...views.memberships.rowsBy('space', key(orgId, query.memberOf)).map((m) => m.accountId),
      ...invited,
    ]);
  } else {
    candidates = views.accounts.idsBy('org', orgId);
  }
  const candidateCount = (candidates as ReadonlySet<string>).size;

  const search = searchText(query.search);
  // The read filter sees only the fields it compares: building that small
  // record is much cheaper than copying each account, and memberships are read
  // only when a criterion or the filter needs them.
  const filterFields = [...readFilterFields(query.readFilter)];
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
  const isAfterCursor = (row: Row) =>
    after === undefined || compareAccountSortKeys(sort, row, after) > 0;

  // One pass: count every match, and keep only the first `limit + 1` rows
  // after the cursor, in order (a bounded insertion, not a sort of everything).
  let total = 0;
  let afterCursor = 0;
  const top: Row[] = [];
  const before = (a: Row, b: Row) => compareAccountSortKeys(sort, a, b) < 0;
  for (const id of candidates) {
    const account = views.accounts.get(id);
    if (account === undefined || account.orgId !== orgId) continue;
    if (query.statuses !== undefined && !query.statuses.includes(account.status)) continue;
    if (!matchesSearch(account, search)) continue;
    let current: Membership[] = [];
    if (needsMemberships) {
      current = currentOf(id);
      const invitee = account.status === 'pending' && invited.has(id);
      if (
        query.memberOf !== undefined &&
        !invitee &&
        !current.some((m) => m.spaceId === query.memberOf)
      )
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
    const row: Row = { account, id: account.id, key: accountSortKey(sort.field, account) };
    if (!isAfterCursor(row)) continue;
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
    items: items.map((row) => copyRow(row.account)),
    nextCursor: more && last !== undefined ? encodeAccountCursor(sort, last) : null,
    total: query.total === 'none' ? null : total,
  };
}
