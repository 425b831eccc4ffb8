import {
  InvalidScimPatchOp,
  InvalidScimRemoveValue,
  NoPathInScimPatchOp,
  NoTarget,
  ScimError as PatchLibraryError,
  type ScimPatchOperation,
  type ScimResource,
  scimPatch,
} from 'scim-patch';
import { ScimError } from './scim-error.js';

/** The schema URN a PatchOp body must name (RFC 7644 §3.5.2). */
export const patchOpSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * One PATCH operation after {@link normalizePatch}: a lower-case `op`, and for
 * `add` / `replace` without a path, one operation per attribute instead.
 *
 * @internal
 */
export interface PatchOperation {
  /** `add`, `replace` or `remove`, in lower case whatever the IdP sent. */
  op: 'add' | 'replace' | 'remove';
  /** The attribute path (RFC 7644 §3.5.2), absent only for `add` / `replace` of a whole object. */
  path?: string;
  /** The new value; absent for a `remove` without one. */
  value?: unknown;
}

// Attributes RFC 7643 types as booleans that Entra ID sends as "True" / "False".
const booleanAttributes = new Set(['active', 'primary']);
// Schema URNs whose attributes sit at the top of a resource: a key or path
// prefixed with one of these is the bare attribute.
const coreSchemas = [
  'urn:ietf:params:scim:schemas:core:2.0:User:',
  'urn:ietf:params:scim:schemas:core:2.0:Group:',
];

function syntax(detail: string): ScimError {
  return new ScimError(400, 'invalidSyntax', detail);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lastSegment(path: string): string {
  // `emails[type eq "work"].primary` → `primary`; `urn:…:User:active` → `active`.
  const withoutFilters = path.replace(/\[[^\]]*\]/g, '');
  const parts = withoutFilters.split(/[.:]/);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

function booleanOf(attribute: string, value: unknown): unknown {
  if (booleanAttributes.has(attribute.toLowerCase()) && typeof value === 'string') {
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
  }
  return value;
}

/** Booleans out of strings and `null` sub-attributes dropped, at every depth. */
function cleanValue(value: unknown, attribute: string): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null).map((item) => cleanValue(item, attribute));
  }
  if (isObject(value)) {
    const cleaned: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(value)) {
      if (sub === null) continue;
      cleaned[key] = cleanValue(sub, lastSegment(key));
    }
    return cleaned;
  }
  return booleanOf(attribute, value);
}

function stripCoreSchema(key: string): string {
  const lower = key.toLowerCase();
  const prefix = coreSchemas.find((schema) => lower.startsWith(schema.toLowerCase()));
  return prefix === undefined ? key : key.slice(prefix.length);
}

function isSchemaUrn(key: string): boolean {
  // `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User` names a schema,
  // `…:2.0:User:manager` an attribute of it.
  return /^urn:/i.test(key) && /:\d+\.\d+:[A-Za-z]+$/.test(key);
}

/**
 * `add` / `replace` without a path, as one operation per attribute: a complex
 * attribute's sub-attributes each get their own path, so those not named are
 * kept (RFC 7644 §3.5.2.3), and an extension's URN is never split at the dot of
 * its version (scim-patch reads `…:enterprise:2.0:User` as `…:enterprise:2` + `0:User`).
 */
function spread(op: 'add' | 'replace', value: Record<string, unknown>): PatchOperation[] {
  const operations: PatchOperation[] = [];
  for (const [rawKey, sub] of Object.entries(value)) {
    if (sub === null) continue;
    const key = stripCoreSchema(rawKey);
    if (isSchemaUrn(key) && isObject(sub)) {
      for (const [attribute, inner] of Object.entries(sub)) {
        if (inner === null) continue;
        operations.push({ op, path: `${key}:${attribute}`, value: cleanValue(inner, attribute) });
      }
    } else if (isObject(sub) && !/^urn:/i.test(key) && !key.includes('.')) {
      // A complex attribute (`name`): each sub-attribute on its own path.
      for (const [attribute, inner] of Object.entries(sub)) {
        if (inner === null) continue;
        operations.push({
          op,
          path: `${key}.${attribute}`,
          value: cleanValue(inner, attribute),
        });
      }
    } else {
      operations.push({ op, path: key, value: cleanValue(sub, lastSegment(key)) });
    }
  }
  return operations;
}

