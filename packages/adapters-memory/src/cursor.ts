import { invalid } from './errors.js';

/** Encodes a cursor: base64url JSON. @internal */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor written by {@link encodeCursor} and checks its shape with
 * `isValid`; anything else is `INVALID_INPUT`.
 *
 * @internal
 */
export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'Not a cursor of this list; pass a nextCursor as it was returned');
  }
  if (!isValid(value)) {
    throw invalid('cursor', 'Not a cursor of this list; pass a nextCursor as it was returned');
  }
  return value;
}

/** Compares two strings by UTF-16 code units. @internal */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
