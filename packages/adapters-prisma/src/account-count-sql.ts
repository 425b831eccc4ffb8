import type { AccountListQuery } from '@rosterkit/core';
import { readFilterInOrg, searchText } from '@rosterkit/core/adapter';
import { searchKey } from './search-key.js';

// Prisma sends every `count` as `SELECT COUNT(…) FROM (SELECT … WHERE … LIMIT
// … OFFSET …) AS sub`. PostgreSQL flattens it, the others do not:
// - MariaDB merges the derived table but no longer turns the team's EXISTS
//   (the account's membership of the space) into a semi-join: it tests the
//   subquery on each of the organization's accounts, and a searched team's
//   total took about twice the plain `SELECT COUNT(*)` (280 ms against
//   125 ms at 100,000 accounts), which starts from the team's memberships;
// - SQLite runs the subquery as a coroutine whose every row the outer query
//   steps through: counting a team of 89,000 memberships took 11.7 ms
//   against 3.2 ms for the plain count of the same covering index.
// So on MySQL/MariaDB and SQLite a list's total is the plain statement below
// (backquoted names and `?` placeholders, which both read), for the
// criteria it spells; anything else (a read filter that says more than the
// organization, a group, invitees) keeps Prisma's count.

/** A statement and its bound values. @internal */
export interface CountStatement {
  readonly sql: string;
  readonly values: readonly unknown[];
}

/** `?, ?, …` for `values`, or `NULL` (which matches nothing) when there are none. */
const marks = (values: readonly unknown[]) =>
  values.length === 0 ? 'NULL' : values.map(() => '?').join(', ');

/**
 * The `SELECT COUNT(*)` (MySQL/MariaDB and SQLite) of a space's team, by
 * role or not: the list's total when {@link membershipCountWhere} says the
 * memberships answer it.
 *
 * @internal
 */
export function plainMembershipCount(
  orgId: string,
  spaceId: string,
  roles: readonly string[] | undefined,
): CountStatement {
  const values: unknown[] = [orgId, spaceId];
  let sql =
    "SELECT COUNT(*) AS `total` FROM `rosterkit_memberships` WHERE `orgId` = ? AND `spaceId` = ? AND `state` = 'member'";
  if (roles !== undefined) {
    sql += ` AND \`role\` IN (${marks(roles)})`;
    values.push(...roles);
  }
  return { sql, values };
}

/**
 * The `SELECT COUNT(*)` (MySQL/MariaDB and SQLite) of the accounts `query` selects, when
 * its criteria are only the organization, statuses, a space's team (with
 * roles) or any space's (roles), and a search; `undefined` otherwise. The
 * conditions are those of `accountListWhere` on the same columns, so they
 * compare with the same collations: the same rows are counted.
 *
 * @internal
 */
export function plainAccountCount(query: AccountListQuery): CountStatement | undefined {
  const { orgId, memberOf, roles, statuses } = query;
  if (readFilterInOrg(query.readFilter, orgId).kind !== 'all') return undefined;
  if (query.groupId !== undefined || query.includeInvited === true) return undefined;
  const values: unknown[] = [orgId];
  const where = ['a.`orgId` = ?'];
  if (statuses !== undefined) {
    where.push(`a.\`status\` IN (${marks(statuses)})`);
    values.push(...statuses);
  }
  if (memberOf !== undefined || roles !== undefined) {
    const member = ['m.`orgId` = a.`orgId`', 'm.`accountId` = a.`id`', "m.`state` = 'member'"];
    if (memberOf !== undefined) {
      member.push('m.`spaceId` = ?');
      values.push(memberOf);
    }
    if (roles !== undefined) {
      member.push(`m.\`role\` IN (${marks(roles)})`);
      values.push(...roles);
    }
    where.push(`EXISTS (SELECT 1 FROM \`rosterkit_memberships\` m WHERE ${member.join(' AND ')})`);
  }
  const search = searchText(query.search);
  if (search !== '') {
    // The key holds none of LIKE's special characters (see search-key.ts).
    const pattern = `%${searchKey(search)}%`;
    where.push('(a.`emailSearch` LIKE ? OR a.`nameSearch` LIKE ?)');
    values.push(pattern, pattern);
  }
  return {
    sql: `SELECT COUNT(*) AS \`total\` FROM \`rosterkit_accounts\` a WHERE ${where.join(' AND ')}`,
    values,
  };
}
