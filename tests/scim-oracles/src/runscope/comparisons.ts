import type { Lookup } from './property-path.js';

/**
 * The comparisons this interpreter knows: exactly the ones Okta's SCIM 2.0
 * spec test uses. Runscope has more (`empty`, `not_equal`, `does_not_contain`,
 * `has_key`, `is_greater_than`…); a file that uses one is rejected when read,
 * so nothing passes because the interpreter did not understand it.
 */
export const runscopeComparisons = [
  'equal',
  'equal_number',
  'contains',
  'has_value',
  'not_empty',
  'is_a_number',
  'is_less_than',
] as const;

/** One of {@link runscopeComparisons}. */
export type RunscopeComparison = (typeof runscopeComparisons)[number];

/** The comparisons that take a target value; the others ignore it (Runscope stores `null`). */
export const comparisonsWithTarget: ReadonlySet<RunscopeComparison> = new Set([
  'equal',
  'equal_number',
  'contains',
  'has_value',
  'is_less_than',
]);

/** The outcome of one comparison; `reason` says why it failed. */
export type ComparisonResult = { passed: true } | { passed: false; reason: string };

/**
 * Runscope compares strings: "non-string values are cast to a string before
 * comparing". A cast of a JSON value gives its JSON text (`true`, `0`,
 * `null`, `["a"]`), which is what a Runscope user types as a target: Okta's
 * file expects `"true"` for `active` and `"0"` for `totalResults`.
 *
 * @example
 * ```ts
 * castToText(true); // 'true'
 * ```
 */
export function castToText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Runscope's numeric comparisons take a value that "is (or can be cast to)" a
 * number: a JSON number, or a string holding a decimal number (`"200"`,
 * `" 1.5 "`). Booleans, `null`, hex and empty strings are not numbers here,
 * although JavaScript's `Number()` would make some of them one.
 *
 * @example
 * ```ts
 * castToNumber('1.000'); // 1
 * castToNumber(true); // undefined
 * ```
 */
export function castToNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && decimal.test(value.trim())) return Number(value.trim());
  return undefined;
}

/**
 * Applies one Runscope comparison to the value an assertion's source and
 * property found. A missing value fails every comparison (there is nothing to
 * compare), including `not_empty`, which Runscope defines as "exists and is a
 * value other than an empty string or null".
 *
 * @example
 * ```ts
 * compare('has_value', { found: true, value: ['a', 'b'] }, 'b'); // { passed: true }
 * ```
 */
export function compare(
  comparison: RunscopeComparison,
  actual: Lookup,
  target: string | null,
): ComparisonResult {
  if (!actual.found) return { passed: false, reason: 'the property was not found' };
  const { value } = actual;
  const expected = target ?? '';
  const verdict = (passed: boolean, reason: string): ComparisonResult =>
    passed ? { passed: true } : { passed: false, reason };
  switch (comparison) {
    case 'equal':
      // Case-sensitive, as a string comparison is.
      return verdict(
        castToText(value) === expected,
        `${JSON.stringify(castToText(value))} is not ${JSON.stringify(expected)}`,
      );
    case 'equal_number':
      // A numeric comparison: "1.000" equals "1".
      return numeric(value, expected, (left, right) =>
        verdict(left === right, `${left} is not ${right}`),
      );
    case 'contains': {
      // "The actual value contains the target value as a substring", after the
      // string cast: a list is searched in its JSON text, so `["urn:…:User"]`
      // contains `urn:…:User`. Exact membership is has_value's job.
      const text = castToText(value);
      return verdict(
        text.includes(expected),
        `${JSON.stringify(text)} does not contain ${JSON.stringify(expected)}`,
      );
    }
    case 'has_value': {
      // A list or a dictionary, searched for a member (a dictionary's values,
      // not its keys, which is has_key) whose string cast equals the target.
      if (typeof value !== 'object' || value === null) {
        return { passed: false, reason: `${castToText(value)} is not a list or a dictionary` };
      }
      const members = Array.isArray(value) ? value : Object.values(value);
      return verdict(
        members.some((member) => castToText(member) === expected),
        `${castToText(value)} has no value ${JSON.stringify(expected)}`,
      );
    }
    case 'not_empty':
      // By Runscope's definition `false`, `0`, `[]` and `{}` are not empty.
      // Okta's file checks `Resources` this way and then `Resources[0].id`,
      // which fails on an empty list, so the list's emptiness is still caught.
      return verdict(value !== null && value !== '', `the value is ${castToText(value)}`);
    case 'is_a_number':
      return verdict(castToNumber(value) !== undefined, `${castToText(value)} is not a number`);
    case 'is_less_than':
      return numeric(value, expected, (left, right) =>
        verdict(left < right, `${left} is not less than ${right}`),
      );
  }
}

/** Casts both sides of a numeric comparison, failing when either is not a number. */
function numeric(
  value: unknown,
  target: string,
  then: (left: number, right: number) => ComparisonResult,
): ComparisonResult {
  const left = castToNumber(value);
  const right = castToNumber(target);
  if (right === undefined) return { passed: false, reason: `target ${target} is not a number` };
  if (left === undefined) return { passed: false, reason: `${castToText(value)} is not a number` };
  return then(left, right);
}
