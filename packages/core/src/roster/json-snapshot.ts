import type { JsonValue } from '../model/json-value.js';

const objectPrototype = Object.prototype;
// Deeper than any row: past it, the value may be cyclic, and the round trip
// raises the TypeError `JSON.stringify` raises for a cycle.
const maxDepth = 200;

/** Thrown on the first value this conversion leaves to `JSON.stringify` itself. */
class Unusual extends Error {}

/**
 * `JSON.parse(JSON.stringify(value))`, without the string in between: an
 * audit snapshot of every row a bulk batch writes made the round trip the
 * costliest step of building the row (and of its garbage). Plain objects,
 * arrays, `Date`s and scalars are converted here with `JSON.stringify`'s
 * rules (`toJSON` called, `undefined` and functions dropped from objects and
 * `null` in arrays, non-finite numbers `null`); a value holding anything
 * else (a class instance, a boxed scalar, a `Map`, a bigint) goes through the
 * round trip itself, whole, so no value comes out differently.
 *
 * @returns `undefined` where `JSON.stringify` returns `undefined` (an
 * `undefined`, a function or a symbol at the top).
 * @internal
 */
export function jsonSnapshot(value: unknown): JsonValue | undefined {
  try {
    return convert(value, '', 0);
  } catch (error) {
    if (error instanceof Unusual) return roundTrip(value);
    throw error;
  }
}

function roundTrip(value: unknown): JsonValue | undefined {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
}

function convert(input: unknown, key: string, depth: number): JsonValue | undefined {
  let value = input;
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
  } else if (typeof value === 'bigint') throw new Unusual();
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // -0 prints as 0.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'object':
      break;
    case 'bigint':
      throw new Unusual();
    default:
      return undefined;
  }
  if (value === null) return null;
  if (depth > maxDepth) throw new Unusual();
  if (Array.isArray(value)) {
    const out = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i += 1) {
      out[i] = convert(value[i], String(i), depth + 1) ?? null;
    }
    return out;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== objectPrototype && prototype !== null) throw new Unusual();
  const out: { [key: string]: JsonValue } = {};
  for (const name of Object.keys(value)) {
    const item = convert((value as Record<string, unknown>)[name], name, depth + 1);
    if (item === undefined) continue;
    // JSON.parse makes an own "__proto__" key a plain one: so does this.
    if (name === '__proto__') {
      Object.defineProperty(out, name, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[name] = item;
  }
  return out;
}
