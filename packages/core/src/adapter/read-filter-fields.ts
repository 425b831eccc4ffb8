/**
 * How a field a read filter may compare is stored, as the adapter declares
 * it to {@link translateReadFilter}:
 *
 * - `type`: `text` (a string, compared by code units), `number`, or `date` (a
 *   stored `Date`: never equal to a scalar, and ordered against a number of
 *   epoch milliseconds, as JavaScript compares them);
 * - `nullable`: the column may be `NULL` (an account's `lastSeenAt`);
 * - `array`: the field holds a list (the derived `roles` and `spaceIds`), of
 *   which a comparison matches if any element matches; its elements are never
 *   null, and an empty list matches no `eq`/`in`/ordering.
 *
 * @example
 * ```ts
 * import type { FilterField } from '@rosterkit/core/adapter';
 *
 * const lastSeenAt: FilterField = { type: 'date', nullable: true };
 * const roles: FilterField = { type: 'text', array: true };
 * ```
 */
export interface FilterField {
  readonly type: 'text' | 'number' | 'date';
  readonly nullable?: boolean;
  readonly array?: boolean;
}

/**
 * The fields of the records an adapter filters (for `accounts.list`: the
 * account's columns plus `roles` and `spaceIds`), by name. A field not named
 * is **missing**: a comparison with it is decided once, as `matchesFilter`
 * decides it for a record without that field, the same for every row.
 * `'unsupported'` marks a field the records have but SQL cannot compare as
 * JavaScript does (an account's JSON `profile`): any comparison with it is
 * `INVALID_INPUT`.
 *
 * @example
 * ```ts
 * import type { FilterFields } from '@rosterkit/core/adapter';
 *
 * const accountFields: FilterFields = {
 *   id: { type: 'text' },
 *   status: { type: 'text' },
 *   createdAt: { type: 'date' },
 *   lastSeenAt: { type: 'date', nullable: true },
 *   version: { type: 'number' },
 *   roles: { type: 'text', array: true },
 *   spaceIds: { type: 'text', array: true },
 *   profile: 'unsupported',
 * };
 * ```
 */
export type FilterFields = Readonly<Record<string, FilterField | 'unsupported'>>;

/**
 * One test of a stored value that {@link ReadFilterTranslator.field} writes
 * as SQL (on an array field: "some element passes", an `EXISTS`):
 *
 * - `in`: the value is one of `values` (never empty, duplicates removed, all
 *   of the field's type: strings for `text`, numbers for `number`);
 * - `compare`: `value <op> operand`, with an operand of the field's type (a
 *   `Date` for a `date` field);
 * - `null`: the value is `NULL` (only on a `nullable` field).
 *
 * None of them is asked of a `NULL` value in a way where SQL's unknown could
 * leak: where a field is nullable, the translation guards every `in` and
 * `compare` with `null`, so `not` is always safe to write as SQL's `NOT`.
 *
 * @example
 * ```ts
 * import type { FieldCondition } from '@rosterkit/core/adapter';
 *
 * const sql = (column: string, condition: FieldCondition): string =>
 *   condition.test === 'null'
 *     ? `${column} IS NULL`
 *     : condition.test === 'in'
 *       ? `${column} IN (${condition.values.map(() => '?').join(', ')})`
 *       : `${column} ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[condition.op]} ?`;
 * ```
 */
export type FieldCondition =
  | { readonly test: 'in'; readonly values: readonly (string | number)[] }
  | {
      readonly test: 'compare';
      readonly op: 'lt' | 'lte' | 'gt' | 'gte';
      readonly operand: string | number | Date;
    }
  | { readonly test: 'null' };

/**
 * What {@link translateReadFilter} builds a condition of type `W` with (a SQL
 * fragment, a query builder's expression, an ORM's `where`).
 *
 * @typeParam W - the adapter's condition type.
 *
 * @example
 * ```ts
 * import type { ReadFilterTranslator } from '@rosterkit/core/adapter';
 *
 * // Conditions as an ORM's plain `where` objects (a Prisma-like shape).
 * type Where = Record<string, unknown>;
 * const toWhere: ReadFilterTranslator<Where> = {
 *   field: (name, _field, c) => ({
 *     [name]: c.test === 'null' ? null : c.test === 'in' ? { in: c.values } : { [c.op]: c.operand },
 *   }),
 *   and: (parts) => ({ AND: parts }),
 *   or: (parts) => ({ OR: parts }),
 *   not: (part) => ({ NOT: part }),
 *   all: {},
 *   none: { id: { in: [] } },
 * };
 * ```
 */
export interface ReadFilterTranslator<W> {
  /** A condition on one declared field (see {@link FieldCondition}). */
  field(name: string, field: FilterField, condition: FieldCondition): W;
  /** All of `parts` (two or more). */
  and(parts: readonly W[]): W;
  /** Any of `parts` (two or more). */
  or(parts: readonly W[]): W;
  /** The negation of `part`. */
  not(part: W): W;
  /** Matches every row. */
  readonly all: W;
  /** Matches no row. */
  readonly none: W;
}