/**
 * Validates a SCIM PATCH body (RFC 7644 §3.5.2) and irons out what identity
 * providers send differently: `op` in any case (`Add`, `Replace`, `Remove`),
 * Entra ID's `"True"` / `"False"` for booleans, dotted (`name.givenName`) and
 * URN (`urn:…:enterprise:2.0:User:manager`) keys in a value without a path,
 * and `null` sub-attributes (dropped). An `add` / `replace` without a path
 * becomes one operation per attribute; a `replace` of a path with `null` is a
 * `remove` of it (RFC 7643 §2.5: null is "unassigned").
 *
 * @param body - the request's parsed JSON.
 * @returns the operations, ready for {@link applyPatch}.
 * @throws ScimError 400 `invalidSyntax` when the body is not a PatchOp message,
 * 400 `noTarget` for a `remove` without a path, 400 `invalidValue` for an
 * `add` / `replace` without a value.
 *
 * @example
 * ```ts
 * normalizePatch({
 *   schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
 *   Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
 * });
 * // [{ op: 'replace', path: 'active', value: false }]
 * ```
 *
 * @internal
 */
export function normalizePatch(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw syntax('The body must be a PatchOp message');
  const { schemas, Operations } = body;
  if (!Array.isArray(schemas) || !schemas.includes(patchOpSchema)) {
    throw syntax(`"schemas" must contain "${patchOpSchema}"`);
  }
  if (!Array.isArray(Operations) || Operations.length === 0) {
    throw syntax('"Operations" must be a non-empty array');
  }
  return Operations.flatMap((operation, index): PatchOperation[] => {
    const at = `Operations[${index}]`;
    if (!isObject(operation)) throw syntax(`${at} must be an object`);
    const { op: rawOp, path, value } = operation;
    const op = typeof rawOp === 'string' ? rawOp.toLowerCase() : undefined;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw syntax(`${at}.op must be "add", "replace" or "remove"`);
    }
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) {
      throw new ScimError(400, 'invalidPath', `${at}.path must be a non-empty string`);
    }
    const target = path === undefined ? undefined : stripCoreSchema(path.trim());
    if (op === 'remove') {
      if (target === undefined) {
        throw new ScimError(400, 'noTarget', `${at}: a "remove" needs a path`);
      }
      return value === undefined || value === null
        ? [{ op, path: target }]
        : [{ op, path: target, value: cleanValue(value, lastSegment(target)) }];
    }
    if (target === undefined) {
      if (!isObject(value)) {
        throw new ScimError(
          400,
          'invalidValue',
          `${at}: an "${op}" without a path needs an object value`,
        );
      }
      return spread(op, value);
    }
    if (value === undefined) {
      throw new ScimError(400, 'invalidValue', `${at}: an "${op}" needs a value`);
    }
    if (value === null) return op === 'replace' ? [{ op: 'remove', path: target }] : [];
    return [{ op, path: target, value: cleanValue(value, lastSegment(target)) }];
  });
}

/**
 * Applies normalized PATCH operations to a SCIM resource with scim-patch,
 * leaving the input untouched; a `replace` of a filtered path that matches
 * nothing adds the entry (`emails[type eq "work"].value` on a user without a
 * work email creates it).
 *
 * @param resource - the resource as the SCIM service renders it (with `schemas` and `meta`).
 * @param operations - what {@link normalizePatch} returned.
 * @returns a patched copy.
 * @throws ScimError 400 `noTarget` (a filter that matches nothing where it
 * must), `invalidPath` (a path that does not parse or reaches through a
 * single value) or `invalidValue` (a value the target cannot take).
 *
 * @example
 * ```ts
 * const group = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g1', displayName: 'Sales', meta: { resourceType: 'Group' } };
 * applyPatch(group, [{ op: 'replace', path: 'displayName', value: 'Sales EMEA' }]).displayName; // 'Sales EMEA'
 * ```
 *
 * @internal
 */
export function applyPatch<T extends object>(resource: T, operations: PatchOperation[]): T {
  try {
    return scimPatch(
      resource as unknown as ScimResource,
      operations as unknown as ScimPatchOperation[],
      { mutateDocument: false, treatMissingAsAdd: true },
    ) as unknown as T;
  } catch (error) {
    if (!(error instanceof PatchLibraryError)) throw error;
    const detail = error.message.replace(/^Invalid SCIM (Patch|Remove Operation): /, '');
    // scim-patch does not export FilterArrayTargetNotFound (a filter that
    // matched no entry to remove from): it is a noTarget all the same.
    if (
      error instanceof NoTarget ||
      error instanceof NoPathInScimPatchOp ||
      error.constructor.name === 'FilterArrayTargetNotFound'
    ) {
      throw new ScimError(400, 'noTarget', detail);
    }
    if (error instanceof InvalidScimPatchOp) throw new ScimError(400, 'invalidPath', detail);
    if (error instanceof InvalidScimRemoveValue) throw new ScimError(400, 'invalidValue', detail);
    throw new ScimError(400, 'invalidValue', detail);
  }
}
