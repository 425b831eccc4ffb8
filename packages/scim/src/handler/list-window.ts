import { scimMaxResults } from '../discovery.js';
import { ScimError } from '../scim-error.js';

function integer(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  if (!/^-?\d{1,16}$/.test(raw.trim())) {
    throw new ScimError(400, 'invalidValue', `"${name}" must be an integer`);
  }
  return Number(raw.trim());
}

/**
 * A list's window (RFC 7644 §3.4.2.4): `startIndex` below 1 is 1, a
 * negative `count` is 0, one above the largest page is the largest page.
 * @internal
 */
export function listWindow(url: URL): { startIndex: number; count: number } {
  const startIndex = Math.min(
    Math.max(integer(url, 'startIndex') ?? 1, 1),
    Number.MAX_SAFE_INTEGER,
  );
  const count = Math.min(Math.max(integer(url, 'count') ?? 100, 0), scimMaxResults);
  return { startIndex, count };
}
