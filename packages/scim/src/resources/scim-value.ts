import type { JsonObject, JsonValue } from '@rosterkit/core';

// SCIM attribute names are case-insensitive (RFC 7643 §2.1): Entra sends
// `Primary`, Okta `primary`. These read a resource the way the RFC does,
// while what is stored keeps the identity provider's spelling.

/** Whether a value is a JSON object (not an array, not null). @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of `name` in `object`, compared case-insensitively. @internal */
export function attribute(object: Record<string, unknown>, name: string): unknown {
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

/** A string attribute, trimmed; absent, `null`, a non-string or blank: `undefined`. @internal */
export function textAttribute(object: Record<string, unknown>, name: string): string | undefined {
  const value = attribute(object, name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A boolean as identity providers send it: `true`, or Entra's `"True"` /
 * `"False"` strings. Anything else is `invalid`.
 * @internal
 */
export function booleanValue(value: unknown): boolean | 'invalid' {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    return value.trim().toLowerCase() === 'true';
  }
  return 'invalid';
}

/**
 * A JSON value with every `null` member dropped: RFC 7643 §2.5 makes null
 * "unassigned", and Microsoft's tests send `"region": null` in addresses.
 * @internal
 */
export function withoutNulls(value: unknown): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    return value.map(withoutNulls).filter((entry): entry is JsonValue => entry !== undefined);
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [key, entry] of Object.entries(value)) {
      const kept = withoutNulls(entry);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return value as JsonValue;
}

/** `object` without the keys named (compared case-insensitively). @internal */
export function omitAttributes(object: JsonObject, names: readonly string[]): JsonObject {
  const dropped = new Set(names.map((name) => name.toLowerCase()));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (!dropped.has(key.toLowerCase())) out[key] = value;
  }
  return out;
}
