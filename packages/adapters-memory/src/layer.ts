const gone: unique symbol = Symbol('gone');

/**
 * A transaction's copy-on-write view of one map: reads fall through to the
 * committed map unless the transaction changed the key; `commit` applies the
 * changes at once, and dropping the layer discards them.
 *
 * @internal
 */
export class Layer<K, V> {
  readonly #base: Map<K, V>;
  readonly #changes = new Map<K, V | typeof gone>();

  constructor(base: Map<K, V>) {
    this.#base = base;
  }

  get(key: K): V | undefined {
    const changed = this.#changes.get(key);
    if (changed === gone) return undefined;
    return changed ?? this.#base.get(key);
  }

  set(key: K, value: V): void {
    this.#changes.set(key, value);
  }

  delete(key: K): void {
    this.#changes.set(key, gone);
  }

  /** Every value as the transaction sees it. */
  *values(): IterableIterator<V> {
    for (const [key, value] of this.#base) if (!this.#changes.has(key)) yield value;
    for (const value of this.#changes.values()) if (value !== gone) yield value;
  }

  commit(): void {
    for (const [key, value] of this.#changes) {
      if (value === gone) this.#base.delete(key);
      else this.#base.set(key, value);
    }
  }
}

const empty: ReadonlySet<string> = new Set();

/**
 * A copy-on-write view of a multi-valued index (key → set of ids): a set is
 * copied the first time the transaction changes it, never before.
 *
 * @internal
 */
export class SetLayer {
  readonly #base: Map<string, Set<string>>;
  readonly #owned = new Map<string, Set<string>>();

  constructor(base: Map<string, Set<string>>) {
    this.#base = base;
  }

  members(key: string): ReadonlySet<string> {
    return this.#owned.get(key) ?? this.#base.get(key) ?? empty;
  }

  add(key: string, id: string): void {
    this.#own(key).add(id);
  }

  remove(key: string, id: string): void {
    this.#own(key).delete(id);
  }

  commit(): void {
    for (const [key, ids] of this.#owned) {
      if (ids.size > 0) this.#base.set(key, ids);
      else this.#base.delete(key);
    }
  }

  #own(key: string): Set<string> {
    let ids = this.#owned.get(key);
    if (ids === undefined) {
      ids = new Set(this.#base.get(key));
      this.#owned.set(key, ids);
    }
    return ids;
  }
}
