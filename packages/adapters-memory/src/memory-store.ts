import type { Store, StoreTransaction } from '@rosterkit/core';
import { createInspector, type MemoryStoreInspector } from './memory-store-inspector.js';
import { loadSnapshot, saveSnapshot } from './snapshot-file.js';
import { beginViews, commitViews, createTables, type Views } from './tables.js';
import { createTransaction } from './transaction.js';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /**
   * A JSON file to keep the store in. It is loaded when the store is created
   * (if it exists) and rewritten atomically (a temporary file, then a rename)
   * after every transaction that commits, before the transaction resolves.
   * Meant for demos, local development and small single-process tools: the
   * whole store is rewritten each time.
   *
   * @defaultValue none: the store lives in memory only.
   */
  readonly file?: string;
}

/**
 * rosterkit's in-memory `Store`. Besides the port it offers
 * {@link MemoryStore.inspect}, to read the committed rows directly.
 *
 * Its transactions' `native` is `undefined`: the store has no transaction
 * beyond rosterkit's own rows, so a resource handler has nothing else to
 * write through that would commit or roll back with the command.
 */
export interface MemoryStore extends Store<undefined> {
  /** Reads committed rows straight from the store's maps, bypassing transactions. */
  inspect(): MemoryStoreInspector;
}

/**
 * Creates an in-memory `Store`: the embedded default, with nothing to
 * set up, and the reference adapter every other is compared with.
 *
 * - Rows live in maps indexed as the queries need them (by id; accounts by
 *   organization and email; memberships by account and space, by manager, by
 *   space and by group; invitations by token hash; every row by organization).
 * - Transactions run one at a time, each on its own copy-on-write view: if
 *   `work` throws, none of its writes is ever visible; if it resolves, all of
 *   them apply at once. Racing transactions therefore behave as on a
 *   serializable database, and never need retrying.
 * - Rows are copied in and out: mutating a row you passed in or got back
 *   never changes the store.
 *
 * One store serves one process. Do not call `transaction` from inside another
 * transaction's `work`: it waits for the outer one, which waits for it.
 *
 * @param options - where to keep a snapshot file, if anywhere.
 * @returns a {@link MemoryStore}.
 *
 * @example
 * ```ts
 * import { memoryStore } from '@rosterkit/adapter-memory';
 *
 * const store = memoryStore(); // or memoryStore({ file: 'roster.json' })
 * const org = await store.transaction((tx) => tx.organizations.get('org_1'));
 * ```
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const { file } = options;
  const tables = createTables();
  if (file !== undefined) loadSnapshot(file, tables);
  const inspector = createInspector(tables);
  let queue: Promise<unknown> = Promise.resolve();

  async function run<T>(work: (tx: StoreTransaction<undefined>) => Promise<T>): Promise<T> {
    const views = beginViews(tables);
    let open = true;
    const current = (): Views => {
      if (!open) throw new Error('This transaction has ended; use the store for a new one.');
      return views;
    };
    try {
      const result = await work(createTransaction(current));
      open = false;
      if (file !== undefined) await saveSnapshot(file, views);
      commitViews(views);
      return result;
    } finally {
      open = false;
    }
  }

  return {
    transaction<T>(work: (tx: StoreTransaction<undefined>) => Promise<T>): Promise<T> {
      const result = queue.then(() => run(work));
      queue = result.catch(() => undefined);
      return result;
    },
    inspect: () => inspector,
  };
}
