import { invalidField } from './store-errors.js';

// Cursors are base64url JSON: opaque to callers, readable by the store that
// wrote them. Written with `btoa`/`atob` and TextEncoder, not Node's Buffer,
// so the kit runs wherever an adapter does (an edge runtime's D1 or Workers).

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

const refusal = () =>
  invalidField('cursor', 'Not a cursor of this list; pass a nextCursor as it was returned');

/**
 * Encodes a cursor: `value` as base64url JSON (no padding). What a page
 * returns as `nextCursor`, and {@link decodeCursor} reads back.
 *
 * @param value - what the next page starts after (the last row's sort key and id); JSON-serializable.
 *
 * @example
 * ```ts
 * import { encodeCursor } from '@rosterkit/core/adapter';
 *
 * const nextCursor = encodeCursor({ at: Date.UTC(2026, 0, 1), id: 'aud_9' });
 * ```
 */
export function encodeCursor(value: unknown): string {
  return toBase64Url(encoder.encode(JSON.stringify(value)));
}

/**
 * Decodes a cursor written by {@link encodeCursor} and checks its shape with
 * `isValid`. Anything else (not base64url, not JSON, not of the list's shape,
 * a cursor of another list or another sort) is the port's `INVALID_INPUT` at
 * `cursor`, never a crash or a silently wrong page.
 *
 * @param cursor - the query's `cursor`, as the caller passed it.
 * @param isValid - a type guard for the cursor's shape: check every field it reads.
 * @returns the decoded value.
 * @throws `INVALID_INPUT` at `cursor`.
 *
 * @example
 * ```ts
 * import { decodeCursor, encodeCursor } from '@rosterkit/core/adapter';
 *
 * interface Offset { readonly n: number }
 * const isOffset = (value: unknown): value is Offset =>
 *   typeof value === 'object' && value !== null && Number.isInteger((value as Offset).n);
 * const { n } = decodeCursor(encodeCursor({ n: 40 }), isOffset); // 40
 * ```
 */
export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refusal();
    value = JSON.parse(decoder.decode(fromBase64Url(cursor)));
  } catch {
    throw refusal();
  }
  if (!isValid(value)) throw refusal();
  return value;
}

/**
 * Where a newest-first page of `auditEvents.list` or `outbox.listDead` ends:
 * the last row's instant (its `at`, or its `deadAt`) and its id. The next
 * page holds the rows strictly after it in that order: an earlier instant, or
 * the same instant and a smaller id.
 *
 * @example
 * ```ts
 * import { decodeInstantCursor, encodeInstantCursor, type InstantCursor } from '@rosterkit/core/adapter';
 *
 * const last: InstantCursor = { at: new Date('2026-01-15T09:30:00Z'), id: 'aud_9' };
 * const { at, id } = decodeInstantCursor(encodeInstantCursor(last)); // the same instant and id
 * ```
 */
export interface InstantCursor {
  /** The last row's instant. */
  readonly at: Date;
  /** The last row's id. */
  readonly id: string;
}

/**
 * Encodes an {@link InstantCursor} (as `{ at: epoch ms, id }`).
 *
 * @example
 * ```ts
 * import { encodeInstantCursor } from '@rosterkit/core/adapter';
 *
 * const last = { id: 'aud_9', at: new Date('2026-01-15T09:30:00Z') };
 * const nextCursor = encodeInstantCursor(last);
 * ```
 */
export function encodeInstantCursor(last: InstantCursor): string {
  return encodeCursor({ at: last.at.getTime(), id: last.id });
}

function isStoredInstant(value: unknown): value is { at: number; id: string } {
  const cursor = value as { at?: unknown; id?: unknown } | null;
  return (
    typeof cursor === 'object' &&
    cursor !== null &&
    typeof cursor.at === 'number' &&
    Number.isFinite(cursor.at) &&
    typeof cursor.id === 'string'
  );
}

/**
 * Decodes a cursor written by {@link encodeInstantCursor}.
 *
 * @throws `INVALID_INPUT` at `cursor` for anything else.
 *
 * @example
 * ```ts
 * import { decodeInstantCursor, encodeInstantCursor } from '@rosterkit/core/adapter';
 *
 * const cursor = encodeInstantCursor({ at: new Date(0), id: 'out_1' });
 * const { at, id } = decodeInstantCursor(cursor);
 * // SQL: WHERE at < ? OR (at = ? AND id < ?) ORDER BY at DESC, id DESC
 * ```
 */
export function decodeInstantCursor(cursor: string): InstantCursor {
  const { at, id } = decodeCursor(cursor, isStoredInstant);
  return { at: new Date(at), id };
}
