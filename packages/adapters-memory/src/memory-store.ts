import { RosterError, type Store, type StoreTransaction } from '@rosterkit/core';
import { createInspector, type MemoryStoreInspector } from './memory-store-inspector.js';
import { loadSnapshot } from './snapshot-file.js';
import { lockSnapshot, type SnapshotLock } from './snapshot-lock.js';
import { createTables } from './tables.js';
import { createRunner } from './transaction-runner.js';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /**
   * A JSON file to keep the store in. It is loaded when the store is created
   * (if it exists) and rewritten atomically (a temporary file, then a rename)
   * after every transaction that commits, before the transaction resolves.
   * Meant for demos, local development and small single-process tools: the
   * whole store is rewritten each time.
   *
   * The file has **one writer**: the store takes `<file>.lock` (holding its
   * pid and host) when it is created, and another store on the same file, in
   * this process or another, is refused with `CONFLICT` (reason `locked`)
   * until the first is {@link MemoryStore.close | closed} or its process has
   * exited. A lock left by a process that was killed (same host, pid no
   * longer running) is taken over; a lock from another host is never taken
   * over (delete it by hand once that process is gone). On creation the store
   * also removes the temporary files a crashed writer left (`<file>.*.tmp`).
   * The file's folder must exist (`INVALID_INPUT` otherwise).
   *
   * @defaultValue none: the store lives in memory only.
   */
  readonly file?: string;
  /**
   * Milliseconds a transaction may take, from the call of `transaction` to
   * the end of its `work` (waiting for other transactions of the same
   * organization included), as `transactionTimeoutMs` bounds a Prisma
   * store's. Past it the transaction rejects with `CONFLICT` (reason
   * `timeout`) and releases its organization to the next transaction;
   * nothing it wrote is ever committed, even if its `work` resolves later,
   * and its `tx` refuses every further call. A commit already begun (the
   * snapshot file being written) is not cut short. An integer from 1 to
   * 2147483647.
   *
   * @defaultValue 15000
   */
  readonly transactionTimeoutMs?: number;
}

/**
 * rosterkit's in-memory `Store`. Besides the port it offers
 * {@link MemoryStore.inspect}, to read the committed rows directly, and
 * {@link MemoryStore.close}.
 *
 * Its transactions' `native` is `undefined`: the store has no transaction
 * beyond rosterkit's own rows, so a resource handler has nothing else to
 * write through that would commit or roll back with the command.
 */
