import { type FieldFilter, matchesFilter, type ReadFilter } from '@rosterkit/core';
import { invalid } from './errors.js';

/** A Prisma `where` input, as plain data. */
export type PrismaWhere = Record<string, unknown>;

/** Matches no row: Prisma turns `in: []` into a false condition. @internal */
export const noRow: PrismaWhere = { id: { in: [] } };
/** Matches every row. @internal */
export const anyRow: PrismaWhere = {};

type ColumnKind = 'text' | 'date' | 'nullableDate' | 'number';

// The account's own columns a read filter may name, and how JavaScript's
// comparisons (the meaning `matchesFilter` gives a filter) play out on each.
const accountColumns: Readonly<Record<string, ColumnKind>> = {
  id: 'text',
  orgId: 'text',
  email: 'text',
  firstName: 'text',
  lastName: 'text',
  status: 'text',
  createdAt: 'date',
  updatedAt: 'date',
  lastSeenAt: 'nullableDate',
  version: 'number',
};

// `roles` and `spaceIds` are derived from the current memberships.
const derivedColumns: Readonly<Record<string, string>> = { roles: 'role', spaceIds: 'spaceId' };

const constant = (matches: boolean): PrismaWhere => (matches ? anyRow : noRow);
const not = (where: PrismaWhere): PrismaWhere =>
  where === anyRow ? noRow : where === noRow ? anyRow : { NOT: where };

function unsupported(filter: FieldFilter): never {
  throw invalid(
    'readFilter',
    `${filter.op} ${JSON.stringify(filter.value)} on "${filter.field}" has no SQL translation (compare text with text, and dates or versions with numbers)`,
  );
}

function ordered(
  filter: FieldFilter,
): filter is Extract<FieldFilter, { op: 'lt' | 'lte' | 'gt' | 'gte' }> {
  return filter.op === 'lt' || filter.op === 'lte' || filter.op === 'gt' || filter.op === 'gte';
}

// eq / in on a column that holds `T`: the values of that type, others never equal.
function equalTo(column: string, values: readonly unknown[]): PrismaWhere {
  return values.length === 0 ? noRow : { [column]: { in: [...new Set(values)] } };
}

// A text or number column: equal only to values of its own type, ordered
// only against them (an ordering across types has no SQL equivalent).
function scalarColumn(column: string, type: 'string' | 'number', filter: FieldFilter): PrismaWhere {
  switch (filter.op) {
    case 'eq':
      return equalTo(column, typeof filter.value === type ? [filter.value] : []);
    case 'ne':
      return not(scalarColumn(column, type, { ...filter, op: 'eq' }));
    case 'in':
      return equalTo(
        column,
        filter.value.filter((v) => typeof v === type),
      );
    case 'nin':
      return not(scalarColumn(column, type, { ...filter, op: 'in' }));
    default:
      if (typeof filter.value !== type) return unsupported(filter);
      return { [column]: { [filter.op]: filter.value } };
  }
}

// A stored date is a Date object: never `===` a scalar, and compared with a
// number by its time. A null (never seen) is decided by `matchesFilter`
// itself, so the SQL gives exactly its answer.
function dateColumn(column: string, filter: FieldFilter, nullable: boolean): PrismaWhere {
  let present: PrismaWhere;
  if (ordered(filter)) {
    if (typeof filter.value !== 'number') return unsupported(filter);
    present = { [column]: { [filter.op]: new Date(filter.value) } };
  } else {
    present = constant(filter.op === 'ne' || filter.op === 'nin');
  }
  if (!nullable) return present;
  const whenNull = matchesFilter(filter, { [filter.field]: null });
  return whenNull
    ? { OR: [{ [column]: null }, present] }
    : { AND: [{ NOT: { [column]: null } }, present] };
}

function derivedColumn(orgId: string, column: string, filter: FieldFilter): PrismaWhere {
  // `orgId` says nothing new (a membership shares its account's organization)
  // but lets the database reach the memberships through its (orgId, accountId)
  // index instead of scanning them.
  const some = (condition: PrismaWhere): PrismaWhere => ({
    memberships: { some: { orgId, state: 'member', ...condition } },
  });
  switch (filter.op) {
    case 'eq':
      return typeof filter.value === 'string' ? some({ [column]: filter.value }) : noRow;
    case 'ne':
      return not(derivedColumn(orgId, column, { ...filter, op: 'eq' }));
    case 'in': {
      const values = filter.value.filter((v) => typeof v === 'string');
      return values.length === 0 ? noRow : some({ [column]: { in: [...new Set(values)] } });
    }
    case 'nin':
      return not(derivedColumn(orgId, column, { ...filter, op: 'in' }));
    default:
      if (typeof filter.value !== 'string') return unsupported(filter);
      return some({ [column]: { [filter.op]: filter.value } });
  }
}

function fieldWhere(orgId: string, filter: FieldFilter): PrismaWhere {
  const derived = derivedColumns[filter.field];
  if (derived !== undefined) return derivedColumn(orgId, derived, filter);
  const kind = Object.hasOwn(accountColumns, filter.field)
    ? accountColumns[filter.field]
    : undefined;
  switch (kind) {
    case 'text':
      return scalarColumn(filter.field, 'string', filter);
    case 'number':
      return scalarColumn(filter.field, 'number', filter);
    case 'date':
      return dateColumn(filter.field, filter, false);
    case 'nullableDate':
      return dateColumn(filter.field, filter, true);
    default:
      // A field accounts do not have: `matchesFilter` decides it alone, the
      // same for every row.
      if (filter.field === 'profile') return unsupported(filter);
      return constant(matchesFilter(filter, {}));
  }
}

/**
 * Translates a read filter over accounts (their own fields, plus `roles` and
 * `spaceIds` from their current memberships) into a Prisma `where` on
 * `RosterkitAccount` of organization `orgId` that selects exactly the rows
 * `matchesFilter` accepts.
 *
 * @throws `INVALID_INPUT` for a comparison SQL cannot express the same way
 * (an ordering of text with a number, or any condition on `profile`).
 * @internal
 */
export function readFilterWhere(orgId: string, filter: ReadFilter): PrismaWhere {
  const inner = (f: ReadFilter) => readFilterWhere(orgId, f);
  switch (filter.kind) {
    case 'all':
      return anyRow;
    case 'none':
      return noRow;
    case 'and':
      return { AND: filter.filters.map(inner) };
    case 'or':
      return filter.filters.length === 0 ? noRow : { OR: filter.filters.map(inner) };
    case 'not':
      return not(inner(filter.filter));
    case 'field':
      return fieldWhere(orgId, filter);
  }
}
