import {
  RosterError,
  type Store,
  type StoreTransaction,
  type TransactionOptions,
} from '@rosterkit/core';
import { retryExhausted } from '@rosterkit/core/adapter';
import type {
  PrismaTransactionClientOf,
  RosterkitPrismaClient,
  RosterkitPrismaTransactionClient,
} from './client.js';
import { isRetryable, isUniqueConflict, isUniqueViolation } from './errors.js';
import { createTransaction } from './transaction.js';

/** Options of {@link prismaStore}. */
export interface PrismaStoreOptions {
  /**
   * How many times a transaction runs in all before a serialization failure
   * or deadlock becomes `CONFLICT` (reason `retry-exhausted`).
   *
   * @defaultValue 6
   */
  readonly maxAttempts?: number;
  /**
   * Milliseconds a transaction may run before Prisma rolls it back (Prisma's
   * `timeout`); the wait for a connection (`maxWait`) is the same.
   *
   * @defaultValue 15000
   */
  readonly transactionTimeoutMs?: number;
  /**
   * How batches (bulk import, a manager's reports) are inserted. `'raw'`: one
   * `INSERT` per batch and table through `$executeRawUnsafe` (multi-row
   * `VALUES` on MySQL and SQLite; on PostgreSQL the rows as one JSON
   * parameter and the values they share as another, expanded by
   * `json_populate_recordset`), several times faster
   * than `createMany`, which compiles a query plan holding every value.
   * Raw statements name rosterkit's tables unqualified, as its
   * migrations create them, so on PostgreSQL the tables must be on the
   * connection's `search_path` (the default). If you give your driver
   * adapter another schema, choose `'createMany'`. An unknown provider
   * always gets `createMany`. `'raw'` also turns on the store's other raw
   * statements: the actor of every command read in one `SELECT`
   * (`accounts.loadActor`), and the plain counts on MySQL and SQLite;
   * `'createMany'` reads them through the delegates.
   *
   * @defaultValue `'raw'`
   */
  readonly batchInserts?: 'raw' | 'createMany';
}

/**
 * The level of one transaction: Serializable, as commands need, unless the
 * caller asks for read committed (the outbox's claims and settlements) on a
 * database that has it (SQLite has only Serializable). Work that only reads
 * (core's queries) runs at Repeatable Read there: one snapshot for all its
 * statements, as Serializable gives a reader, without PostgreSQL's predicate
 * locks or the shared lock MySQL/MariaDB's Serializable takes on every row a
 * plain SELECT reads (a searched list reads the organization's accounts, and
 * held every writer of them off until it ended).
 */
