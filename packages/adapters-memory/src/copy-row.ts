/**
 * A deep copy of a stored row, for the way into and out of the store: the
 * same result as `structuredClone` for what rows hold (plain objects, arrays,
 * `Date`s, JSON scalars), several times faster, because `structuredClone`
 * serializes and revives every value. Anything else (a class instance, a
 * `Map`, a typed array) falls back to `structuredClone`, so no value is copied
 * differently than before.
 *
 * @internal
 */
export function copyRow<T>(row: T): T {
  return copyValue(row) as T;
}

const objectPrototype = Object.prototype;

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) out[i] = copyValue(value[i]);
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== objectPrototype && prototype !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[name];
    // Most fields are scalars: copied without a call (a bulk batch copies
    // every field of every row it writes).
    const item = typeof field !== 'object' || field === null ? field : copyValue(field);
    // An own "__proto__" key (JSON.parse makes them) must stay a plain key.
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
