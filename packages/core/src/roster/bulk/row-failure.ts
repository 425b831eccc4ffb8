import type { RosterErrorCode } from '../../errors/error-codes.js';
import { RosterError } from '../../errors/roster-error.js';
import type { BulkRowReport, BulkRowStatus } from './bulk-report.js';

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

/** The report of a failed row. @internal */
export function failedReport(
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