function isolationOf(
  client: object,
  options: TransactionOptions | undefined,
): 'Serializable' | 'ReadCommitted' | 'RepeatableRead' {
  const provider = (client as { readonly _activeProvider?: unknown })._activeProvider;
  const levels = provider === 'postgresql' || provider === 'mysql';
  if (!levels) return 'Serializable';
  if (options?.isolation === 'read-committed') return 'ReadCommitted';
  return options?.readOnly === true ? 'RepeatableRead' : 'Serializable';
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * rosterkit's `Store` over your `PrismaClient`, on PostgreSQL, MySQL/MariaDB
 * or SQLite. Your schema must include rosterkit's fragment
 * (`prisma/rosterkit.prisma` in this package) and your database its tables
 * (the package's SQL migrations, or {@link applyMigrations}).
 *
 * - Each `transaction` is one interactive Prisma transaction at isolation
 *   level `Serializable` (read committed on PostgreSQL and MySQL when asked
 *   with `{ isolation: 'read-committed' }`, as core asks for outbox claims;
 *   repeatable read there for `{ readOnly: true }`, core's queries): reads that decide a write (is the actor still
 *   active, is the account still the owner, who reports to this manager) are
 *   protected by the database as well as the versioned rows, so no invariant
 *   can be broken by requests racing on several processes.
 * - Serialization failures and deadlocks (Prisma's P2034) run `work` again,
 *   after a short random wait, up to `maxAttempts` times in all; then
 *   `CONFLICT` with reason `retry-exhausted`. `work` must therefore be safe to
 *   re-run, as the Store port requires. A transaction that ran past
 *   `transactionTimeoutMs` is not run again (its own work was slow): Prisma's
 *   P2028 reaches the caller after one attempt.
 * - A transaction's `native` is the interactive transaction client of
 *   `client`, typed as your client's ({@link PrismaTransactionClientOf}):
 *   resource handlers write your own tables through it, in the command's
 *   transaction, so their writes commit or roll back with it. Because of the
 *   retries, a handler runs again when its command does: it must write
 *   through `native` only.
 * - Versioned writes are `UPDATE … WHERE id = ? AND version = ?`; a unique
 *   violation (email, token hash) becomes `CONFLICT` with reason `unique`,
 *   after `work` ran once more (a racing insert's loser then usually sees the
 *   winner's row and gets the command's own answer, such as `ACCOUNT_EXISTS`).
 *   A unique violation in your own tables, written through `native`, also
 *   runs `work` once more, and a second one reaches you as Prisma's error.
 *
 * @typeParam Client - the type of your client, which types `native`.
 * @param client - your PrismaClient, created with its driver adapter.
 * @param options - retries and timeouts.
 * @returns a `Store` to pass to `createRoster`, whose transactions' `native`
 * is your client's transaction client.
 *
 * @example
 * ```ts
 * import { PrismaPg } from '@prisma/adapter-pg';
 * import { createRoster } from '@rosterkit/core';
 * import { prismaStore } from '@rosterkit/adapter-prisma';
 * import { createPolicy, presets } from '@rosterkit/policies';
 * import { PrismaClient } from './generated/prisma/client.js';
 *
 * const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
 * const roster = createRoster({
 *   store: prismaStore(prisma),
 *   policy: createPolicy(presets.teamWorkspace),
 *   roles: presets.teamWorkspace,
 *   resourceHandlers: [
 *     {
 *       name: 'tickets',
 *       async onDeparture(departure, tx) {
 *         // tx.native: this command's transaction, typed from your client.
 *         await tx.native.ticket.updateMany({
 *           where: { assigneeId: departure.accountId },
 *           data: { assigneeId: departure.reassignTo },
 *         });
 *       },
 *     },
 *   ],
 * });
 * ```
 */
export function prismaStore<Client extends RosterkitPrismaClient>(
  client: Client,
  options: PrismaStoreOptions = {},
): Store<PrismaTransactionClientOf<Client>> {
  const maxAttempts = options.maxAttempts ?? 6;
  const timeout = options.transactionTimeoutMs ?? 15_000;
  const batchInserts = options.batchInserts ?? 'raw';
  if (batchInserts !== 'raw' && batchInserts !== 'createMany') {
    throw new RosterError('INVALID_INPUT', "batchInserts must be 'raw' or 'createMany'.", {
      issues: [{ path: ['batchInserts'], message: "Must be 'raw' or 'createMany'" }],
    });
  }
  const rawBatches = batchInserts === 'raw';
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RosterError('INVALID_INPUT', 'maxAttempts must be a positive integer.', {
      issues: [{ path: ['maxAttempts'], message: 'Must be a positive integer' }],
    });
  }

  return {
    async transaction<T>(
      work: (tx: StoreTransaction<PrismaTransactionClientOf<Client>>) => Promise<T>,
      transactionOptions?: TransactionOptions,
    ): Promise<T> {
      const isolationLevel = isolationOf(client, transactionOptions);
      let uniqueRetried = false;
      for (let attempt = 1; ; attempt += 1) {
        try {
          // `db` is what `Client`'s own `$transaction` passes: its transaction
          // client, which `RosterkitPrismaClient` describes only in part.
          const run = (db: RosterkitPrismaTransactionClient) =>
            work(
              createTransaction(db, rawBatches) as StoreTransaction<
                PrismaTransactionClientOf<Client>
              >,
            );
          return await client.$transaction(run, {
            isolationLevel,
            maxWait: timeout,
            timeout,
          });
        } catch (error) {
          // A unique violation runs `work` once more: at Serializable,
          // PostgreSQL reports a check-then-insert that lost a race (two
          // invitations of one email) as a unique violation, not always as a
          // serialization failure. The rerun sees the winner's row, so the
          // command answers as it would have had it come second
          // (ACCOUNT_EXISTS), as it does on MySQL/MariaDB, whose locking
          // reads make the same race a deadlock. The same goes for a
          // unique key of the host's own tables written through `native` (a
          // resource handler's hand-over, one per departure), which reaches
          // here as Prisma's P2002. A second one is final.
          const unique = isUniqueConflict(error) || isUniqueViolation(error);
          if (unique && !uniqueRetried && attempt < maxAttempts) {
            uniqueRetried = true;
            continue;
          }
          if (!isRetryable(error)) throw error;
          if (attempt >= maxAttempts) throw retryExhausted(attempt);
          // Random, growing waits, so that the colliding transactions do not
          // collide again in step.
          await delay(Math.random() * 5 * 2 ** attempt);
        }
      }
    },
  };
}
