const gone: unique symbol = Symbol('gone');

/**
 * A transaction's copy-on-write view of one map: reads fall through to the
 * committed map unless the transaction changed the key; `commit` applies the
 * changes at once, and dropping the layer discards them.
 *
 * Transactions of different organizations run at once, so the committed map
 * may change under a layer; it records what each key it changed held when it
 * first changed it, and {@link Layer.conflict} finds those another
 * transaction has changed since.
 *
 * @internal
 */
export class Layer<K, V> {
  readonly #base: Map<K, V>;
  readonly #changes = new Map<K, V | typeof gone>();
  // What each changed key held when first changed, for the keys that held
  // something: a key in #changes but not here held nothing (most writes are
  // inserts, which then cost no entry here).
  readonly #observed = new Map<K, V>();
  // Whether the last `add` replaced a removal (for `undoAdd`).
  #addedOverGone = false;

  constructor(base: Map<K, V>) {
    this.#base = base;
  }

  get(key: K): V | undefined {
    const changed = this.#changes.get(key);
    if (changed === gone) return undefined;
    return changed ?? this.#base.get(key);
  }

  set(key: K, value: V): void {
    this.#observe(key);
    this.#changes.set(key, value);
  }

  delete(key: K): void {
    this.#observe(key);
    this.#changes.set(key, gone);
  }

