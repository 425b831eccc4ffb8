import type { RosterError } from '@rosterkit/core';
import { uniqueConflict } from '@rosterkit/core/adapter';
import { Layer, SetLayer } from './layer.js';

/** How a table is indexed: unique keys (at most one per row) and multi-valued keys. @internal */
export interface TableSpec<T> {
  /** The subject named in errors (`'Account'`). */
  readonly subject: string;
  readonly unique: Readonly<Record<string, (row: T) => string | undefined>>;
  readonly multi: Readonly<Record<string, (row: T) => readonly string[]>>;
}

/** An index key made of several parts, unambiguous whatever the parts contain. @internal */
export function key(...parts: readonly string[]): string {
  // Parts without a NUL are joined by one (the common case, and cheap); a key
  // with a NUL in a part is JSON, which escapes NULs, so the two kinds of key
  // never meet: only joined keys of two or more parts hold a raw NUL.
  if (parts.length < 2) return JSON.stringify(parts);
  // A loop, not `some` with a closure: every index of every row written calls this.
  for (const part of parts) if (part.includes('\u0000')) return JSON.stringify(parts);
  return parts.join('\u0000');
}

/**
 * The committed rows of one kind and their indexes. Rows are only ever read
 * and written through a {@link TableView}.
 *
 * @internal
 */
export class Table<T extends { id: string }> {
  readonly spec: TableSpec<T>;
  readonly rows = new Map<string, T>();
  readonly unique = new Map<string, Map<string, string>>();
  readonly multi = new Map<string, Map<string, Set<string>>>();
  /**
   * Told of every row a commit changes (its committed and its new value,
   * `undefined` for none), just before the commit applies: what keeps the
   * account lists' indexes in step.
   */
  readonly watchers: ((before: T | undefined, after: T | undefined) => void)[] = [];
  /** How many commits changed the table: a view begun at the current count has nothing to conflict with. */
  commits = 0;

  constructor(spec: TableSpec<T>) {
    this.spec = spec;
    for (const name of Object.keys(spec.unique)) this.unique.set(name, new Map());
    for (const name of Object.keys(spec.multi)) this.multi.set(name, new Map());
  }

  /** The committed row with this id (never handed out: callers clone it). */
  committed(id: string): T | undefined {
    return this.rows.get(id);
  }

  /** The committed rows whose multi-valued index `name` holds `value`. */
  committedBy(name: string, value: string): T[] {
    const found: T[] = [];
    const ids = this.multi.get(name)?.get(value);
    if (ids === undefined) return found;
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row !== undefined) found.push(row);
    }
    return found;
  }

  begin(): TableView<T> {
    return new TableView(this);
  }
}

/**
 * One transaction's copy-on-write view of a {@link Table}: writes maintain
 * every index and check unique keys; nothing reaches the table before `commit`.
 *
 * @internal
 */
export class TableView<T extends { id: string }> {
  readonly #spec: TableSpec<T>;
  /** The table this view is of. */
  readonly table: Table<T>;
  // The spec's keys as lists, worked out once: every write walks them.
  readonly #uniqueKeys: readonly (readonly [string, (row: T) => string | undefined])[];
  readonly #multiKeys: readonly (readonly [SetLayer, (row: T) => readonly string[]])[];
  readonly #rows: Layer<string, T>;
  readonly #unique = new Map<string, Layer<string, string>>();
  readonly #multi = new Map<string, SetLayer>();
  /** The table's commit count when the view began. */
  readonly #begunAt: number;

  constructor(table: Table<T>) {
    this.#spec = table.spec;
    this.table = table;
    this.#begunAt = table.commits;
    this.#rows = new Layer(table.rows);
    for (const [name, index] of table.unique) this.#unique.set(name, new Layer(index));
    for (const [name, index] of table.multi) this.#multi.set(name, new SetLayer(index));
    this.#uniqueKeys = Object.entries(table.spec.unique);
    this.#multiKeys = Object.entries(table.spec.multi).map(
      ([name, keysOf]) => [this.#multiIndex(name), keysOf] as const,
    );
  }

