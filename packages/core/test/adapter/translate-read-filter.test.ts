import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FieldCondition,
  type FilterField,
  type FilterFields,
  type ReadFilterTranslator,
  readFilterFields,
  translateReadFilter,
} from '../../src/adapter/index.js';
import {
  type FilterScalar,
  filterOperators,
  matchesFilter,
  type ReadFilter,
  RosterError,
} from '../../src/index.js';

// The translation, evaluated with SQL's three-valued logic (NULL compares
// unknown, NOT unknown is unknown, a row is kept only when its condition is
// true), must keep exactly the records matchesFilter accepts.

type Truth = boolean | null;
type Row = Readonly<Record<string, unknown>>;
type Sql = (row: Row) => Truth;

const fields: FilterFields = {
  text: { type: 'text' },
  num: { type: 'number' },
  date: { type: 'date' },
  seen: { type: 'date', nullable: true },
  note: { type: 'text', nullable: true },
  roles: { type: 'text', array: true },
  profile: 'unsupported',
};

const and3 = (values: Truth[]): Truth =>
  values.includes(false) ? false : values.includes(null) ? null : true;
const or3 = (values: Truth[]): Truth =>
  values.includes(true) ? true : values.includes(null) ? null : false;

const sqlValue = (value: unknown): unknown => (value instanceof Date ? value.getTime() : value);

function test(condition: FieldCondition, value: unknown): Truth {
  if (condition.test === 'null') return value === null;
  if (value === null) return null;
  const v = sqlValue(value);
  if (condition.test === 'in') return condition.values.some((item) => item === v);
  const operand = sqlValue(condition.operand) as string | number;
  const x = v as string | number;
  switch (condition.op) {
    case 'lt':
      return x < operand;
    case 'lte':
      return x <= operand;
    case 'gt':
      return x > operand;
    case 'gte':
      return x >= operand;
  }
}

const sql: ReadFilterTranslator<Sql> = {
  field(name: string, field: FilterField, condition: FieldCondition): Sql {
    return (row) => {
      const value = row[name];
      // An array field is an EXISTS over its elements: true or false, never unknown.
      if (field.array === true)
        return (value as unknown[]).some((v) => test(condition, v) === true);
      return test(condition, value);
    };
  },
  and: (parts) => (row) => and3(parts.map((part) => part(row))),
  or: (parts) => (row) => or3(parts.map((part) => part(row))),
  not: (part) => (row) => {
    const value = part(row);
    return value === null ? null : !value;
  },
  all: () => true,
  none: () => false,
};

const texts = ['', 'a', 'b', 'B', 'é'];
const dates = [0, 1000, 2000].map((ms) => new Date(ms));
const recordArb = fc.record({
  text: fc.constantFrom(...texts),
  num: fc.constantFrom(-1, 0, 1, 2),
  date: fc.constantFrom(...dates),
  seen: fc.option(fc.constantFrom(...dates), { nil: null }),
  note: fc.option(fc.constantFrom(...texts), { nil: null }),
  roles: fc.subarray(['a', 'b', 'c']),
  profile: fc.constant({ site: 'x' }),
});

const scalarArb: fc.Arbitrary<FilterScalar> = fc.oneof(
  fc.constantFrom(...texts, 'c'),
  fc.constantFrom(-1, 0, 1, 2, 1000, 1500),
  fc.boolean(),
  fc.constant(null),
);
const fieldNameArb = fc.constantFrom(...Object.keys(fields), 'missing');
const fieldArb: fc.Arbitrary<ReadFilter> = fc.oneof(
  fc.record({
    kind: fc.constant('field' as const),
    field: fieldNameArb,
    op: fc.constantFrom('eq' as const, 'ne' as const),
    value: scalarArb,
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fieldNameArb,
    op: fc.constantFrom('in' as const, 'nin' as const),
    value: fc.array(scalarArb, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fieldNameArb,
    op: fc.constantFrom('lt' as const, 'lte' as const, 'gt' as const, 'gte' as const),
    value: fc.oneof(fc.constantFrom(...texts), fc.constantFrom(-1, 0, 1, 1000, 1500)),
  }),
);
const { filter: filterArb } = fc.letrec<{ filter: ReadFilter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fieldArb,
    fc.constant<ReadFilter>({ kind: 'all' }),
    fc.constant<ReadFilter>({ kind: 'none' }),
    fc.record({ kind: fc.constant('not' as const), filter: tie('filter') }),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      filters: fc.array(tie('filter'), { maxLength: 3 }),
    }),
  ),
}));

