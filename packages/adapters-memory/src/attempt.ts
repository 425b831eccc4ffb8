import type { StoreTransaction } from '@rosterkit/core';
import type { LockTable } from './lock-table.js';
import { lockedTransaction } from './locked-transaction.js';
import { beginViews, type Tables, type Views } from './tables.js';
import { createTransaction } from './transaction.js';

const endedMessage = 'This transaction has ended; use the store for a new one.';

/**
 * Thrown into `work` by a repository call that needs a lock another
 * transaction holds while this one already holds some: the memory store then
 * runs `work` again, taking every lock it needs up front. Let it propagate.
 *
 * @internal
 */
export class TransactionRestart extends Error {
  constructor(key: string) {
    super(
      `The memory store runs this transaction again: it needs ${key}, which another transaction holds, while holding other locks. Let this error propagate.`,
    );
    this.name = 'TransactionRestart';
  }
}

/**
 * One run of a transaction's `work`: its copy-on-write views, the locks it
 * holds, and the `tx` it reads and writes through.
 *
 * Deadlock freedom: an attempt waits for a lock only while every lock it
 * holds sorts before the one it waits for (it takes its first locks, or the
 * ones known up front, in sorted order). A lock it needs later, while holding
 * others, is only tried; if it is taken, the attempt ends and the transaction
 * runs again with that lock among those taken up front. So no cycle of
 * waiters can form: along one, every waiter would wait for a key above every
 * key it holds, including the one the previous waiter waits for.
 *
 * @internal
 */
export class Attempt {
  readonly views: Views;
  readonly tx: StoreTransaction<undefined>;
  readonly #locks: LockTable;
  #state: 'running' | 'committing' | 'ended' = 'running';
  readonly #held = new Set<string>();
  readonly #touched = new Set<string>();
  #waitingOn: string | undefined;
  #restartKey: string | undefined;
  // Lock requests of one attempt run one at a time, so that two repository
  // calls made at once (Promise.all) never wait for two locks at once.
  #chain: Promise<void> = Promise.resolve();

  constructor(locks: LockTable, tables: Tables) {
    this.#locks = locks;
    this.views = beginViews(tables);
    this.tx = lockedTransaction(
      createTransaction(() => this.#current()),
      (keys) => this.lock(keys),
    );
  }

  /** The locks to take up front when running again, or `undefined` if no restart was asked. */
  get restartKeys(): string[] | undefined {
    if (this.#restartKey === undefined) return undefined;
    return [...this.#touched, this.#restartKey];
  }

  /** Takes `keys` (see the class's rules); `undefined` when they are all held already. */
  lock(keys: string | readonly string[]): Promise<void> | undefined {
    this.#current();
    if (typeof keys === 'string') {
      if (this.#held.has(keys)) return undefined;
    } else if (keys.every((key) => this.#held.has(key))) return undefined;
    const wanted = typeof keys === 'string' ? [keys] : keys;
    const next = this.#chain.then(() => this.#take(wanted));
    this.#chain = next.catch(() => undefined);
    return next;
  }

  /** Moves to committing, unless the attempt has already ended. */
  beginCommit(): boolean {
    if (this.#state !== 'running') return false;
    this.#state = 'committing';
    return true;
  }

  /** Ends the attempt (a timeout), unless it is committing: then `false`, and the commit goes on. */
  expire(): boolean {
    if (this.#state === 'committing') return false;
    this.end();
    return true;
  }

  /** Ends the attempt: `tx` refuses every call from now on, and its locks go to their waiters. */
  end(): void {
    if (this.#state === 'ended') return;
    this.#state = 'ended';
    const waited = this.#waitingOn;
    if (waited !== undefined) {
      this.#locks.abandon(waited, this, new Error(endedMessage));
      this.#locks.release(waited, this);
    }
    for (const key of this.#held) this.#locks.release(key, this);
    this.#held.clear();
  }

  #current(): Views {
    if (this.#state !== 'running') throw new Error(endedMessage);
    return this.views;
  }

  async #take(keys: readonly string[]): Promise<void> {
    this.#current();
    const missing = [...new Set(keys)].filter((key) => !this.#held.has(key)).sort();
    if (missing.length === 0) return;
    if (this.#held.size === 0) {
      for (const key of missing) await this.#wait(key);
      return;
    }
    for (const key of missing) {
      if (!this.#locks.tryAcquire(key, this)) {
        this.#restartKey = key;
        this.end();
        throw new TransactionRestart(key);
      }
      this.#hold(key);
    }
  }

  async #wait(key: string): Promise<void> {
    this.#waitingOn = key;
    try {
      await this.#locks.acquire(key, this);
    } finally {
      this.#waitingOn = undefined;
    }
    if (this.#state !== 'running') {
      // Granted just as the attempt ended: hand it on.
      this.#locks.release(key, this);
      throw new Error(endedMessage);
    }
    this.#hold(key);
  }

  #hold(key: string): void {
    this.#held.add(key);
    this.#touched.add(key);
  }
}
