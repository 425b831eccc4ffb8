import { z } from 'zod';
import type { RosterErrorCode } from '../../errors/error-codes.js';
import { RosterError } from '../../errors/roster-error.js';
import type { Actor } from '../../model/actor.js';
import { invalidInput, type Model, safeParseInput } from '../../model/define-model.js';
import { Email } from '../../model/primitives.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { Store } from '../../ports/store.js';
import type { ActorContext, RosterDeps } from '../command-context.js';
import { loadActor } from '../load-actor.js';
import type {
  BulkInvitation,
  BulkProgress,
  BulkReport,
  BulkRowReport,
  BulkRowStatus,
} from './bulk-report.js';

// The engine both bulk commands share (DESIGN §5, Bulk): rows validated one by
// one, batches of rows in one Store transaction each, a per-row report, the
// dry run, and the fallback to one row per transaction when a batch fails for
// an unexpected reason. What a batch does is the command's own `process`.

/** A row that passed validation, with where it came from. @internal */
export interface PreparedRow<R> {
  /** Position in the input. */
  readonly index: number;
  /** The report's `row`. */
  readonly row: number;
  /** The email as given. */
  readonly email: string;
  readonly data: R;
}

/** What one batch reports: a report per row it was given, and the invitations it issued. @internal */
export interface BatchOutcome {
  readonly reports: ReadonlyMap<number, BulkRowReport>;
  readonly invitations: readonly BulkInvitation[];
}

/** One bulk command: its row model, and what it does with a batch of valid rows in one transaction. @internal */
export interface BulkCommand<R> {
  readonly model: Model<R>;
  process(ctx: ActorContext, rows: readonly PreparedRow<R>[]): Promise<BatchOutcome>;
}

/**
 * A row's refusal, with the column at fault. Thrown by the checks of a row
 * (never by its writes), caught by the command's `process`.
 * @internal
 */
export class RowFailure extends Error {
  readonly column: string | null;
  readonly error: RosterError;

  constructor(column: string | null, error: RosterError) {
    super(error.message);
    this.column = column;
    this.error = error;
  }
}

/** Runs `work`; a RosterError it throws becomes a {@link RowFailure} at `column`. @internal */
export async function at<T>(column: string | null, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (RosterError.isInstance(error)) throw new RowFailure(column, error);
    throw error;
  }
}

/** The report of a row, from what happened to it. @internal */
export function rowReport(
  row: { readonly row: number; readonly email: string | null },
  status: Exclude<BulkRowStatus, 'failed'>,
  accountId: string,
): BulkRowReport {
  return { row: row.row, email: row.email, status, accountId, error: null };
}

/** The report of a failed row. */
function failedReport(
  row: { readonly row: number; readonly email: string | null },
  code: RosterErrorCode,
  message: string,
  column: string | null,
  accountId: string | null = null,
): BulkRowReport {
  return {
    row: row.row,
    email: row.email,
    status: 'failed',
    accountId,
    error: { code, message, column },
  };
}

/** The report of a row whose checks threw: a RowFailure names its column. @internal */
export function reportFailure(
  row: { readonly row: number; readonly email: string | null },
  error: unknown,
  accountId: string | null = null,
): BulkRowReport {
  if (error instanceof RowFailure) {
    return failedReport(row, error.error.code, error.error.message, error.column, accountId);
  }
  if (RosterError.isInstance(error)) {
    return failedReport(row, error.code, error.message, null, accountId);
  }
  throw error;
}

const optionsSchema = z.strictObject({
  dryRun: z.boolean().optional(),
  batchSize: z.int().min(1).max(5000).optional(),
  onProgress: z
    .custom<(progress: BulkProgress) => void>((value) => typeof value === 'function', {
      error: 'Must be a function',
    })
    .optional(),
  space: z.string().trim().min(1, 'Must not be empty').max(200).optional(),
  onInvitation: z
    .custom<(issued: BulkInvitation) => void | Promise<void>>(
      (value) => typeof value === 'function',
      { error: 'Must be a function' },
    )
    .optional(),
});

