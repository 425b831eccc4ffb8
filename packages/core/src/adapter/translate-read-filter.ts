import { type FieldFilter, matchesFilter, type ReadFilter } from '../ports/read-filter.js';
import type {
  FieldCondition,
  FilterField,
  FilterFields,
  ReadFilterTranslator,
} from './read-filter-fields.js';
import { invalidField } from './store-errors.js';

/** A translated node: a constant, or a condition of the adapter's. */
type Node<W> =
  | { readonly kind: 'constant'; readonly constant: boolean }
  | { readonly kind: 'condition'; readonly condition: W };

const yes = { kind: 'constant', constant: true } as const;
const no = { kind: 'constant', constant: false } as const;
const constant = <W>(value: boolean): Node<W> => (value ? yes : no);
const condition = <W>(value: W): Node<W> => ({ kind: 'condition', condition: value });

function unsupported(filter: FieldFilter): never {
  throw invalidField(
    'readFilter',
    `${filter.op} ${JSON.stringify(filter.value)} on "${filter.field}" has no SQL translation (compare text with text, and dates or numbers with numbers)`,
  );
}

class Translation<W> {
  constructor(
    readonly fields: FilterFields,
    readonly t: ReadFilterTranslator<W>,
  ) {}

  and(nodes: readonly Node<W>[]): Node<W> {
    const parts: W[] = [];
    for (const node of nodes) {
      if (node.kind === 'constant') {
        if (!node.constant) return no;
      } else parts.push(node.condition);
    }
    if (parts.length === 0) return yes;
    return condition(parts.length === 1 ? (parts[0] as W) : this.t.and(parts));
  }

  or(nodes: readonly Node<W>[]): Node<W> {
    const parts: W[] = [];
    for (const node of nodes) {
      if (node.kind === 'constant') {
        if (node.constant) return yes;
      } else parts.push(node.condition);
    }
    if (parts.length === 0) return no;
    return condition(parts.length === 1 ? (parts[0] as W) : this.t.or(parts));
  }

  not(node: Node<W>): Node<W> {
    return node.kind === 'constant'
      ? constant(!node.constant)
      : condition(this.t.not(node.condition));
  }

  node(filter: ReadFilter): Node<W> {
    switch (filter.kind) {
      case 'all':
        return yes;
      case 'none':
        return no;
      case 'and':
        return this.and(filter.filters.map((f) => this.node(f)));
      case 'or':
        return this.or(filter.filters.map((f) => this.node(f)));
      case 'not':
        return this.not(this.node(filter.filter));
      case 'field':
        return this.field(filter);
    }
  }

  field(filter: FieldFilter): Node<W> {
    const declared = Object.hasOwn(this.fields, filter.field)
      ? this.fields[filter.field]
      : undefined;
    if (declared === 'unsupported') return unsupported(filter);
    // A field the records do not have: matchesFilter's answer, for every row.
    if (declared === undefined) return constant(matchesFilter(filter, {}));
    const present = this.present(filter, declared);
    if (declared.array === true || declared.nullable !== true) return present;
    // A NULL is decided by matchesFilter itself, and the other rows by `present`
    // guarded against NULL, so that the result is never SQL's unknown.
    const isNull = condition(this.t.field(filter.field, declared, { test: 'null' }));
    return matchesFilter(filter, { [filter.field]: null })
      ? this.or([isNull, present])
      : this.and([this.not(isNull), present]);
  }

  // The condition on a non-null value (on an array: on some element).
  present(filter: FieldFilter, field: FilterField): Node<W> {
    const scalar = field.type === 'text' ? 'string' : field.type === 'number' ? 'number' : null;
    const within = (values: readonly unknown[]): Node<W> => {
      // A date is a Date object: never `===` a scalar.
      const kept = [...new Set(values.filter((v) => scalar !== null && typeof v === scalar))];
      if (kept.length === 0) return no;
      return condition(
        this.t.field(filter.field, field, { test: 'in', values: kept as (string | number)[] }),
      );
    };
    switch (filter.op) {
      case 'eq':
        return within([filter.value]);
      case 'ne':
        return this.not(within([filter.value]));
      case 'in':
        return within(filter.value);
      case 'nin':
        return this.not(within(filter.value));
      default: {
        const operandType = field.type === 'text' ? 'string' : 'number';
        if (typeof filter.value !== operandType) return unsupported(filter);
        if (field.type !== 'date') {
          const { op, value: operand } = filter;
          return condition(this.t.field(filter.field, field, { test: 'compare', op, operand }));
        }
        // JavaScript never finds a Date `===` a number, so a date at the operand's
        // very instant compares as less: `lt` holds there and `gte` does not.
        const op = filter.op === 'lt' ? 'lte' : filter.op === 'gte' ? 'gt' : filter.op;
        const operand = new Date(filter.value);
        return condition(this.t.field(filter.field, field, { test: 'compare', op, operand }));
      }
    }
  }
}

