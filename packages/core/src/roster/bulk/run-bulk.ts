import { RosterError } from '../../errors/roster-error.js';
import type { Actor } from '../../model/actor.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { Store, StoreTransaction } from '../../ports/store.js';
import type { ActorContext, RosterDeps } from '../command-context.js';
import { loadActor } from '../load-actor.js';
import { depsFor } from '../stored-roles.js';
import type { BatchOutcome, BulkCommand, PreparedRow } from './bulk-command.js';
import type { ParsedBulkOptions } from './bulk-options.js';
import type { BulkInvitation, BulkReport, BulkRowReport, BulkRowStatus } from './bulk-report.js';
import { prepareRows, rowNumberOf } from './prepare-rows.js';
import { reportFailure } from './row-failure.js';

// The engine both bulk commands share (DESIGN §5, Bulk): rows validated one by
// one, batches of rows in one Store transaction each, a per-row report, the
// dry run, and the fallback to one row per transaction when a batch fails for
// an unexpected reason. What a batch does is the command's own `process`.

// Thrown to roll a dry run back once everything is planned; carries the outcome out.
class DryRunRollback extends Error {
  readonly outcomes: BatchOutcome[];
  constructor(outcomes: BatchOutcome[]) {
    super('bulk dry run: rolled back');
    this.outcomes = outcomes;
  }
}

// Wraps a failure to load the actor: the whole call fails, no row is reported.
class ActorFailure extends Error {
  readonly error: unknown;
  constructor(error: unknown) {
    super('bulk: the actor cannot act');
    this.error = error;
  }
}

/** A failure that fails the call rather than a batch: the actor, or an error that is not a RosterError. */
function failsTheCall(error: unknown): boolean {
  return error instanceof ActorFailure || !RosterError.isInstance(error);
}

/** Ids for a dry run's throwaway rows, so the host's generator is not consumed. */
function dryRunIds(): IdGenerator {
  let n = 0;
  return { next: (kind) => `dry-run-${kind.toLowerCase()}-${++n}` };
}

/** One bulk call: where it runs, for whom, and what each batch does. */
interface BulkRun<R> {
  readonly store: Store;
  readonly deps: RosterDeps;
  readonly actor: Actor;
  readonly dryRun: boolean;
  readonly command: BulkCommand<R>;
}

/** The command context of one transaction of the run; the actor is loaded in it. */
async function openContext<R>(
  run: BulkRun<R>,
  tx: StoreTransaction,
  ids: IdGenerator,
): Promise<ActorContext> {
  const loaded = await loadActor(tx, run.actor, run.deps.roles).catch((error: unknown) => {
    throw new ActorFailure(error);
  });
  const deps = depsFor(run.deps, loaded);
  return {
    deps: ids === deps.ids ? deps : { ...deps, ids },
    tx,
    actor: loaded,
    now: run.deps.clock.now(),
    ...(run.dryRun ? { dryRun: true } : {}),
  };
}

