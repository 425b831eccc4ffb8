/**
 * Runscope locates data in a JSON body "using standard JavaScript notation"
 * (its assertion and variable docs): `Resources[0].name.familyName`, a leading
 * `[0]` for a body that is an array, and `["key"]` for a key no dot notation
 * can spell (a SCIM extension URN contains a dot: `["urn:…:2.0:User"].manager`).
 * Only member access is supported; anything else in a path (calls, operators)
 * is a format error, found when the test file is read, not during a run.
 */
export type PathSegment = { key: string } | { index: number };

/** What a path finds: nothing, or a value (which may be JSON `null`). */
export type Lookup = { found: false } | { found: true; value: unknown };

/**
 * Parses a Runscope property path into its segments; throws an `Error` that
 * names the offending character when the path is not plain member access.
 *
 * @example
 * ```ts
 * parsePropertyPath('Resources[0].id'); // [{ key: 'Resources' }, { index: 0 }, { key: 'id' }]
 * ```
 */
export function parsePropertyPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let at = 0;
  const invalid = (why: string) =>
    new Error(`invalid property path ${JSON.stringify(path)} at ${at}: ${why}`);
  if (path.trim() !== path) throw invalid('leading or trailing whitespace');
  while (at < path.length) {
    const char = path[at];
    if (char === '[') {
      const close = path.indexOf(']', at);
      if (close === -1) throw invalid('unclosed [');
      const inner = path.slice(at + 1, close);
      if (/^(0|[1-9][0-9]*)$/.test(inner)) {
        segments.push({ index: Number(inner) });
      } else if (/^"[^"\\]*"$/.test(inner) || /^'[^'\\]*'$/.test(inner)) {
        segments.push({ key: inner.slice(1, -1) });
      } else {
        throw invalid('a bracket holds a non-negative integer or a quoted key');
      }
      at = close + 1;
    } else {
      if (char === '.') {
        if (segments.length === 0) throw invalid('a path cannot start with a dot');
        at += 1;
      } else if (segments.length > 0) {
        throw invalid('expected "." or "[" after a segment');
      }
      // An identifier runs to the next dot or bracket. SCIM names carry
      // characters JavaScript identifiers do not (':' and '-' in URNs and
      // extension names), and Runscope users write them unquoted.
      const match = /^[^.[\]\s]+/.exec(path.slice(at));
      if (match === null) throw invalid('expected a property name');
      const key = match[0];
      segments.push({ key });
      at += key.length;
    }
  }
  if (segments.length === 0) throw invalid('empty path');
  return segments;
}

/**
 * Follows `segments` through a parsed JSON document. A key is read only from a
 * plain object and an index only from an array (as in JavaScript, where `[0]`
 * of an object is its key "0": SCIM bodies never rely on that, so it does not
 * find anything here, which keeps a wrong path from passing by accident).
 *
 * @example
 * ```ts
 * readProperty({ a: [{ b: 1 }] }, parsePropertyPath('a[0].b')); // { found: true, value: 1 }
 * ```
 */
export function readProperty(document: unknown, segments: readonly PathSegment[]): Lookup {
  let current: unknown = document;
  for (const segment of segments) {
    if ('index' in segment) {
      if (!Array.isArray(current) || segment.index >= current.length) return { found: false };
      current = current[segment.index];
    } else {
      if (
        typeof current !== 'object' ||
        current === null ||
        Array.isArray(current) ||
        !Object.hasOwn(current, segment.key)
      ) {
        return { found: false };
      }
      current = (current as Record<string, unknown>)[segment.key];
    }
  }
  return { found: true, value: current };
}
