import Papa from 'papaparse';
import type { CellError, SheetParseResult } from './cell-error.js';
import type { BulkSheet, RowOf } from './columns.js';
import { isGuarded } from './formula-guard.js';
import { checkUpload, type ParseOptions } from './parse-options.js';
import { readRows } from './read-rows.js';
import { cellsOf, headerOf } from './write-cells.js';

/**
 * Options of {@link writeCsv}.
 *
 * @example
 * ```ts
 * import { type WriteCsvOptions, writeCsv, importSheet } from '@rosterkit/spreadsheets';
 *
 * const options: WriteCsvOptions = { bom: false };
 * writeCsv(importSheet(), options);
 * ```
 */
export interface WriteCsvOptions<Row = unknown> {
  /** The rows under the header, e.g. {@link listUpdateRows}' current team. @default [] */
  readonly rows?: readonly Row[];
  /**
   * Start with a UTF-8 byte order mark, so that Excel reads accents and
   * non-Latin names right when it opens the file. @default true
   */
  readonly bom?: boolean;
}

/**
 * Writes a sheet as CSV: the header row, then one line per row (lists joined
 * with `, `, yes/no as `y`/`n`), CRLF line ends, quoted where needed. A CSV
 * file has no notes or lists to choose from: prefer {@link writeXlsx} for
 * people, CSV for programs.
 *
 * @example
 * ```ts
 * import { importSheet, writeCsv } from '@rosterkit/spreadsheets';
 *
 * writeCsv(importSheet(), { bom: false });
 * // 'Email*,First name,Last name,Role*,Home site / Space,Groups,Manager email\r\n'
 * ```
 */
export function writeCsv<S extends BulkSheet>(
  sheet: S,
  options: WriteCsvOptions<RowOf<S>> = {},
): string {
  const text = Papa.unparse(
    {
      fields: headerOf(sheet),
      data: (options.rows ?? []).map((row) => cellsOf(sheet, row)),
    },
    // A guarded cell is also quoted, as OWASP advises.
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && isGuarded(value) },
  );
  // Papa ends a header-only file with a newline and a file with rows without one.
  return `${options.bom === false ? '' : '\uFEFF'}${text.replace(/\r\n$/, '')}\r\n`;
}

/**
 * Reads a CSV upload into the sheet's rows. Comma, semicolon and tab
 * separated files are recognized; a UTF-8 byte order mark is ignored; bytes
 * are read as UTF-8. Headers are matched trimmed and case-insensitively, in
 * any order; see {@link SheetParseResult} for which rows are returned.
 * Wrong arguments, or a file over `options`' limits, throw `INVALID_INPUT`.
 *
 * @example
 * ```ts
 * import { importSheet, parseCsv } from '@rosterkit/spreadsheets';
 *
 * const { rows, errors } = parseCsv(importSheet(), 'Email*,Role*\nbo@acme.io,agent\n,agent\n');
 * // rows: [{ rowNumber: 2, email: 'bo@acme.io', role: 'agent' }]
 * // errors: [{ row: 3, column: 'Email*', field: 'email', code: 'REQUIRED', message: 'Email is required.', email: null }]
 * ```
 */
export function parseCsv<S extends BulkSheet>(
  sheet: S,
  file: string | Uint8Array | ArrayBuffer,
  options?: ParseOptions,
): SheetParseResult<RowOf<S>> {
  const { input, maxRows } = checkUpload('csv', sheet, file, options);
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decoder.decode(input);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const lineErrors: CellError[] = parsed.errors
    .filter((error) => error.type === 'Quotes' && error.row !== undefined)
    .map((error) => ({
      row: (error.row ?? 0) + 1,
      column: null,
      field: null,
      code: 'MALFORMED' as const,
      message: `This line cannot be read: ${error.message}.`,
      email: null,
    }));
  const lines = parsed.data.map((cells, index) => ({
    row: index + 1,
    cells,
  }));
  const { rows, errors } = readRows(sheet, lines, maxRows, lineErrors);
  return { rows: rows as unknown as RowOf<S>[], errors };
}

// Decodes UTF-8 and drops a byte order mark.
const decoder = new TextDecoder('utf-8');
