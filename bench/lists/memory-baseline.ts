// The memory store's baseline: one hand-written JS pass over the same plain
// objects, with the best structure a host would build by hand (the team's
// memberships as an array, accounts in a Map): filter, count, and keep the
// top `limit + 1` rows after the cursor by a bounded insertion.
import type { Account, Membership } from '@rosterkit/core';
import type { Dataset } from './data.js';
import type { PageResult } from './main.js';
import type { PageCase } from './sql-baseline.js';

interface Row {
  readonly first: string;
  readonly last: string;
  readonly id: string;
}

const compare = (a: Row, b: Row) =>
  a.first < b.first
    ? -1
    : a.first > b.first
      ? 1
      : a.last < b.last
        ? -1
        : a.last > b.last
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0;

/** A page function over `data`'s members of `teamId`. */
export function memoryBaseline(data: Dataset, teamId: string) {
  const accounts = new Map<string, Account>(data.accounts.map((a) => [a.id, a]));
  const team: Membership[] = data.memberships.filter((m) => m.spaceId === teamId);
  return {
    page(c: PageCase, limit: number): PageResult {
      const term = c.search?.trim().toLowerCase() ?? '';
      let total = 0;
      const top: Row[] = [];
      for (const m of team) {
        if (m.state !== 'member') continue;
        if (c.roles !== undefined && !c.roles.includes(m.role)) continue;
        const a = accounts.get(m.accountId) as Account;
        if (c.statuses !== undefined && !c.statuses.includes(a.status)) continue;
        if (
          term !== '' &&
          !a.email.includes(term) &&
          !`${a.firstName} ${a.lastName}`.toLowerCase().includes(term)
        )
          continue;
        total += 1;
        const row = { first: a.firstName.toLowerCase(), last: a.lastName.toLowerCase(), id: a.id };
        if (
          c.after !== undefined &&
          compare(row, {
            first: c.after.firstNameKey,
            last: c.after.lastNameKey,
            id: c.after.id,
          }) <= 0
        )
          continue;
        if (top.length > limit && compare(row, top[top.length - 1] as Row) >= 0) continue;
        let at = top.length;
        while (at > 0 && compare(row, top[at - 1] as Row) < 0) at--;
        top.splice(at, 0, row);
        if (top.length > limit + 1) top.pop();
      }
      return { ids: top.slice(0, limit).map((row) => row.id), total };
    },
  };
}
