import type { AccountSort } from '@rosterkit/core';
import { type AccountSortKey, compareAccountSortKeys } from '@rosterkit/core/adapter';
import { entrySortKey, type ListEntry } from './list-entry.js';

/** One account's place in a {@link SortedAccounts}: its sort key, id, and current entry. @internal */
export interface SortItem {
  readonly key: AccountSortKey;
  readonly id: string;
  /** Replaced in place when the account changes but its key does not. */
  entry: ListEntry;
}

// Past this many changes at once, a segment is filtered and merged in one
// pass rather than spliced change by change (each splice moves the array).
const spliceLimit = 32;

/**
 * The accounts of one organization in the order of one sort field, kept
 * ascending; a descending page walks it backwards. Orders are those of the
 * adapter kit's `compareAccountSortKeys`, so pages and cursors are the same
 * as a full sort's. For `lastSeenAt`, accounts never seen are a second
 * segment, last in either direction, as the kit orders them.
 *
 * @internal
 */
export class SortedAccounts {
  readonly field: AccountSort['field'];
  /** `[seen, never]` for `lastSeenAt`; `[all, []]` otherwise. */
  readonly #segments: [SortItem[], SortItem[]] = [[], []];
  readonly #items = new Map<string, SortItem>();

  constructor(field: AccountSort['field'], entries: Iterable<ListEntry>) {
    this.field = field;
    for (const entry of entries) {
      const item = this.#item(entry);
      this.#segments[this.#segmentOf(item)].push(item);
    }
    for (const segment of this.#segments) segment.sort(this.#compare);
  }

  /** How many accounts the order holds. */
  get size(): number {
    return this.#items.size;
  }

  /** The item at `index` of the order `sort` walks (its direction, never-seen last). */
  at(sort: AccountSort, index: number): SortItem {
    const [first, second] = this.#segments;
    const asc = sort.direction === 'asc';
    if (index < first.length) return first[asc ? index : first.length - 1 - index] as SortItem;
    const rest = index - first.length;
    return second[asc ? rest : second.length - 1 - rest] as SortItem;
  }

  /** The index of the first item strictly after `cursor` in `sort`'s order (`0` without one). */
  firstAfter(sort: AccountSort, cursor: { key: AccountSortKey; id: string } | undefined): number {
    if (cursor === undefined) return 0;
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareAccountSortKeys(sort, this.at(sort, middle), cursor) > 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /**
   * Applies changed accounts: `undefined` removes one, an entry adds or
   * replaces it (moved only when its key changed).
   */
  apply(changes: ReadonlyMap<string, ListEntry | undefined>): void {
    const removed = new Set<SortItem>();
    const added: SortItem[] = [];
    for (const [id, entry] of changes) {
      const current = this.#items.get(id);
      if (entry !== undefined && current !== undefined) {
        const key = entrySortKey(entry, this.field);
        if (sameKey(key, current.key)) {
          current.entry = entry;
          continue;
        }
      }
      if (current !== undefined) {
        removed.add(current);
        this.#items.delete(id);
      }
      if (entry !== undefined) added.push(this.#item(entry));
    }
    if (removed.size === 0 && added.length === 0) return;
    for (const s of [0, 1] as const) {
      const gone = [...removed].filter((item) => this.#segmentOf(item) === s);
      const fresh = added.filter((item) => this.#segmentOf(item) === s);
      if (gone.length + fresh.length > spliceLimit) this.#merge(s, new Set(gone), fresh);
      else {
        const segment = this.#segments[s];
        for (const item of gone) segment.splice(this.#position(segment, item), 1);
        for (const item of fresh) segment.splice(this.#position(segment, item), 0, item);
      }
    }
  }

  // Drops `gone` in one pass, then places each fresh item by binary search:
  // about k log n comparisons and one copy of the segment, not n comparisons.
  #merge(s: 0 | 1, gone: ReadonlySet<SortItem>, fresh: SortItem[]): void {
    const segment = this.#segments[s];
    const kept = gone.size === 0 ? segment : segment.filter((item) => !gone.has(item));
    fresh.sort(this.#compare);
    const merged: SortItem[] = new Array(kept.length + fresh.length);
    let from = 0;
    let k = 0;
    for (const item of fresh) {
      const at = this.#position(kept, item, from);
      while (from < at) merged[k++] = kept[from++] as SortItem;
      merged[k++] = item;
    }
    while (from < kept.length) merged[k++] = kept[from++] as SortItem;
    this.#segments[s] = merged;
  }

  // Where `item` is (or would go) in an ascending segment.
  #position(segment: readonly SortItem[], item: SortItem, from = 0): number {
    let low = from;
    let high = segment.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#compare(segment[middle] as SortItem, item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #item(entry: ListEntry): SortItem {
    const item: SortItem = {
      key: entrySortKey(entry, this.field),
      id: entry.id,
      entry,
    };
    this.#items.set(entry.id, item);
    return item;
  }

  #segmentOf(item: SortItem): 0 | 1 {
    return this.field === 'lastSeenAt' && item.key[0] === null ? 1 : 0;
  }

  // The ascending order of `compareAccountSortKeys`, written out per field:
  // sorting 100,000 accounts through the kit's generic comparison took
  // seconds. The test of this file holds the two to the same order.
  readonly #compare = (a: SortItem, b: SortItem): number => {
    const x = a.key;
    const y = b.key;
    const first = x[0];
    const other = y[0];
    if (first !== other && first !== null && other !== null) {
      return (first as string | number) < (other as string | number) ? -1 : 1;
    }
    if (this.field === 'name') {
      const last = x[1] as string;
      const otherLast = y[1] as string;
      if (last !== otherLast) return last < otherLast ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

function sameKey(a: AccountSortKey, b: AccountSortKey): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}
