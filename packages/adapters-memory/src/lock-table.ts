interface Waiter {
  readonly owner: object;
  readonly grant: () => void;
  readonly refuse: (error: Error) => void;
}

/**
 * Exclusive locks on string keys (an organization, the outbox), each handed
 * to its waiters first come, first served. An owner is any object (a
 * transaction's attempt); it may hold many keys and wait for one at a time.
 *
 * @internal
 */
export class LockTable {
  readonly #owners = new Map<string, object>();
  readonly #queues = new Map<string, Waiter[]>();

  /** Takes `key` if it is free (or already `owner`'s); never waits. */
  tryAcquire(key: string, owner: object): boolean {
    const current = this.#owners.get(key);
    if (current === owner) return true;
    if (current !== undefined) return false;
    this.#owners.set(key, owner);
    return true;
  }

  /** Takes `key`, waiting behind its earlier waiters; rejects if {@link abandon} is called meanwhile. */
  acquire(key: string, owner: object): Promise<void> {
    if (this.tryAcquire(key, owner)) return Promise.resolve();
    return new Promise((grant, refuse) => {
      let queue = this.#queues.get(key);
      if (queue === undefined) {
        queue = [];
        this.#queues.set(key, queue);
      }
      queue.push({ owner, grant, refuse });
    });
  }

  /** Gives `key` to its next waiter, if `owner` holds it. */
  release(key: string, owner: object): void {
    if (this.#owners.get(key) !== owner) return;
    const queue = this.#queues.get(key);
    const next = queue?.shift();
    if (queue?.length === 0) this.#queues.delete(key);
    if (next === undefined) {
      this.#owners.delete(key);
      return;
    }
    this.#owners.set(key, next.owner);
    next.grant();
  }

  /** Withdraws `owner` from the queue of `key` (its wait rejects with `error`). */
  abandon(key: string, owner: object, error: Error): void {
    const queue = this.#queues.get(key);
    if (queue === undefined) return;
    const index = queue.findIndex((waiter) => waiter.owner === owner);
    if (index < 0) return;
    const [waiter] = queue.splice(index, 1);
    if (queue.length === 0) this.#queues.delete(key);
    waiter?.refuse(error);
  }

  /** How many keys are held: 0 when the store is idle. */
  get size(): number {
    return this.#owners.size;
  }
}
