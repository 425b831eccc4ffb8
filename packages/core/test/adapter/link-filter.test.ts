import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLinkFilter,
  checkLinkWindow,
  compareText,
  type LinkFilterTranslator,
  type LinkKeyCondition,
  linkFilterKeys,
  linkKey,
  matchesLinkFilter,
  translateLinkFilter,
} from '../../src/adapter/index.js';
import {
  type JsonObject,
  type LinkFilter,
  linkFilterAttributes,
  linkFilterOperators,
  type ProvisioningLink,
  RosterError,
} from '../../src/index.js';

// The translation, evaluated over the keys a SQL store keeps with SQL's
// three-valued logic, and LIKE as SQLite runs it (ASCII case folded), must
// keep exactly the links matchesLinkFilter accepts.

type Truth = boolean | null;
type Keys = ReturnType<typeof linkFilterKeys>;
type Sql = (keys: Keys) => Truth;

const and3 = (values: Truth[]): Truth =>
  values.includes(false) ? false : values.includes(null) ? null : true;
const or3 = (values: Truth[]): Truth =>
  values.includes(true) ? true : values.includes(null) ? null : false;
const asciiFold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function test(condition: LinkKeyCondition, value: string | boolean | null): Truth {
  if (condition.test === 'notNull') return value !== null;
  if (value === null) return null;
  if (condition.test === 'equals') return value === condition.value;
  const text = value as string;
  const operand = condition.value;
  switch (condition.test) {
    case 'contains':
      return asciiFold(text).includes(asciiFold(operand));
    case 'startsWith':
      return asciiFold(text).startsWith(asciiFold(operand));
    case 'endsWith':
      return asciiFold(text).endsWith(asciiFold(operand));
    case 'gt':
      return compareText(text, operand) > 0;
    case 'gte':
      return compareText(text, operand) >= 0;
    case 'lt':
      return compareText(text, operand) < 0;
    case 'lte':
      return compareText(text, operand) <= 0;
  }
}

const sql: LinkFilterTranslator<Sql> = {
  column: (name, condition) => (keys) => test(condition, keys[name]),
  and: (parts) => (keys) => and3(parts.map((part) => part(keys))),
  or: (parts) => (keys) => or3(parts.map((part) => part(keys))),
  not: (part) => (keys) => {
    const value = part(keys);
    return value === null ? null : !value;
  },
  all: () => true,
  none: () => false,
};

// Few characters, so that values meet: cases, LIKE's wildcards and escape,
// the emails' separator, a letter whose lower case is not ASCII, an astral one.
const text = fc
  .array(fc.constantFrom('a', 'A', 'b', 'B', '%', '_', '\\', '|', 'ë', 'Ë', 'İ', '𝄞', ' '), {
    minLength: 0,
    maxLength: 4,
  })
  .map((chars) => chars.join(''));
const nonEmpty = text.filter((value) => value !== '');

const attributes: fc.Arbitrary<JsonObject> = fc.record(
  {
    displayName: fc.oneof(text, fc.constant(7), fc.constant(null)),
    emails: fc.oneof(
      fc.array(fc.oneof(fc.record({ value: text }), fc.constant('bare'), fc.constant(null)), {
        maxLength: 3,
      }),
      fc.constant('not a list'),
    ),
    active: fc.oneof(fc.boolean(), fc.constant('true')),
  },
  { requiredKeys: [] },
);

const link: fc.Arbitrary<ProvisioningLink> = fc.record({
  id: nonEmpty,
  orgId: fc.constant('org_1'),
  connectionId: fc.constant('prc_1'),
  resourceType: fc.constantFrom('User' as const, 'Group' as const),
  targetId: fc.constant('acc_1'),
  userName: nonEmpty,
  externalId: fc.option(nonEmpty, { nil: null }),
  attributes,
  version: fc.constant(1),
  createdAt: fc.constant(new Date(0)),
  updatedAt: fc.constant(new Date(0)),
});

const comparison: fc.Arbitrary<LinkFilter> = fc
  .record({
    op: fc.constantFrom(...linkFilterOperators),
    attribute: fc.constantFrom(...linkFilterAttributes),
    text,
    flag: fc.boolean(),
  })
  .map(({ op, attribute, text: value, flag }): LinkFilter => {
    if (op === 'pr') return { op, attribute };
    if (attribute === 'active') return { op: op === 'ne' ? 'ne' : 'eq', attribute, value: flag };
    if (attribute === 'email' && ['gt', 'ge', 'lt', 'le'].includes(op)) {
      return { op: 'co', attribute, value };
    }
    return { op, attribute, value };
  });