function translated(filter: ReadFilter): Sql | 'refused' {
  try {
    return translateReadFilter(filter, fields, sql);
  } catch (error) {
    if (RosterError.isInstance(error, 'INVALID_INPUT')) return 'refused';
    throw error;
  }
}

describe('translateReadFilter', () => {
  it('keeps, under SQL’s three-valued logic, exactly the records matchesFilter accepts', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        filterArb,
        fc.array(recordArb, { minLength: 1, maxLength: 4 }),
        (filter, rows) => {
          const where = translated(filter);
          if (where === 'refused') return;
          compared += 1;
          for (const row of rows) {
            expect(where(row) === true, JSON.stringify({ filter, row })).toBe(
              matchesFilter(filter, row),
            );
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('refuses only orderings across types and any comparison of an unsupported field', () => {
    const field = (name: string, op: (typeof filterOperators)[number], value: unknown) =>
      ({ kind: 'field', field: name, op, value }) as ReadFilter;
    for (const filter of [
      field('text', 'lt', 1),
      field('num', 'gte', 'a'),
      field('date', 'gt', 'a'),
      field('seen', 'lte', 'a'),
      field('roles', 'lt', 1),
      field('profile', 'eq', null),
      { kind: 'or', filters: [{ kind: 'all' }, field('profile', 'ne', 'x')] } as ReadFilter,
    ]) {
      expect(translated(filter), JSON.stringify(filter)).toBe('refused');
    }
    for (const op of filterOperators) {
      const value = op === 'in' || op === 'nin' ? ['a'] : 'a';
      expect(translated(field('text', op, value))).not.toBe('refused');
      expect(translated(field('missing', op, value))).not.toBe('refused');
    }
  });

  it('folds constant parts away, so a constant filter reaches the translator as all or none', () => {
    const calls: string[] = [];
    const spy: ReadFilterTranslator<string> = {
      field: (name, _field, condition) => {
        calls.push(name);
        return `${name}:${condition.test}`;
      },
      and: (parts) => `and(${parts.join(',')})`,
      or: (parts) => `or(${parts.join(',')})`,
      not: (part) => `not(${part})`,
      all: 'all',
      none: 'none',
    };
    const translate = (filter: ReadFilter) => translateReadFilter(filter, fields, spy);
    expect(translate({ kind: 'field', field: 'missing', op: 'eq', value: null })).toBe('all');
    expect(translate({ kind: 'field', field: 'date', op: 'eq', value: 5 })).toBe('none');
    expect(translate({ kind: 'field', field: 'text', op: 'in', value: [1, true, null] })).toBe(
      'none',
    );
    expect(
      translate({
        kind: 'and',
        filters: [{ kind: 'all' }, { kind: 'field', field: 'text', op: 'eq', value: 'a' }],
      }),
    ).toBe('text:in');
    expect(translate({ kind: 'field', field: 'seen', op: 'ne', value: null })).toBe(
      'not(seen:null)',
    );
    expect(translate({ kind: 'field', field: 'seen', op: 'lt', value: 1000 })).toBe(
      'or(seen:null,seen:compare)',
    );
    expect(translate({ kind: 'or', filters: [] })).toBe('none');
    expect(translate({ kind: 'and', filters: [] })).toBe('all');
    expect(calls).not.toContain('missing');
  });

  it('hands each in-list deduplicated values of the field’s own type', () => {
    const seen: FieldCondition[] = [];
    translateReadFilter(
      { kind: 'field', field: 'num', op: 'in', value: [1, '1', 1, null, 2] },
      fields,
      {
        field: (_name, _field, condition) => {
          seen.push(condition);
          return 0;
        },
        and: () => 0,
        or: () => 0,
        not: () => 0,
        all: 0,
        none: 0,
      },
    );
    expect(seen).toEqual([{ test: 'in', values: [1, 2] }]);
  });

  it('readFilterFields lists every field compared, at any depth', () => {
    expect(
      [
        ...readFilterFields({
          kind: 'and',
          filters: [
            { kind: 'not', filter: { kind: 'field', field: 'roles', op: 'eq', value: 'a' } },
            { kind: 'or', filters: [{ kind: 'field', field: 'status', op: 'in', value: [] }] },
            { kind: 'all' },
          ],
        }),
      ].sort(),
    ).toEqual(['roles', 'status']);
  });
});
