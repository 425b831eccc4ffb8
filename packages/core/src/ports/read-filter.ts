/**
 * A value a {@link ReadFilter} compares a field with: JSON scalars only.
 *
 * @category Policy port (for policy authors)
 */
export type FilterScalar = string | number | boolean | null;

/**
 * The comparison operators of a {@link FieldFilter}.
 *
 * @category Policy port (for policy authors)
 */
export const filterOperators = ['eq', 'ne', 'in', 'nin', 'lt', 'lte', 'gt', 'gte'] as const;

/**
 * An operator from {@link filterOperators}.
 *
 * @category Policy port (for policy authors)
 */
export type FilterOperator = (typeof filterOperators)[number];

/**
 * One field compared with a value. `in` and `nin` take a list; `eq` and `ne`
 * a scalar; `lt`, `lte`, `gt` and `gte` a string or a number. When the record's field holds an array, the comparison matches if
 * any element matches (`ne` and `nin` are the negations of `eq` and `in`, so
 * they match when no element does).
 *
 * @category Policy port (for policy authors)
 */
export type FieldFilter =
  | {
      readonly kind: 'field';
      readonly field: string;
      readonly op: 'eq' | 'ne';
      readonly value: FilterScalar;
    }
  | {
      readonly kind: 'field';
      readonly field: string;
      readonly op: 'lt' | 'lte' | 'gt' | 'gte';
      readonly value: string | number;
    }
  | {
      readonly kind: 'field';
      readonly field: string;
      readonly op: 'in' | 'nin';
      readonly value: readonly FilterScalar[];
    };

/**
 * A plain, JSON-serializable condition over a record's fields, that a Store
 * applies when listing so that a list returns only what the actor may read
 * (`@rosterkit/policies` builds it from the actor's rules). Every node has a
 * `kind`:
 *
 * - `all`: matches every record; `none`: matches no record;
 * - `and` / `or`: all / any of `filters` (an empty `and` matches all, an empty `or` none);
 * - `not`: the negation of `filter`;
 * - `field`: a {@link FieldFilter}.
 *
 * The meaning is defined by {@link matchesFilter}; a store that translates a
 * filter to SQL must match the same records.
 *
 * @example
 * ```ts
 * import type { ReadFilter } from '@rosterkit/core';
 * const inMySpaces: ReadFilter = {
 *   kind: 'and',
 *   filters: [
 *     { kind: 'field', field: 'orgId', op: 'eq', value: 'org_1' },
 *     { kind: 'field', field: 'spaceId', op: 'in', value: ['space_1', 'space_2'] },
 *   ],
 * };
 * ```
 *
 * @category Policy port (for policy authors)
 */
export type ReadFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'and'; readonly filters: readonly ReadFilter[] }
  | { readonly kind: 'or'; readonly filters: readonly ReadFilter[] }
  | { readonly kind: 'not'; readonly filter: ReadFilter }
  | FieldFilter;

/**
 * The {@link ReadFilter} that matches every record.
 *
 * @category Policy port (for policy authors)
 */
export const matchAll: ReadFilter = Object.freeze({ kind: 'all' });

/**
 * The {@link ReadFilter} that matches no record: the actor may read none.
 *
 * @category Policy port (for policy authors)
 */
export const matchNothing: ReadFilter = Object.freeze({ kind: 'none' });

// JavaScript's ordering, as CASL's in-memory matcher uses it: equal when
// identical, otherwise greater when `>` holds, otherwise less. A missing field
// therefore compares as "less" than any value.
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  return (a as number) > (b as number) ? 1 : -1;
}

function anyOrOne(value: unknown, test: (item: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

function isEqual(actual: unknown, expected: FilterScalar, present: boolean): boolean {
  if (expected === null) {
    return !present || actual === null || (Array.isArray(actual) && actual.some((v) => v === null));
  }
  return Array.isArray(actual) ? actual.some((v) => v === expected) : actual === expected;
}

function matchesField(filter: FieldFilter, record: Readonly<Record<string, unknown>>): boolean {
  const present = Object.hasOwn(record, filter.field);
  const actual = record[filter.field];
  switch (filter.op) {
    case 'eq':
      return isEqual(actual, filter.value, present);
    case 'ne':
      return !isEqual(actual, filter.value, present);
    case 'in':
      return anyOrOne(actual, (v) => filter.value.some((item) => item === v));
    case 'nin':
      return !anyOrOne(actual, (v) => filter.value.some((item) => item === v));
    case 'lt':
      return anyOrOne(actual, (v) => compare(v, filter.value) === -1);
    case 'lte':
      return anyOrOne(actual, (v) => compare(v, filter.value) !== 1);
    case 'gt':
      return anyOrOne(actual, (v) => compare(v, filter.value) === 1);
    case 'gte':
      return anyOrOne(actual, (v) => compare(v, filter.value) !== -1);
  }
}

/**
 * Whether `record` matches `filter`: the in-memory meaning of a
 * {@link ReadFilter}, used by the memory store and by tests.
 *
 * Comparisons follow CASL's in-memory matcher, so that a list filtered with
 * this function returns exactly the records the policy's check allows:
 * equality is `===` (`eq null` also matches a field the record does not have); on an array
 * field a comparison matches if any element matches; `lt`/`lte`/`gt`/`gte` use
 * JavaScript's `<` and `>` (a missing field compares as lower than any value,
 * so give records every field they are filtered on).
 *
 * @example
 * ```ts
 * import { matchesFilter } from '@rosterkit/core';
 * matchesFilter({ kind: 'field', field: 'spaceIds', op: 'in', value: ['s1'] }, { spaceIds: ['s1', 's2'] }); // true
 * matchesFilter({ kind: 'none' }, { id: 'a' }); // false
 * ```
 *
 * @category Policy port (for policy authors)
 */
export function matchesFilter(
  filter: ReadFilter,
  record: Readonly<Record<string, unknown>>,
): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'and':
      return filter.filters.every((inner) => matchesFilter(inner, record));
    case 'or':
      return filter.filters.some((inner) => matchesFilter(inner, record));
    case 'not':
      return !matchesFilter(filter.filter, record);
    case 'field':
      return matchesField(filter, record);
  }
}