const filter: fc.Arbitrary<LinkFilter> = fc.letrec<{ node: LinkFilter }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({
      op: fc.constantFrom('and' as const, 'or' as const),
      filters: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ op: fc.constant('not' as const), filter: tie('node') }),
  ),
})).node;

describe('link filters', () => {
  it('the SQL translation over the stored keys keeps exactly the links matchesLinkFilter accepts', () => {
    fc.assert(
      fc.property(link, filter, (one, f) => {
        expect(checkLinkFilter(f)).toEqual(f);
        const condition = translateLinkFilter(f, one.resourceType, sql);
        expect(condition(linkFilterKeys(one)) === true).toBe(matchesLinkFilter(one, f));
      }),
      { numRuns: 3000 },
    );
  });

  it('keys order, contain, start and end as the texts do', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(compareText(linkKey(a), linkKey(b)))).toBe(Math.sign(compareText(a, b)));
        expect(linkKey(a).includes(linkKey(b))).toBe(a.includes(b));
        expect(linkKey(a).startsWith(linkKey(b))).toBe(a.startsWith(b));
        expect(linkKey(a).endsWith(linkKey(b))).toBe(a.endsWith(b));
        expect(linkKey(a)).toMatch(/^(g[0-9a-f]{4})*$/);
      }),
    );
  });

  it('reads userName and email case-insensitively, ids exactly, and a Group by its displayName', () => {
    const user: ProvisioningLink = {
      id: 'L1',
      orgId: 'org_1',
      connectionId: 'prc_1',
      resourceType: 'User',
      targetId: 'acc_1',
      userName: 'Ana@Acme.io',
      externalId: 'Ext',
      attributes: { emails: [{ value: 'ANA@home.io' }, { value: 'x@y.z' }], active: false },
      version: 1,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
    const group = { ...user, resourceType: 'Group' as const, userName: 'Sales' };
    const yes: LinkFilter[] = [
      { op: 'eq', attribute: 'userName', value: 'ana@acme.IO' },
      { op: 'eq', attribute: 'email', value: 'ana@HOME.io' },
      { op: 'sw', attribute: 'email', value: 'X@' },
      { op: 'eq', attribute: 'active', value: false },
      { op: 'ne', attribute: 'externalId', value: 'ext' },
      { op: 'not', filter: { op: 'pr', attribute: 'displayName' } },
    ];
    for (const f of yes) expect(matchesLinkFilter(user, f), JSON.stringify(f)).toBe(true);
    expect(matchesLinkFilter(user, { op: 'eq', attribute: 'id', value: 'l1' })).toBe(false);
    expect(matchesLinkFilter(group, { op: 'eq', attribute: 'displayName', value: 'SALES' })).toBe(
      true,
    );
    expect(matchesLinkFilter(group, { op: 'pr', attribute: 'userName' })).toBe(false);
    expect(matchesLinkFilter(group, { op: 'pr', attribute: 'email' })).toBe(false);
  });

  it('checkLinkFilter and checkLinkWindow refuse what the port refuses, with INVALID_INPUT', () => {
    const bad: unknown[] = [
      { op: 'eq', attribute: 'userName' },
      { op: 'pr', attribute: 'userName', value: 'x' },
      { op: 'le', attribute: 'email', value: 'x' },
      { op: 'co', attribute: 'active', value: true },
      { op: 'eq', attribute: 'active', value: 'true' },
      { op: 'eq', attribute: 'name', value: 'x' },
      { op: 'or', filters: [] },
      { op: 'not' },
      { op: 'eq', attribute: 'userName', value: 'x', extra: 1 },
      'userName eq "x"',
    ];
    for (const f of bad) {
      expect(() => checkLinkFilter(f), JSON.stringify(f)).toThrow(RosterError);
    }
    let nested: LinkFilter = { op: 'eq', attribute: 'id', value: 'x' };
    for (let i = 0; i < 15; i += 1) nested = { op: 'not', filter: nested };
    expect(checkLinkFilter(nested)).toEqual(nested); // 16 levels
    expect(() => checkLinkFilter({ op: 'not', filter: nested })).toThrow(/at most 16 levels/);
    const error = (() => {
      try {
        checkLinkFilter({ op: 'and', filters: [{ op: 'eq', attribute: 'userName' }] });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: ['filter', 'filters', 0, 'value'] }] },
    });
    expect(() => checkLinkWindow(1, 0)).not.toThrow();
    for (const [startIndex, count] of [
      [0, 1],
      [1.5, 1],
      [1, 1001],
      [1, -1],
      [1, 0.5],
    ] as const) {
      expect(() => checkLinkWindow(startIndex, count)).toThrow(RosterError);
    }
  });
});