  /** The stored row (not a copy: never hand it out). */
  get(id: string): T | undefined {
    return this.#rows.get(id);
  }

  /** The id owning `value` in unique index `name`. */
  idBy(name: string, value: string): string | undefined {
    return this.#uniqueIndex(name).get(value);
  }

  /** The ids under `value` in multi-valued index `name`. */
  idsBy(name: string, value: string): ReadonlySet<string> {
    return this.#multiIndex(name).members(value);
  }

  /** The stored rows under `value` in multi-valued index `name`. */
  rowsBy(name: string, value: string): T[] {
    return [...this.idsBy(name, value)].flatMap((id) => this.#rows.get(id) ?? []);
  }

  /** Every stored row, as this transaction sees them. */
  all(): IterableIterator<T> {
    return this.#rows.values();
  }

  insert(row: T): void {
    if (!this.#rows.add(row.id, row)) throw uniqueConflict(this.#spec.subject, row.id, 'id');
    try {
      this.#checkUnique(row);
    } catch (error) {
      this.#rows.undoAdd(row.id);
      throw error;
    }
    this.#index(row, 'add');
  }

  replace(previous: T, next: T): void {
    this.#checkUnique(next);
    this.#index(previous, 'remove');
    this.#rows.set(next.id, next);
    this.#index(next, 'add');
  }

  remove(row: T): void {
    this.#index(row, 'remove');
    this.#rows.delete(row.id);
  }

  /** Whether the transaction wrote any row of the table (indexes change only with rows). */
  get changed(): boolean {
    return this.#rows.changed;
  }

  /**
   * The `CONFLICT` (reason `unique`) of an id or unique key this view took
   * that another transaction committed first, or `undefined`. Checked just
   * before commit: organizations' transactions run at once, and ids and
   * token hashes are unique across organizations.
   */
  conflict(): RosterError<'CONFLICT'> | undefined {
    // Nothing committed to the table since the view began: every key still
    // holds what the view saw (the common case, and free for a bulk batch).
    if (this.table.commits === this.#begunAt) return undefined;
    const id = this.#rows.conflict();
    if (id !== undefined) return uniqueConflict(this.#spec.subject, id, 'id');
    for (const [name, index] of this.#unique) {
      const value = index.conflict();
      if (value !== undefined) {
        return uniqueConflict(this.#spec.subject, index.get(value) ?? value, name);
      }
    }
    return undefined;
  }

  commit(): void {
    const { watchers } = this.table;
    if (watchers.length > 0) {
      for (const [before, after] of this.#rows.changes()) {
        for (const watch of watchers) watch(before, after);
      }
    }
    if (this.#rows.changed) this.table.commits += 1;
    this.#rows.commit();
    for (const index of this.#unique.values()) index.commit();
    for (const index of this.#multi.values()) index.commit();
  }

  #checkUnique(row: T): void {
    for (const [name, keyOf] of this.#uniqueKeys) {
      const value = keyOf(row);
      if (value === undefined) continue;
      const owner = this.#uniqueIndex(name).get(value);
      if (owner !== undefined && owner !== row.id) {
        throw uniqueConflict(this.#spec.subject, row.id, name);
      }
    }
  }

  #index(row: T, change: 'add' | 'remove'): void {
    for (const [name, keyOf] of this.#uniqueKeys) {
      const value = keyOf(row);
      if (value === undefined) continue;
      if (change === 'add') this.#uniqueIndex(name).set(value, row.id);
      else this.#uniqueIndex(name).delete(value);
    }
    for (const [index, keysOf] of this.#multiKeys) {
      for (const value of keysOf(row)) {
        if (change === 'add') index.add(value, row.id);
        else index.remove(value, row.id);
      }
    }
  }

  #uniqueIndex(name: string): Layer<string, string> {
    const index = this.#unique.get(name);
    if (index === undefined) throw new Error(`No unique index ${name} on ${this.#spec.subject}`);
    return index;
  }

  #multiIndex(name: string): SetLayer {
    const index = this.#multi.get(name);
    if (index === undefined) throw new Error(`No index ${name} on ${this.#spec.subject}`);
    return index;
  }
}