/** One transaction for `batch`; a dry run's is rolled back. */
async function attempt<R>(
  run: BulkRun<R>,
  batch: readonly PreparedRow<R>[],
): Promise<BatchOutcome> {
  const { store, command } = run;
  if (!run.dryRun) {
    return store.transaction(async (tx) =>
      command.process(await openContext(run, tx, run.deps.ids), batch),
    );
  }
  try {
    await store.transaction(async (tx) => {
      throw new DryRunRollback([
        await command.process(await openContext(run, tx, dryRunIds()), batch),
      ]);
    });
  } catch (error) {
    if (error instanceof DryRunRollback && error.outcomes[0] !== undefined) {
      return error.outcomes[0];
    }
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}

/** A batch that failed as a whole: one row per transaction, so the good rows still land. */
async function rowByRow<R>(
  run: BulkRun<R>,
  batch: readonly PreparedRow<R>[],
): Promise<BatchOutcome> {
  const reports = new Map<number, BulkRowReport>();
  const invitations: BulkInvitation[] = [];
  for (const row of batch) {
    try {
      const single = await attempt(run, [row]);
      for (const [index, report] of single.reports) reports.set(index, report);
      invitations.push(...single.invitations);
    } catch (error) {
      if (failsTheCall(error)) throw error;
      reports.set(row.index, reportFailure(row, error));
    }
  }
  return { reports, invitations };
}

/**
 * A dry run of several batches, all in one rolled-back transaction, so that
 * later batches see what earlier ones would have written: the report equals
 * the real run's. `undefined` when a concurrent writer got in the way: the
 * caller then runs it batch by batch.
 */
async function dryRunTogether<R>(
  run: BulkRun<R>,
  batches: readonly (readonly PreparedRow<R>[])[],
  progress: (batch: number) => void,
): Promise<BatchOutcome[] | undefined> {
  try {
    await run.store.transaction(async (tx) => {
      const ctx = await openContext(run, tx, dryRunIds());
      const outcomes: BatchOutcome[] = [];
      for (const [i, batch] of batches.entries()) {
        if (batch.length > 0) outcomes.push(await run.command.process(ctx, batch));
        progress(i);
      }
      throw new DryRunRollback(outcomes);
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcomes;
    if (failsTheCall(error)) throw error;
  }
  return undefined;
}

/** Cuts the input (not the valid rows) every `batchSize` rows, so progress counts input rows. */
function batchesOf<R>(
  prepared: readonly PreparedRow<R>[],
  total: number,
  batchSize: number,
): { batches: PreparedRow<R>[][]; ends: number[] } {
  const count = Math.ceil(total / batchSize);
  const batches: PreparedRow<R>[][] = Array.from({ length: count }, () => []);
  const ends = Array.from({ length: count }, (_, i) => Math.min(total, (i + 1) * batchSize));
  // `prepared` is in input order.
  for (const row of prepared) batches[Math.floor(row.index / batchSize)]?.push(row);
  return { batches, ends };
}

/** The report, in input order, with its counts. */
function assemble(
  rows: readonly unknown[],
  reports: ReadonlyMap<number, BulkRowReport>,
  dryRun: boolean,
): BulkReport {
  const ordered = rows.map((raw, index) => {
    const report = reports.get(index);
    if (report === undefined) {
      throw new Error(`bulk: row ${rowNumberOf(raw, index)} was not reported`);
    }
    return report;
  });
  const counts: Record<BulkRowStatus, number> = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const report of ordered) counts[report.status] += 1;
  return { dryRun, rows: ordered, counts };
}

/**
 * Runs a bulk command: validates options and rows, processes the valid rows
 * batch by batch (one transaction each, or one rolled-back transaction for a
 * dry run), and assembles the report.
 * @internal
 */
export async function runBulk<R extends { email: string }>(
  store: Store,
  deps: RosterDeps,
  actor: Actor,
  rawRows: unknown,
  options: ParsedBulkOptions,
  command: BulkCommand<R>,
): Promise<BulkReport> {
  if (!Array.isArray(rawRows)) {
    throw new RosterError('INVALID_INPUT', 'Bulk rows must be an array.', {
      issues: [{ path: [], message: 'Expected an array of rows' }],
    });
  }
  const rows: readonly unknown[] = rawRows;
  const run: BulkRun<R> = { store, deps, actor, dryRun: options.dryRun ?? false, command };
  const { prepared, failed } = prepareRows(command.model, rows);
  const reports = new Map<number, BulkRowReport>(failed);
  const { batches, ends } = batchesOf(prepared, rows.length, options.batchSize ?? 500);

  let reported = -1;
  const progress = (done: number) => {
    if (done <= reported) return; // a retried transaction does not report the same progress twice
    reported = done;
    options.onProgress?.({ done, total: rows.length });
  };
  const batchDone = (i: number) => progress(ends[i] ?? rows.length);
  const record = async (outcome: BatchOutcome) => {
    for (const [index, report] of outcome.reports) {
      const created = run.dryRun && report.status === 'created';
      reports.set(index, created ? { ...report, accountId: null } : report);
    }
    if (!run.dryRun) for (const issued of outcome.invitations) await options.onInvitation?.(issued);
  };

  progress(0);
  try {
    const together =
      run.dryRun && batches.length > 1 ? await dryRunTogether(run, batches, batchDone) : undefined;
    for (const outcome of together ?? []) await record(outcome);
    for (const [i, batch] of together === undefined ? batches.entries() : []) {
      if (batch.length > 0) {
        let outcome: BatchOutcome;
        try {
          outcome = await attempt(run, batch);
        } catch (error) {
          if (failsTheCall(error)) throw error;
          outcome = await rowByRow(run, batch);
        }
        await record(outcome);
      }
      batchDone(i);
    }
  } catch (error) {
    throw error instanceof ActorFailure ? error.error : error;
  }
  return assemble(rows, reports, run.dryRun);
}
