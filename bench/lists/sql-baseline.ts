// The hand-written equivalent of a Team page (listMembers, sorted by name):
// the page, its total and the page's memberships, in the SQL of each
// provider, written as well as we know how with the indexes the migrations
// create: the total on memberships alone when no account-level criterion
// applies, the page by the (orgId, firstNameKey, lastNameKey, id) index with
// a keyset condition for later pages.

/** One of the three SQL providers. */
export type Dialect = 'postgresql' | 'mysql' | 'sqlite';

/** The criteria a bench case sets (a subset of the list input). */
export interface PageCase {
  readonly search?: string;
  readonly statuses?: readonly string[];
  readonly roles?: readonly string[];
  /** The sort key and id of the last row of the previous page. */
  readonly after?: { firstNameKey: string; lastNameKey: string; id: string };
}

/** A statement with its positional values. */
export interface Statement {
  readonly sql: string;
  readonly values: unknown[];
}

/** The three statements of a page, the third taking the page's ids. */
export interface PageStatements {
  readonly count: Statement;
  readonly page: Statement;
  readonly memberships: (ids: readonly string[]) => Statement;
}

// The bench's terms hold none of % _ \ (the adapter's search keys replace them).
const like = (term: string) => `%${term}%`;

/** The statements of one page of the Team `teamId` of `orgId`. */
export function pageStatements(
  dialect: Dialect,
  c: PageCase,
  ids: { orgId: string; teamId: string },
  limit: number,
): PageStatements {
  const q = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  // Each statement numbers its own parameters.
  const build = () => {
    const values: unknown[] = [];
    const p = (value: unknown) => {
      values.push(value);
      return dialect === 'postgresql' ? `$${values.length}` : '?';
    };
    const list = (xs: readonly unknown[]) => xs.map(p).join(', ');
    return { values, p, list };
  };
  const memberCondition = (b: ReturnType<typeof build>, m: string) =>
    `${m}.${q('spaceId')} = ${b.p(ids.teamId)} AND ${m}.${q('state')} = 'member'${
      c.roles === undefined ? '' : ` AND ${m}.${q('role')} IN (${b.list(c.roles)})`
    }`;
  const accountWhere = (b: ReturnType<typeof build>, keyset: boolean) => {
    const where = [`a.${q('orgId')} = ${b.p(ids.orgId)}`];
    where.push(
      `EXISTS (SELECT 1 FROM rosterkit_memberships m WHERE m.${q('orgId')} = a.${q('orgId')} AND m.${q('accountId')} = a.${q('id')} AND ${memberCondition(b, 'm')})`,
    );
    if (c.statuses !== undefined) where.push(`a.${q('status')} IN (${b.list(c.statuses)})`);
    const term = c.search?.trim().toLowerCase() ?? '';
    if (term !== '') {
      where.push(
        `(a.${q('emailSearch')} LIKE ${b.p(like(term))} OR a.${q('nameSearch')} LIKE ${b.p(like(term))})`,
      );
    }
    if (keyset && c.after !== undefined) {
      where.push(
        `(a.${q('firstNameKey')}, a.${q('lastNameKey')}, a.${q('id')}) > (${b.p(c.after.firstNameKey)}, ${b.p(c.after.lastNameKey)}, ${b.p(c.after.id)})`,
      );
    }
    return where.join(' AND ');
  };
  const accountLevel = c.statuses !== undefined || (c.search?.trim() ?? '') !== '';
  const countB = build();
  const count = accountLevel
    ? `SELECT count(*) AS total FROM rosterkit_accounts a WHERE ${accountWhere(countB, false)}`
    : `SELECT count(*) AS total FROM rosterkit_memberships m WHERE m.${q('orgId')} = ${countB.p(ids.orgId)} AND ${memberCondition(countB, 'm')}`;
  const pageB = build();
  const page = `SELECT a.* FROM rosterkit_accounts a WHERE ${accountWhere(pageB, true)} ORDER BY a.${q('firstNameKey')}, a.${q('lastNameKey')}, a.${q('id')} LIMIT ${pageB.p(limit + 1)}`;
  return {
    count: { sql: count, values: countB.values },
    page: { sql: page, values: pageB.values },
    memberships: (pageIds) => {
      const b = build();
      return {
        sql: `SELECT * FROM rosterkit_memberships WHERE ${q('orgId')} = ${b.p(ids.orgId)} AND ${q('accountId')} IN (${pageIds.length === 0 ? 'NULL' : b.list(pageIds)})`,
        values: b.values,
      };
    },
  };
}
