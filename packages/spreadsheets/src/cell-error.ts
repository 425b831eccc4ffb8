/**
 * Why a cell or a header of an uploaded file was refused:
 * - `UNKNOWN_HEADER`: a header that is no column of the sheet (its cells are ignored).
 * - `DUPLICATE_HEADER`: a column given twice (the second is ignored).
 * - `MISSING_HEADER`: a required column is missing (no row is read).
 * - `REQUIRED`: an empty cell in a required column.
 * - `WRONG_TYPE`: a value of the wrong kind (a number in Email, `maybe` in Deactivated, an Excel error like `#N/A`).
 * - `MALFORMED`: a line of a CSV file that cannot be read (an unclosed quote).
 *
 * @example
 * ```ts
 * import type { CellErrorCode } from '@rosterkit/spreadsheets';
 *
 * const headerCodes: CellErrorCode[] = ['UNKNOWN_HEADER', 'DUPLICATE_HEADER', 'MISSING_HEADER'];
 * ```
 */
export type CellErrorCode =
  | 'UNKNOWN_HEADER'
  | 'DUPLICATE_HEADER'
  | 'MISSING_HEADER'
  | 'REQUIRED'
  | 'WRONG_TYPE'
  | 'MALFORMED';

/**
 * One problem found while reading an uploaded file, pointing at a cell.
 *
 * @example
 * ```ts
 * import type { CellError } from '@rosterkit/spreadsheets';
 *
 * const error: CellError = {
 *   row: 7,
 *   column: 'Deactivated (y/n)',
 *   field: 'deactivated',
 *   code: 'WRONG_TYPE',
 *   message: 'Expected y or n, found "maybe".',
 *   email: 'bo@acme.io',
 * };
 * ```
 */
export interface CellError {
  /** The sheet line, the header being line 1 (in a CSV file: the record, as a spreadsheet program numbers it). */
  readonly row: number;
  /** The column's header as written in the file (the sheet's label for a missing column); `null` for a whole line. */
  readonly column: string | null;
  /** The row field of that column (`email`, `profile.phone`); `null` for an unknown header or a whole line. */
  readonly field: string | null;
  readonly code: CellErrorCode;
  /** A sentence for the person who filled the file. */
  readonly message: string;
  /** The row's email as written, to show beside the error; `null` for header errors or when missing. */
  readonly email: string | null;
}

/**
 * What the parsers return. A row with any cell error is not in `rows`: its
 * errors are in `errors`, and {@link mergeReports} puts them beside core's
 * report of the rows that were run.
 *
 * @example
 * ```ts
 * import { importSheet, parseCsv, type SheetParseResult } from '@rosterkit/spreadsheets';
 * import type { BulkImportRow } from '@rosterkit/core';
 *
 * const result: SheetParseResult<BulkImportRow> = parseCsv(importSheet(), csvText);
 * if (result.errors.length > 0) console.table(result.errors);
 * ```
 */
export interface SheetParseResult<Row> {
  /** The rows without errors, each with `rowNumber` set to its sheet line, in file order. */
  readonly rows: Row[];
  /** Every problem found, by line, then by column. */
  readonly errors: CellError[];
}