/**
 * Translates a read filter into the adapter's own condition type, selecting
 * exactly the records `matchesFilter` accepts, on the fields the adapter
 * declares. The kit decides what JavaScript's comparisons mean on each kind of
 * field (the part that is easy to get wrong in SQL); the adapter only writes
 * each {@link FieldCondition}, `and`, `or` and `not`. Constant parts are folded
 * away, so `all` and `none` reach the translator only for a filter that is
 * constant as a whole.
 *
 * | operator | plain field | nullable field | array field | missing field |
 * |---|---|---|---|---|
 * | `eq v`, `in vs` | `in` (values of the field's type; none: no row) | same, `OR null` when `v` / `vs` holds `null` | some element `in` | constant |
 * | `ne v`, `nin vs` | `not` of the above | same, `NULL` rows kept unless `v` / `vs` holds `null` | no element `in` | constant |
 * | `lt` `lte` `gt` `gte` | `compare`, operand of the field's type, else `INVALID_INPUT` | same; `NULL` as JavaScript compares `null` | some element `compare` | constant |
 *
 * (A `date` field is never equal to a scalar; its ordering takes a number of
 * epoch milliseconds, and since JavaScript never finds a `Date` `===` a
 * number, a date at the operand's very instant counts as less: `lt n` is
 * written `<= n` and `gte n` is written `> n`.)
 *
 * @param filter - the query's read filter.
 * @param fields - the fields of the filtered records, with their kinds.
 * @param translator - builds the adapter's conditions.
 * @typeParam W - the adapter's condition type.
 * @throws `INVALID_INPUT` at `readFilter` for a comparison SQL cannot make as
 * JavaScript does: an ordering across types, or any comparison of an
 * `'unsupported'` field.
 *
 * @example
 * ```ts
 * import { translateReadFilter, type FieldCondition } from '@rosterkit/core/adapter';
 * import type { ReadFilter } from '@rosterkit/core';
 *
 * // SQL text with `?` placeholders; `roles` is an EXISTS over current memberships.
 * interface Sql { readonly text: string; readonly values: readonly unknown[] }
 * const test = (column: string, c: FieldCondition): Sql =>
 *   c.test === 'null'
 *     ? { text: `${column} IS NULL`, values: [] }
 *     : c.test === 'in'
 *       ? { text: `${column} IN (${c.values.map(() => '?').join(', ')})`, values: c.values }
 *       : { text: `${column} ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[c.op]} ?`, values: [c.operand] };
 * const join = (op: string, parts: readonly Sql[]): Sql => ({
 *   text: `(${parts.map((p) => p.text).join(` ${op} `)})`,
 *   values: parts.flatMap((p) => p.values),
 * });
 *
 * const filter: ReadFilter = { kind: 'field', field: 'roles', op: 'in', value: ['agent'] };
 * const where = translateReadFilter(
 *   filter,
 *   { status: { type: 'text' }, lastSeenAt: { type: 'date', nullable: true }, roles: { type: 'text', array: true } },
 *   {
 *     field: (name, field, condition) => {
 *       if (!field.array) return test(name, condition);
 *       const inner = test('m.role', condition);
 *       return { text: `EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id AND m.state = 'member' AND ${inner.text})`, values: inner.values };
 *     },
 *     and: (parts) => join('AND', parts),
 *     or: (parts) => join('OR', parts),
 *     not: (part) => ({ text: `NOT ${part.text}`, values: part.values }),
 *     all: { text: 'TRUE', values: [] },
 *     none: { text: 'FALSE', values: [] },
 *   },
 * );
 * ```
 */
export function translateReadFilter<W>(
  filter: ReadFilter,
  fields: FilterFields,
  translator: ReadFilterTranslator<W>,
): W {
  const node = new Translation(fields, translator).node(filter);
  if (node.kind === 'constant') return node.constant ? translator.all : translator.none;
  return node.condition;
}

/**
 * Every field a read filter compares: what an in-memory store must put in the
 * record it hands `matchesFilter` (derived fields such as `roles` cost a
 * lookup, so build only those asked for).
 *
 * @example
 * ```ts
 * import { readFilterFields } from '@rosterkit/core/adapter';
 *
 * readFilterFields({ kind: 'not', filter: { kind: 'field', field: 'roles', op: 'eq', value: 'admin' } });
 * // Set { 'roles' }
 * ```
 */
export function readFilterFields(filter: ReadFilter): ReadonlySet<string> {
  const into = new Set<string>();
  const visit = (node: ReadFilter) => {
    switch (node.kind) {
      case 'and':
      case 'or':
        for (const child of node.filters) visit(child);
        break;
      case 'not':
        visit(node.filter);
        break;
      case 'field':
        into.add(node.field);
        break;
    }
  };
  visit(filter);
  return into;
}
