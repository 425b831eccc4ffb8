import {
  type Account,
  type AccountListQuery,
  type AccountSort,
  type Membership,
  matchesFilter,
} from '@rosterkit/core';

// The meaning of AccountRepository.list written as plainly as possible, for the
// property test to compare a store against: filter everything, sort, no pages.

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBySort(sort: AccountSort, a: Account, b: Account): number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  let primary = 0;
  switch (sort.field) {
    case 'name':
      primary =
        compareText(a.firstName.toLowerCase(), b.firstName.toLowerCase()) ||
        compareText(a.lastName.toLowerCase(), b.lastName.toLowerCase());
      break;
    case 'email':
      primary = compareText(a.email, b.email);
      break;
    case 'createdAt':
      primary = a.createdAt.getTime() - b.createdAt.getTime();
      break;
    case 'lastSeenAt':
      if (a.lastSeenAt === null && b.lastSeenAt !== null) return 1;
      if (a.lastSeenAt !== null && b.lastSeenAt === null) return -1;
      primary =
        a.lastSeenAt === null || b.lastSeenAt === null
          ? 0
          : a.lastSeenAt.getTime() - b.lastSeenAt.getTime();
      break;
  }
  return sign * (Math.sign(primary) || compareText(a.id, b.id));
}

/** Every account of `query.orgId` that matches `query`, in its order (cursor and limit ignored). */
export function referenceAccountList(
  accounts: readonly Account[],
  memberships: readonly Membership[],
  query: AccountListQuery,
): Account[] {
  const search = query.search?.trim().toLowerCase() ?? '';
  return accounts
    .filter((account) => {
      if (account.orgId !== query.orgId) return false;
      const current = memberships.filter(
        (m) => m.orgId === query.orgId && m.accountId === account.id && m.state === 'member',
      );
      if (query.statuses && !query.statuses.includes(account.status)) return false;
      if (query.memberOf !== undefined && !current.some((m) => m.spaceId === query.memberOf)) {
        return false;
      }
      if (
        query.roles &&
        !current.some(
          (m) =>
            (query.memberOf === undefined || m.spaceId === query.memberOf) &&
            query.roles?.includes(m.role),
        )
      ) {
        return false;
      }
      if (query.groupId !== undefined) {
        const groupId = query.groupId;
        if (!current.some((m) => m.groupIds.includes(groupId))) return false;
      }
      if (search !== '') {
        const texts = [
          account.email,
          account.firstName,
          account.lastName,
          `${account.firstName} ${account.lastName}`,
        ];
        if (!texts.some((text) => text.toLowerCase().includes(search))) return false;
      }
      return matchesFilter(query.readFilter, {
        ...account,
        roles: current.map((m) => m.role),
        spaceIds: current.map((m) => m.spaceId),
      });
    })
    .sort((a, b) => compareBySort(query.sort, a, b));
}
