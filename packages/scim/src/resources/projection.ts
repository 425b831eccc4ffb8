import { scimSchemas } from '../discovery.js';
import { isObject } from './scim-value.js';

// `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9): which
// attributes a response carries. Names are case-insensitive, may carry the
// core schema's URN, and may name a sub-attribute (`name.givenName`); a
// value filter in brackets (`emails[type eq "work"]`), which some clients
// send, is read as its attribute.

/** Attributes RFC 7643 returns "always": never left out. */
const always = new Set(['id', 'schemas']);

type Path = readonly [string] | readonly [string, string];

const corePrefixes = [`${scimSchemas.user}:`, `${scimSchemas.group}:`].map((urn) =>
  urn.toLowerCase(),
);
const extensionPrefix = `${scimSchemas.enterpriseUser}:`.toLowerCase();

function pathOf(raw: string): Path | undefined {
  let name = raw.trim().replace(/\[[^\]]*\]/g, '');
  if (name === '') return undefined;
  const lower = name.toLowerCase();
  const core = corePrefixes.find((prefix) => lower.startsWith(prefix));
  if (core !== undefined) name = name.slice(core.length);
  else if (lower.startsWith(extensionPrefix)) {
    const rest = name.slice(extensionPrefix.length);
    return rest === '' ? [scimSchemas.enterpriseUser] : [scimSchemas.enterpriseUser, rest];
  } else if (lower === scimSchemas.enterpriseUser.toLowerCase()) {
    return [scimSchemas.enterpriseUser];
  }
  const [head, ...rest] = name.split('.');
  if (head === undefined || head === '') return undefined;
  return rest.length === 0 ? [head] : [head, rest.join('.')];
}

/** The comma-separated list of a query parameter, as paths; `undefined` when absent or empty. */
export function attributeList(value: string | null): Path[] | undefined {
  if (value === null) return undefined;
  const paths = value
    .split(',')
    .map(pathOf)
    .filter((path) => path !== undefined);
  return paths.length === 0 ? undefined : paths;
}

function keyOf(object: Record<string, unknown>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

function pick(resource: Record<string, unknown>, paths: readonly Path[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (always.has(key)) out[key] = value;
  }
  for (const [head, sub] of paths) {
    const key = keyOf(resource, head);
    if (key === undefined) continue;
    const value = resource[key];
    if (sub === undefined) {
      out[key] = value;
      continue;
    }
    const subKey = isObject(value) ? keyOf(value, sub) : undefined;
    if (subKey === undefined) continue;
    if (isObject(value)) {
      const existing = isObject(out[key]) ? (out[key] as Record<string, unknown>) : {};
      out[key] = { ...existing, [subKey]: value[subKey] };
    }
  }
  return out;
}

function drop(resource: Record<string, unknown>, paths: readonly Path[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...resource };
  for (const [head, sub] of paths) {
    const key = keyOf(out, head);
    if (key === undefined || always.has(key)) continue;
    if (sub === undefined) {
      delete out[key];
      continue;
    }
    const value = out[key];
    const subKey = isObject(value) ? keyOf(value, sub) : undefined;
    if (isObject(value) && subKey !== undefined) {
      const { [subKey]: _, ...rest } = value;
      out[key] = rest;
    }
  }
  return out;
}

/**
 * The resource with only the attributes asked for (plus `id` and
 * `schemas`), or without the ones excluded. `attributes` wins when both are
 * given (RFC 7644 §3.4.2.5 lets a service take either).
 * @internal
 */
export function project<T extends object>(
  resource: T,
  attributes: readonly Path[] | undefined,
  excluded: readonly Path[] | undefined,
): Record<string, unknown> {
  const record = resource as unknown as Record<string, unknown>;
  if (attributes !== undefined) return pick(record, attributes);
  if (excluded !== undefined) return drop(record, excluded);
  return record;
}

/** Whether a projection leaves `name` out (so a list need not read it). @internal */
export function leavesOut(
  name: string,
  attributes: readonly Path[] | undefined,
  excluded: readonly Path[] | undefined,
): boolean {
  const lower = name.toLowerCase();
  if (attributes !== undefined) return !attributes.some(([head]) => head.toLowerCase() === lower);
  return (
    excluded?.some(([head, sub]) => head.toLowerCase() === lower && sub === undefined) ?? false
  );
}
