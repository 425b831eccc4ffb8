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
  const refuse = () =>
    invalid('cursor', 'Not a cursor of this list; pass a nextCursor as it was returned');
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!isValid(value)) throw refuse();
  return value;
}
