import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSnapshot } from '../src/roster/json-snapshot.js';

/** What an audit snapshot was before: the JSON round trip (`'throws'` when JSON.stringify throws). */
function roundTrip(value: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return 'throws';
  }
  return text === undefined ? undefined : JSON.parse(text);
}

function snapshotOrThrows(value: unknown): unknown {
  try {
    return jsonSnapshot(value);
  } catch {
    return 'throws';
  }
}

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

describe('jsonSnapshot', () => {
  it('equals the JSON round trip on any value (dates, undefined, NaN, sparse arrays, __proto__ keys, boxed scalars, bigints)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withDate: true,
          withBoxedValues: true,
          withBigInt: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withSparseArray: true,
          withObjectString: true,
          key: fc.oneof(fc.string(), fc.constant('__proto__'), fc.constant('toJSON')),
        }),
        (value) => {
          expect(snapshotOrThrows(value)).toStrictEqual(roundTrip(value));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps an own "__proto__" key a plain key, calls toJSON with its key, and round-trips class instances whole', () => {
    const tricky = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const out = jsonSnapshot(tricky) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out).toStrictEqual(roundTrip(tricky));
    const keyed = {
      at: { toJSON: (key: string) => `key ${key}` },
      list: [{ toJSON: (key: string) => key }],
    };
    expect(jsonSnapshot(keyed)).toStrictEqual({ at: 'key at', list: ['0'] });
    const row = { point: new Point(1, 2), when: new Date(0), gone: undefined, nan: Number.NaN };
    expect(Object.is((jsonSnapshot({ zero: -0 }) as { zero: number }).zero, 0)).toBe(true);
    expect(jsonSnapshot(row)).toStrictEqual(roundTrip(row));
    expect(jsonSnapshot(undefined)).toBeUndefined();
  });

  it('throws on a cycle, as JSON.stringify does', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => jsonSnapshot(cyclic)).toThrow(TypeError);
  });
});
