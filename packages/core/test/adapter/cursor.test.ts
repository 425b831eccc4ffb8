import { describe, expect, it } from 'vitest';
import {
  accountSortKey,
  compareAccountSortKeys,
  decodeAccountCursor,
  decodeCursor,
  decodeInstantCursor,
  encodeAccountCursor,
  encodeCursor,
  encodeInstantCursor,
} from '../../src/adapter/index.js';
import type { AccountSort } from '../../src/index.js';

const isAnything = (value: unknown): value is unknown => true;
const refused = expect.objectContaining({
  code: 'INVALID_INPUT',
  details: { issues: [expect.objectContaining({ path: ['cursor'] })] },
});

describe('the cursor codec', () => {
  it('writes base64url JSON without padding, as Buffer would, and reads it back', () => {
    for (const value of [{ at: 1, id: 'a' }, ['ana', 'ng'], { id: 'é 🧑‍💻 \u0000' }, 'x', 12.5]) {
      const cursor = encodeCursor(value);
      expect(cursor).toBe(Buffer.from(JSON.stringify(value), 'utf8').toString('base64url'));
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, isAnything)).toEqual(value);
    }
  });

  it('refuses what is not a cursor of the shape with INVALID_INPUT', () => {
    const isNumber = (value: unknown): value is number => typeof value === 'number';
    for (const cursor of ['', 'not a cursor', '%%%', 'eyJ4Ijo1fQ', 'a', '_w', encodeCursor('x')]) {
      expect(() => decodeCursor(cursor, isNumber), cursor).toThrow(refused);
    }
    // Bytes that are not UTF-8 are refused, not read with replacement characters.
    expect(() => decodeCursor(Buffer.from([0xff, 0xfe]).toString('base64url'), isAnything)).toThrow(
      refused,
    );
  });

  it('an instant cursor keeps the instant and the id, and refuses other shapes', () => {
    const at = new Date('2026-01-15T09:30:00.123Z');
    const cursor = encodeInstantCursor({ at, id: 'aud_9' });
    expect(decodeCursor(cursor, isAnything)).toEqual({ at: at.getTime(), id: 'aud_9' });
    expect(decodeInstantCursor(cursor)).toEqual({ at, id: 'aud_9' });
    for (const value of [{ at: '1', id: 'a' }, { at: 1 }, { at: null, id: 'a' }, [1, 'a'], null]) {
      expect(() => decodeInstantCursor(encodeCursor(value))).toThrow(refused);
    }
  });
});

describe('the order and cursor of accounts.list', () => {
  const account = (first: string, last: string, seen: number | null) => ({
    firstName: first,
    lastName: last,
    email: `${first}@acme.io`,
    createdAt: new Date(1000),
    lastSeenAt: seen === null ? null : new Date(seen),
  });

  it('keys are the lower-cased names, the email, or epoch milliseconds', () => {
    const ana = account('Ana', 'NG', 5);
    expect(accountSortKey('name', ana)).toEqual(['ana', 'ng']);
    expect(accountSortKey('email', ana)).toEqual(['Ana@acme.io']);
    expect(accountSortKey('createdAt', ana)).toEqual([1000]);
    expect(accountSortKey('lastSeenAt', ana)).toEqual([5]);
    expect(accountSortKey('lastSeenAt', account('Bo', 'Li', null))).toEqual([null]);
  });

  it('orders by the key in the direction, ties by id the same way, never seen last in both', () => {
    const rows = [
      { key: [null], id: 'a' },
      { key: [2], id: 'b' },
      { key: [1], id: 'd' },
      { key: [1], id: 'c' },
      { key: [null], id: 'e' },
    ];
    const order = (sort: AccountSort) =>
      [...rows].sort((x, y) => compareAccountSortKeys(sort, x, y)).map((row) => row.id);
    expect(order({ field: 'lastSeenAt', direction: 'asc' })).toEqual(['c', 'd', 'b', 'a', 'e']);
    expect(order({ field: 'lastSeenAt', direction: 'desc' })).toEqual(['b', 'd', 'c', 'e', 'a']);
    const names = [
      { key: ['ana', 'ng'], id: 'x' },
      { key: ['ana', 'li'], id: 'y' },
      { key: ['Ana', 'zz'], id: 'z' },
    ];
    expect(
      names
        .sort((x, y) => compareAccountSortKeys({ field: 'name', direction: 'asc' }, x, y))
        .map((row) => row.id),
    ).toEqual(['z', 'y', 'x']);
  });

  it('a cursor reads back for its own sort only', () => {
    const sorts: AccountSort[] = ['name', 'email', 'createdAt', 'lastSeenAt'].flatMap((field) =>
      (['asc', 'desc'] as const).map((direction) => ({
        field: field as AccountSort['field'],
        direction,
      })),
    );
    const last = account('Zoë', 'Ray', null);
    for (const sort of sorts) {
      const key = accountSortKey(sort.field, last);
      const cursor = encodeAccountCursor(sort, { key, id: 'acc_9' });
      expect(decodeAccountCursor(sort, cursor)).toEqual({ key, id: 'acc_9' });
      for (const other of sorts.filter((s) => s !== sort)) {
        expect(() => decodeAccountCursor(other, cursor), `${sort.field} ${other.field}`).toThrow(
          refused,
        );
      }
    }
  });

  it('a cursor whose key does not fit its sort is refused', () => {
    const sort: AccountSort = { field: 'name', direction: 'asc' };
    for (const k of [['ana'], ['ana', 1], 'ana', [null, null], ['a', 'b', 'c']]) {
      const cursor = encodeCursor({ s: 'name:asc', k, id: 'acc_1' });
      expect(() => decodeAccountCursor(sort, cursor)).toThrow(refused);
    }
    const seen: AccountSort = { field: 'lastSeenAt', direction: 'asc' };
    expect(() =>
      decodeAccountCursor(seen, encodeCursor({ s: 'lastSeenAt:asc', k: ['x'], id: 'a' })),
    ).toThrow(refused);
    expect(
      decodeAccountCursor(seen, encodeCursor({ s: 'lastSeenAt:asc', k: [null], id: 'a' })),
    ).toEqual({
      key: [null],
      id: 'a',
    });
  });
});