export interface MemoryStore extends Store<undefined> {
  /** Reads committed rows straight from the store's maps, bypassing transactions. */
  inspect(): MemoryStoreInspector;
  /**
   * Closes the store: new transactions are refused at once (they reject with
   * an `Error`), running ones are waited for (each ends by its
   * `transactionTimeoutMs` at the latest), then the snapshot file's lock is
   * released, so another store may open the file. Calling it again returns
   * the same promise. A store that is never closed releases its lock when
   * the process exits; `await using store = memoryStore(...)` closes it at
   * the end of the scope.
   *
   * @example
   * ```ts
   * const store = memoryStore({ file: 'roster.json' });
   * // ... serve requests ...
   * await store.close();
   * ```
   */
  close(): Promise<void>;
  /** The same as {@link MemoryStore.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

const maxTimeoutMs = 2 ** 31 - 1; // what setTimeout can wait

function checkOptions(options: MemoryStoreOptions): void {
  const { file, transactionTimeoutMs } = options;
  if (file !== undefined && (typeof file !== 'string' || file === '')) {
    throw new RosterError('INVALID_INPUT', 'Invalid file: must be a non-empty path.', {
      issues: [{ path: ['file'], message: 'Must be a non-empty string' }],
    });
  }
  if (
    transactionTimeoutMs !== undefined &&
    (!Number.isInteger(transactionTimeoutMs) ||
      transactionTimeoutMs < 1 ||
      transactionTimeoutMs > maxTimeoutMs)
  ) {
    throw new RosterError(
      'INVALID_INPUT',
      `Invalid transactionTimeoutMs: must be an integer from 1 to ${maxTimeoutMs}.`,
      {
        issues: [
          {
            path: ['transactionTimeoutMs'],
            message: `Must be an integer from 1 to ${maxTimeoutMs}`,
          },
        ],
      },
    );
  }
}

/**
 * Creates an in-memory `Store`: the embedded default, with nothing to
 * set up, and the reference adapter every other is compared with.
 *
 * - Rows live in maps indexed as the queries need them (by id; accounts by
 *   organization and email; memberships by account and space, by manager, by
 *   space and by group; invitations by token hash; every row by organization).
 * - Account lists (All Users, a Team) read an index of each organization's
 *   accounts, built the first time the organization is listed and kept up to
 *   date from the commits after it: accounts by status, by space, by role,
 *   by group and by pending invitation, sorted by each sort field asked for,
 *   and their lower-cased search texts. A first page, a page by cursor and a
 *   filtered page read the index, with no pass over the organization; a
 *   search scans the texts only. A list in a transaction that has itself
 *   written accounts, memberships or invitations sees its own writes by a
 *   full pass instead.
 * - Each transaction runs on its own copy-on-write view (an overlay of the
 *   rows and index keys it wrote, applied at commit; no table is copied): if `work` throws,
 *   none of its writes is ever visible; if it resolves, all of them apply at
 *   once. Transactions of one organization run one at a time, in the order
 *   they first touch it; transactions of different organizations run side by
 *   side, so a slow or hung one holds up only its own organization. Racing
 *   transactions therefore behave as on a serializable database.
 * - A transaction locks each organization when it first reads or writes it
 *   (the outbox's listing and delivery lock the outbox). One that needs a
 *   second organization while another transaction holds it runs its `work`
 *   again from the start, taking both first (as a database retries a
 *   deadlock): `work` must be safe to re-run, as the `Store` port requires.
 * - A transaction that takes longer than `transactionTimeoutMs` rejects with
 *   `CONFLICT` (reason `timeout`) and commits nothing.
 * - Rows are copied in and out (only the rows a call returns, never a whole
 *   table): mutating a row you passed in or got back never changes the store.
 *
 * One store serves one process, and a snapshot file one store. Do not call
 * `transaction` from inside another transaction's `work` on the same
 * organization: it waits for the outer one, which waits for it, until the
 * timeout ends both.
 *
 * @param options - a snapshot file, if any, and the transaction timeout.
 * @returns a {@link MemoryStore}.
 * @throws `CONFLICT` (reason `locked`) when another store holds `file`;
 * `INVALID_INPUT` for a bad option; the file's own errors when it is not a snapshot.
 *
 * @example
 * ```ts
 * import { memoryStore } from '@rosterkit/adapter-memory';
 *
 * const store = memoryStore(); // or memoryStore({ file: 'roster.json', transactionTimeoutMs: 5000 })
 * const org = await store.transaction((tx) => tx.organizations.get('org_1'));
 * await store.close();
 * ```
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  checkOptions(options);
  const { file, transactionTimeoutMs = 15_000 } = options;
  const tables = createTables();
  let snapshot: SnapshotLock | undefined;
  if (file !== undefined) {
    snapshot = lockSnapshot(file);
    try {
      loadSnapshot(snapshot.file, tables);
    } catch (error) {
      snapshot.release();
      throw error;
    }
  }
  const inspector = createInspector(tables);
  const run = createRunner({ tables, timeoutMs: transactionTimeoutMs, snapshot });

  let active = 0;
  let whenIdle: () => void = () => undefined;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (active > 0) {
        await new Promise<void>((resolve) => {
          whenIdle = resolve;
        });
      }
      snapshot?.release();
    })();
    return closing;
  };

  return {
    async transaction<T>(work: (tx: StoreTransaction<undefined>) => Promise<T>): Promise<T> {
      if (closing !== undefined) throw new Error('This memory store is closed; create a new one.');
      active += 1;
      try {
        return await run(work);
      } finally {
        active -= 1;
        if (active === 0) whenIdle();
      }
    },
    inspect: () => inspector,
    close,
    [Symbol.asyncDispose]: close,
  };
}
