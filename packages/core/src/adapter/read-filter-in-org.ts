import { matchesFilter, type ReadFilter } from '../ports/read-filter.js';

/**
 * `filter` as it reads on the rows of organization `orgId`: every condition
 * on `orgId` replaced by what it is there (`all` or `none`), and `and`, `or`
 * and `not` folded. A Policy's read filter names the actor's organization
 * (an administrator's comes down to `orgId = theirs`), so a store that lists
 * one organization can tell from the result whether the filter still needs
 * the account's own fields (anything but `all` or `none`), and take a count
 * on a narrower table when it does not.
 */
export function readFilterInOrg(filter: ReadFilter, orgId: string): ReadFilter {
  switch (filter.kind) {
    case 'all':
    case 'none':
      return filter;
    case 'field':
      if (filter.field !== 'orgId') return filter;
      return matchesFilter(filter, { orgId }) ? { kind: 'all' } : { kind: 'none' };
    case 'not': {
      const inner = readFilterInOrg(filter.filter, orgId);
      if (inner.kind === 'all') return { kind: 'none' };
      if (inner.kind === 'none') return { kind: 'all' };
      return { kind: 'not', filter: inner };
    }
    case 'and':
    case 'or': {
      // `and`: `none` decides, `all` drops out; `or`: the other way round.
      const decides = filter.kind === 'and' ? 'none' : 'all';
      const neutral = filter.kind === 'and' ? 'all' : 'none';
      const kept: ReadFilter[] = [];
      for (const part of filter.filters) {
        const simple = readFilterInOrg(part, orgId);
        if (simple.kind === decides) return simple;
        if (simple.kind !== neutral) kept.push(simple);
      }
      if (kept.length === 0) return { kind: neutral };
      if (kept.length === 1) return kept[0] as ReadFilter;
      return { kind: filter.kind, filters: kept };
    }
  }
}