  /**
   * Sets `key` if it holds nothing (as the transaction sees it) and returns
   * `true`, else changes nothing and returns `false`: an insert's check and
   * write in one lookup.
   */
  add(key: K, value: V): boolean {
    const changed = this.#changes.get(key);
    if (changed === undefined) {
      if (this.#base.has(key)) return false;
    } else if (changed !== gone) return false;
    this.#addedOverGone = changed === gone;
    this.#changes.set(key, value);
    return true;
  }

  /** Takes back the {@link Layer.add} of `key` that just returned `true`. */
  undoAdd(key: K): void {
    if (this.#addedOverGone) this.#changes.set(key, gone);
    else this.#changes.delete(key);
  }

  /** Whether the transaction changed any key. */
  get changed(): boolean {
    return this.#changes.size > 0;
  }

  /** Every value as the transaction sees it. */
  *values(): IterableIterator<V> {
    for (const [key, value] of this.#base) if (!this.#changes.has(key)) yield value;
    for (const value of this.#changes.values()) if (value !== gone) yield value;
  }

  /**
   * A key this layer changed whose committed value is no longer the one it
   * started from, or `undefined`. Under the organization locks this happens
   * only with keys shared by organizations: a row id or a token hash that two
   * of them both took.
   */
  conflict(): K | undefined {
    for (const key of this.#changes.keys()) {
      const seen = this.#observed.get(key);
      if (this.#noOp(key, seen)) continue;
      if (this.#base.get(key) !== seen) return key;
    }
    return undefined;
  }

  /** Each key's committed value and the transaction's (`undefined`: removed), before `commit`. */
  *changes(): IterableIterator<readonly [V | undefined, V | undefined]> {
    for (const [key, value] of this.#changes) {
      yield [this.#base.get(key), value === gone ? undefined : value];
    }
  }

  commit(): void {
    for (const [key, value] of this.#changes) {
      if (value === gone) {
        if (!this.#noOp(key, this.#observed.get(key))) this.#base.delete(key);
      } else this.#base.set(key, value);
    }
  }

  #observe(key: K): void {
    if (this.#changes.has(key)) return;
    const seen = this.#base.get(key);
    if (seen !== undefined) this.#observed.set(key, seen);
  }

  // Added then removed again: nothing to apply, whatever was committed since.
  #noOp(key: K, seen: V | undefined): boolean {
    return seen === undefined && this.#changes.get(key) === gone;
  }
}

const empty: ReadonlySet<string> = new Set();

/**
 * What a transaction sees of one key of a multi-valued index: the committed
 * set plus the ids it added, minus those it removed. Nothing is copied, so a
 * write in an organization of 100,000 accounts costs what it costs in one of ten.
 */
class DeltaSet implements ReadonlySet<string> {
  // The committed set is looked up on every read, not kept: another
  // organization's transaction may commit to a key shared across organizations
  // (the outbox's undelivered messages) and replace the set meanwhile.
  readonly #index: ReadonlyMap<string, ReadonlySet<string>>;
  readonly #key: string;
  // Made on first use: most keys of a write (one row's own keys) only gain an id.
  #added: Set<string> | undefined;
  #removed: Set<string> | undefined;

  constructor(index: ReadonlyMap<string, ReadonlySet<string>>, key: string) {
    this.#index = index;
    this.#key = key;
  }

  get base(): ReadonlySet<string> {
    return this.#index.get(this.#key) ?? empty;
  }

  get added(): ReadonlySet<string> {
    return this.#added ?? empty;
  }

  get removed(): ReadonlySet<string> {
    return this.#removed ?? empty;
  }

  /**
   * The ids added, handed over to become a committed set (the delta is
   * done with: its transaction is committing), or `undefined` when there
   * are none or there were removals too.
   */
  takeAdded(): Set<string> | undefined {
    const added = this.#added;
    if (added === undefined || this.#removed !== undefined) return undefined;
    this.#added = undefined;
    return added;
  }

  /** Adds an id (one the committed set does not hold, or one removed before). */
  add(id: string): void {
    if (this.#removed?.has(id) === true) this.#removed.delete(id);
    else if (!this.base.has(id)) {
      this.#added ??= new Set();
      this.#added.add(id);
    }
  }

  /** Removes an id (one added before, or one the committed set holds). */
  remove(id: string): void {
    if (this.#added?.has(id) === true) this.#added.delete(id);
    else if (this.base.has(id)) {
      this.#removed ??= new Set();
      this.#removed.add(id);
    }
  }

  get size(): number {
    return this.base.size - this.removed.size + this.added.size;
  }

  has(id: string): boolean {
    return this.added.has(id) || (this.base.has(id) && !this.removed.has(id));
  }

  *values(): SetIterator<string> {
    const { removed } = this;
    for (const id of this.base) if (!removed.has(id)) yield id;
    yield* this.added;
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *entries(): SetIterator<[string, string]> {
    for (const id of this.values()) yield [id, id];
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  forEach(
    callback: (value: string, key: string, set: ReadonlySet<string>) => void,
    thisArg?: unknown,
  ): void {
    for (const id of this.values()) callback.call(thisArg, id, id, this);
  }
}

/**
 * A copy-on-write view of a multi-valued index (key → set of ids). It records
 * the ids a transaction adds and removes per key (`added` never overlaps the
 * committed set, `removed` is always inside it), and applies them on commit.
 *
 * @internal
 */
export class SetLayer {
  readonly #base: Map<string, Set<string>>;
  readonly #deltas = new Map<string, DeltaSet>();

  constructor(base: Map<string, Set<string>>) {
    this.#base = base;
  }

  members(key: string): ReadonlySet<string> {
    return this.#deltas.get(key) ?? this.#base.get(key) ?? empty;
  }

  add(key: string, id: string): void {
    this.#delta(key).add(id);
  }

  remove(key: string, id: string): void {
    this.#delta(key).remove(id);
  }

  commit(): void {
    for (const [key, delta] of this.#deltas) {
      if (delta.added.size === 0 && delta.removed.size === 0) continue;
      let ids = this.#base.get(key);
      if (ids === undefined) {
        // A key new to the table (every row's own key, in a bulk batch):
        // its added ids become the committed set as they are, not copied.
        const added = delta.takeAdded();
        if (added !== undefined) {
          this.#base.set(key, added);
          continue;
        }
        ids = new Set();
        this.#base.set(key, ids);
      }
      for (const id of delta.removed) ids.delete(id);
      for (const id of delta.added) ids.add(id);
      if (ids.size === 0) this.#base.delete(key);
    }
  }

  #delta(key: string): DeltaSet {
    let delta = this.#deltas.get(key);
    if (delta === undefined) {
      delta = new DeltaSet(this.#base, key);
      this.#deltas.set(key, delta);
    }
    return delta;
  }
}