/** The options of both bulk commands, validated (`space` and `onInvitation` are the import's). @internal */
export type ParsedBulkOptions = z.output<typeof optionsSchema>;

/** Validates the options of a bulk command (INVALID_INPUT, thrown: the call as a whole is wrong). @internal */
export function parseBulkOptions(raw: unknown, allowed: readonly string[]): ParsedBulkOptions {
  const schema = optionsSchema.pick(
    Object.fromEntries(allowed.map((key) => [key, true])) as Record<keyof ParsedBulkOptions, true>,
  );
  const result = safeParseInput(schema, raw ?? {});
  if (!result.success) throw invalidInput('bulk options', result.error);
  return result.data as ParsedBulkOptions;
}

/** Where a row came from, even when it is invalid: its own `rowNumber` when usable, else its position. */
function rowNumberOf(raw: unknown, index: number): number {
  const given = (raw as { rowNumber?: unknown } | null)?.rowNumber;
  return typeof given === 'number' && Number.isInteger(given) && given >= 1 ? given : index + 1;
}

function emailOf(raw: unknown): string | null {
  const given = (raw as { email?: unknown } | null)?.email;
  return typeof given === 'string' ? given : null;
}

/** The column of a zod issue path: the row's field, `profile.<field>` inside the profile. */
function columnOf(issue: z.core.$ZodIssue): string | null {
  if (issue.code === 'unrecognized_keys' && issue.path.length === 0) return issue.keys[0] ?? null;
  const [field, key] = issue.path;
  if (field === undefined) return null;
  if (field === 'profile' && key !== undefined) return `profile.${String(key)}`;
  return String(field);
}

/** Validates every row: a report for each invalid or duplicate one, the valid ones to process. */
function prepareRows<R extends { email: string }>(
  model: Model<R>,
  rows: readonly unknown[],
): { prepared: PreparedRow<R>[]; failed: Map<number, BulkRowReport> } {
  const prepared: PreparedRow<R>[] = [];
  const failed = new Map<number, BulkRowReport>();
  const firstWithEmail = new Map<string, number>();
  rows.forEach((raw, index) => {
    const where = { row: rowNumberOf(raw, index), email: emailOf(raw) };
    const normalized = Email.safeParse(where.email);
    const first = normalized.success ? firstWithEmail.get(normalized.data) : undefined;
    if (normalized.success && first === undefined) firstWithEmail.set(normalized.data, where.row);
    const parsed = safeParseInput(model.schema, raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      failed.set(
        index,
        failedReport(
          where,
          'INVALID_INPUT',
          invalidInput(model.name, parsed.error).message,
          issue === undefined ? null : columnOf(issue),
        ),
      );
      return;
    }
    if (first !== undefined) {
      failed.set(
        index,
        failedReport(
          where,
          'INVALID_INPUT',
          `Duplicate of row ${first}: each email appears once in a file.`,
          'email',
        ),
      );
      return;
    }
    prepared.push({ index, row: where.row, email: where.email ?? '', data: parsed.data });
  });
  return { prepared, failed };
}

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

