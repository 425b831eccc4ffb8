import type { BulkReport, BulkRowStatus, RosterErrorCode } from '@rosterkit/core';
import type { CellError, CellErrorCode } from './cell-error.js';
import type { BulkSheet } from './columns.js';

/**
 * One problem of a {@link SheetReportLine}: a cell error of the file, or
 * core's reason for refusing the row.
 *
 * @example
 * ```ts
 * import type { SheetReportError } from '@rosterkit/spreadsheets';
 *
 * const error: SheetReportError = {
 *   column: 'Role*',
 *   field: 'role',
 *   code: 'FORBIDDEN',
 *   message: 'You cannot grant the role admin: it ranks above yours.',
 * };
 * ```
 */
export interface SheetReportError {
  /** The column's header in the sheet; `null` when the whole line is at fault. */
  readonly column: string | null;
  /** The row field (`role`, `profile.phone`); `null` when the whole line is at fault. */
  readonly field: string | null;
  readonly code: CellErrorCode | RosterErrorCode;
  readonly message: string;
}

/**
 * What became of one line of the file.
 *
 * @example
 * ```ts
 * import type { SheetReportLine } from '@rosterkit/spreadsheets';
 *
 * const line: SheetReportLine = { row: 2, email: 'bo@acme.io', status: 'created', accountId: 'acc_9', errors: [] };
 * ```
 */
export interface SheetReportLine {
  /** The sheet line (header = 1). */
  readonly row: number;
  /** The email as written; `null` when missing, and for the header line. */
  readonly email: string | null;
  /** `failed` for a line with errors, the file's or core's. */
  readonly status: BulkRowStatus;
  /** The account created, updated or matched; `null` when none was. */
  readonly accountId: string | null;
  /** Empty unless `failed`: the file's cell errors, or core's one error. */
  readonly errors: readonly SheetReportError[];
}

/**
 * One report for one uploaded file: the lines refused while reading it and
 * the rows core ran, by line.
 *
 * @example
 * ```ts
 * import { mergeReports, type SheetReport } from '@rosterkit/spreadsheets';
 *
 * const report: SheetReport = mergeReports(sheet, parsed.errors, await admin.bulkImport(parsed.rows));
 * console.log(`${report.counts.created} invited, ${report.counts.failed} to fix`);
 * ```
 */
export interface SheetReport {
  /** Whether core's run was a dry run (nothing written). */
  readonly dryRun: boolean;
  /** One per line with a row or an error (the header line only when it has errors), by line. */
  readonly lines: readonly SheetReportLine[];
  /** How many lines ended in each status. */
  readonly counts: Readonly<Record<BulkRowStatus, number>>;
}

/**
 * Merges the file's cell errors (from {@link parseCsv} / {@link parseXlsx})
 * with core's `BulkReport` of the rows that were run into one report by
 * sheet line: each line once, its errors named by the sheet's column headers.
 * Header errors come first, on line 1.
 *
 * @example
 * ```ts
 * import { importSheet, mergeReports, parseCsv } from '@rosterkit/spreadsheets';
 *
 * const sheet = importSheet();
 * const parsed = parseCsv(sheet, csvText);
 * const report = mergeReports(sheet, parsed.errors, await admin.bulkImport(parsed.rows, { dryRun: true }));
 * for (const line of report.lines) {
 *   console.log(line.row, line.status, line.errors.map((e) => `${e.column}: ${e.message}`).join('; '));
 * }
 * ```
 */
export function mergeReports(
  sheet: BulkSheet,
  errors: readonly CellError[],
  report: BulkReport,
): SheetReport {
  const labels = new Map(sheet.columns.map((column) => [column.field, column.label]));
  const byRow = new Map<number, SheetReportLine>();
  for (const error of errors) {
    const line = byRow.get(error.row);
    const entry: SheetReportError = {
      column: error.column,
      field: error.field,
      code: error.code,
      message: error.message,
    };
    byRow.set(error.row, {
      row: error.row,
      email: line?.email ?? error.email,
      status: 'failed',
      accountId: null,
      errors: [...(line?.errors ?? []), entry],
    });
  }
  for (const row of report.rows) {
    const error = row.error;
    const fromFile = byRow.get(row.row);
    byRow.set(row.row, {
      row: row.row,
      email: row.email,
      status: fromFile === undefined ? row.status : 'failed',
      accountId: row.accountId,
      errors: [
        ...(fromFile?.errors ?? []),
        ...(error === null
          ? []
          : [
              {
                column: error.column === null ? null : (labels.get(error.column) ?? error.column),
                field: error.column,
                code: error.code,
                message: error.message,
              },
            ]),
      ],
    });
  }
  const lines = [...byRow.values()].sort((a, b) => a.row - b.row);
  const counts: Record<BulkRowStatus, number> = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const line of lines) counts[line.status] += 1;
  return { dryRun: report.dryRun, lines, counts };
}
