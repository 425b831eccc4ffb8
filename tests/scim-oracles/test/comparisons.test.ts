import { describe, expect, it } from 'vitest';
import { castToNumber, castToText, compare, type RunscopeComparison } from '../src/index.js';

const found = (value: unknown) => ({ found: true as const, value });
const passes = (comparison: RunscopeComparison, value: unknown, target: string | null = null) =>
  compare(comparison, found(value), target).passed;

describe('casts', () => {
  it('casts JSON values to their JSON text, strings as they are', () => {
    expect([true, 0, 1.5, null, 'x', ['a'], { a: 1 }].map(castToText)).toEqual([
      'true',
      '0',
      '1.5',
      'null',
      'x',
      '["a"]',
      '{"a":1}',
    ]);
  });

  it('casts numbers and decimal strings to numbers, nothing else', () => {
    expect([200, '200', ' 1.000 ', '-2e3', '.5'].map(castToNumber)).toEqual([
      200, 200, 1, -2000, 0.5,
    ]);
    for (const value of [true, false, null, '', ' ', '0x10', '1,5', 'NaN', Number.NaN, [], {}]) {
      expect(castToNumber(value), JSON.stringify(value)).toBeUndefined();
    }
  });
});

describe('compare', () => {
  it('fails every comparison on a value that was not found', () => {
    for (const comparison of ['equal', 'not_empty', 'is_a_number', 'has_value'] as const) {
      expect(compare(comparison, { found: false }, 'x')).toEqual({
        passed: false,
        reason: 'the property was not found',
      });
    }
  });

  it('equal compares string casts, case-sensitively', () => {
    expect(passes('equal', true, 'true')).toBe(true);
    expect(passes('equal', 0, '0')).toBe(true);
    expect(passes('equal', '404', '404')).toBe(true);
    expect(passes('equal', 404, '404')).toBe(true);
    expect(passes('equal', 'Abc', 'abc')).toBe(false);
    expect(passes('equal', 1.0, '1.0')).toBe(false);
    expect(compare('equal', found(false), 'true')).toEqual({
      passed: false,
      reason: '"false" is not "true"',
    });
  });

  it('equal_number compares numbers', () => {
    expect(passes('equal_number', 200, '200')).toBe(true);
    expect(passes('equal_number', '1.000', '1')).toBe(true);
    expect(passes('equal_number', 0, '0')).toBe(true);
    expect(compare('equal_number', found(201), '409')).toEqual({
      passed: false,
      reason: '201 is not 409',
    });
    expect(passes('equal_number', 'zero', '0')).toBe(false);
    expect(compare('equal_number', found(1), 'one')).toEqual({
      passed: false,
      reason: 'target one is not a number',
    });
  });

  it('contains searches the string cast', () => {
    expect(passes('contains', 'application/scim+json', 'scim')).toBe(true);
    expect(
      passes(
        'contains',
        ['urn:ietf:params:scim:schemas:core:2.0:User'],
        'urn:ietf:params:scim:schemas:core:2.0:User',
      ),
    ).toBe(true);
    expect(passes('contains', ['urn:a'], 'urn:b')).toBe(false);
  });

  it('has_value looks for a member of a list or a value of a dictionary', () => {
    expect(passes('has_value', ['a', 'b'], 'b')).toBe(true);
    expect(passes('has_value', [1, 2], '2')).toBe(true);
    expect(passes('has_value', { x: 'b' }, 'b')).toBe(true);
    expect(passes('has_value', { b: 1 }, 'b')).toBe(false);
    expect(passes('has_value', ['ab'], 'a')).toBe(false);
    expect(compare('has_value', found('b'), 'b')).toEqual({
      passed: false,
      reason: 'b is not a list or a dictionary',
    });
  });

  it('not_empty fails only on null and the empty string', () => {
    for (const value of [false, 0, 'x', [], {}, ['a']]) {
      expect(passes('not_empty', value), JSON.stringify(value)).toBe(true);
    }
    expect(passes('not_empty', null)).toBe(false);
    expect(passes('not_empty', '')).toBe(false);
  });

  it('is_a_number takes numbers and numeric strings', () => {
    expect(passes('is_a_number', 1)).toBe(true);
    expect(passes('is_a_number', '10')).toBe(true);
    expect(passes('is_a_number', true)).toBe(false);
    expect(passes('is_a_number', null)).toBe(false);
    expect(passes('is_a_number', 'ten')).toBe(false);
  });

  it('is_less_than compares numbers strictly', () => {
    expect(passes('is_less_than', 599, '600')).toBe(true);
    expect(passes('is_less_than', 600, '600')).toBe(false);
    expect(compare('is_less_than', found(900), '600')).toEqual({
      passed: false,
      reason: '900 is not less than 600',
    });
  });
});
