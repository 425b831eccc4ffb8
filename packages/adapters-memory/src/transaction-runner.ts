import type { StoreTransaction } from '@rosterkit/core';
import { retryExhausted } from '@rosterkit/core/adapter';
import { Attempt } from './attempt.js';
import { timedOut } from './errors.js';
import { LockTable } from './lock-table.js';
import { saveSnapshot } from './snapshot-file.js';
import type { SnapshotLock } from './snapshot-lock.js';
import { commitViews, findConflict, hasChanges, type Tables } from './tables.js';

// Each run after the first takes one more lock up front, so a transaction
// touching k organizations at once runs at most k + 1 times; this bounds
// transactions whose set of organizations changes from one run to the next.
const maxAttempts = 10;

const ignore = () => undefined;

/** Runs `work` as one transaction of a memory store. @internal */
export type RunTransaction = <T>(
  work: (tx: StoreTransaction<undefined>) => Promise<T>,
) => Promise<T>;

/**
 * The memory store's transactions: each on copy-on-write views, locking the
 * organizations it touches as it touches them (see {@link Attempt}), ended
 * after `timeoutMs` with nothing committed, and committed one at a time
 * (validated, written to the snapshot file if any, then applied at once).
 *
 * @internal
 */
export function createRunner(options: {
  readonly tables: Tables;
  readonly timeoutMs: number;
  readonly snapshot: SnapshotLock | undefined;
}): RunTransaction {
  const { tables, timeoutMs, snapshot } = options;
  const locks = new LockTable();
  let commits: Promise<void> = Promise.resolve();

  async function commit(attempt: Attempt): Promise<void> {
    const { views } = attempt;
    // A transaction that wrote nothing has nothing to commit, nor to save.
    if (!hasChanges(views)) return;
    if (snapshot === undefined) {
      // Synchronous: nothing can commit in between.
      const conflict = findConflict(views);
      if (conflict !== undefined) throw conflict;
      commitViews(views);
      return;
    }
    // Commits take turns, so that each snapshot written holds every earlier commit.
    const previous = commits;
    let done: () => void = ignore;
    commits = new Promise((resolve) => {
      done = resolve;
    });
    await previous;
    try {
      const conflict = findConflict(views);
      if (conflict !== undefined) throw conflict;
      await snapshot.verify();
      await saveSnapshot(snapshot.file, views);
      commitViews(views);
    } finally {
      done();
    }
  }

  return async function run<T>(work: (tx: StoreTransaction<undefined>) => Promise<T>): Promise<T> {
    let current: Attempt | undefined;
    let expire: (error: Error) => void = ignore;
    const expired = new Promise<never>((_resolve, reject) => {
      expire = reject;
    });
    expired.catch(ignore);
    // One deadline for the whole transaction: waiting for locks, every run of
    // `work`; not its commit, which cannot be taken back once begun.
    const timer = setTimeout(() => {
      if (current?.expire() === false) return;
      expire(timedOut(timeoutMs));
    }, timeoutMs);

    let known: string[] = [];
    try {
      for (let attempt = 1; ; attempt += 1) {
        const run = new Attempt(locks, tables);
        current = run;
        const running = (async () => {
          const pending = run.lock(known);
          if (pending !== undefined) await pending;
          return work(run.tx);
        })();
        running.catch(ignore);
        let value: T | undefined;
        try {
          value = await Promise.race([running, expired]);
        } catch (error) {
          if (run.restartKeys === undefined) throw error;
        }
        const restart = run.restartKeys;
        if (restart === undefined) {
          if (!run.beginCommit()) throw timedOut(timeoutMs);
          await commit(run);
          return value as T;
        }
        // Let the abandoned run unwind before `work` runs again.
        await Promise.race([running.then(ignore, ignore), expired]);
        if (attempt >= maxAttempts) throw retryExhausted(attempt);
        known = [...new Set([...known, ...restart])];
      }
    } finally {
      clearTimeout(timer);
      current?.end();
    }
  };
}