/** Ids for a dry run's throwaway rows, so the host's generator is not consumed. */
function dryRunIds(): IdGenerator {
  let n = 0;
  return { next: (kind) => `dry-run-${kind.toLowerCase()}-${++n}` };
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
  const total = rows.length;
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 500;
  const { prepared, failed } = prepareRows(command.model, rows);
  const reports = new Map<number, BulkRowReport>(failed);
  // Batches cut the input (not the valid rows) every `batchSize` rows, so
  // progress counts input rows; `prepared` is in input order.
  const batchCount = Math.ceil(total / batchSize);
  const batches: PreparedRow<R>[][] = Array.from({ length: batchCount }, () => []);
  const batchEnds = Array.from({ length: batchCount }, (_, i) =>
    Math.min(total, (i + 1) * batchSize),
  );
  for (const row of prepared) batches[Math.floor(row.index / batchSize)]?.push(row);

  let reported = -1;
  const progress = (done: number) => {
    if (done <= reported) return; // a retried transaction does not report the same progress twice
    reported = done;
    options.onProgress?.({ done, total });
  };
  const record = async (outcome: BatchOutcome) => {
    for (const [index, report] of outcome.reports) {
      reports.set(
        index,
        dryRun && report.status === 'created' ? { ...report, accountId: null } : report,
      );
    }
    if (!dryRun) for (const issued of outcome.invitations) await options.onInvitation?.(issued);
  };

  const context = async (
    tx: Parameters<Parameters<Store['transaction']>[0]>[0],
    ids: IdGenerator,
  ): Promise<ActorContext> => {
    const loaded = await loadActor(tx, actor).catch((error: unknown) => {
      throw new ActorFailure(error);
    });
    return {
      deps: ids === deps.ids ? deps : { ...deps, ids },
      tx,
      actor: loaded,
      now: deps.clock.now(),
      ...(dryRun ? { dryRun: true } : {}),
    };
  };
  // One transaction for `batch`; a dry run's is rolled back.
  const attempt = async (batch: readonly PreparedRow<R>[]): Promise<BatchOutcome> => {
    if (!dryRun) {
      return store.transaction(async (tx) => command.process(await context(tx, deps.ids), batch));
    }
    try {
      await store.transaction(async (tx) => {
        throw new DryRunRollback([await command.process(await context(tx, dryRunIds()), batch)]);
      });
    } catch (error) {
      if (error instanceof DryRunRollback && error.outcomes[0] !== undefined)
        return error.outcomes[0];
      throw error;
    }
    throw new Error('unreachable: a dry run always rolls back');
  };
  // A batch that failed as a whole: one row per transaction, so the good rows still land.
  const rowByRow = async (batch: readonly PreparedRow<R>[]): Promise<BatchOutcome> => {
    const outcome = {
      reports: new Map<number, BulkRowReport>(),
      invitations: [] as BulkInvitation[],
    };
    for (const row of batch) {
      try {
        const single = await attempt([row]);
        for (const [index, report] of single.reports) outcome.reports.set(index, report);
        outcome.invitations.push(...single.invitations);
      } catch (error) {
        if (error instanceof ActorFailure || !RosterError.isInstance(error)) throw error;
        outcome.reports.set(row.index, reportFailure(row, error));
      }
    }
    return outcome;
  };
  const unwrap = (error: unknown): never => {
    throw error instanceof ActorFailure ? error.error : error;
  };

  progress(0);
  try {
    let done = false;
    if (dryRun && batches.length > 1) {
      // Every batch in one rolled-back transaction, so later batches see what
      // earlier ones would have written: the report equals the real run's.
      try {
        await store.transaction(async (tx) => {
          const ctx = await context(tx, dryRunIds());
          const outcomes: BatchOutcome[] = [];
          for (const [i, batch] of batches.entries()) {
            if (batch.length > 0) outcomes.push(await command.process(ctx, batch));
            progress(batchEnds[i] ?? total);
          }
          throw new DryRunRollback(outcomes);
        });
      } catch (error) {
        if (error instanceof DryRunRollback) {
          for (const outcome of error.outcomes) await record(outcome);
          done = true;
        } else if (error instanceof ActorFailure || !RosterError.isInstance(error)) {
          throw error;
        }
        // Otherwise (a conflict with a concurrent writer): batch by batch below.
      }
    }
    for (const [i, batch] of done ? [] : batches.entries()) {
      if (batch.length > 0) {
        let outcome: BatchOutcome;
        try {
          outcome = await attempt(batch);
        } catch (error) {
          if (error instanceof ActorFailure || !RosterError.isInstance(error)) throw error;
          outcome = await rowByRow(batch);
        }
        await record(outcome);
      }
      progress(batchEnds[i] ?? total);
    }
  } catch (error) {
    unwrap(error);
  }

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
