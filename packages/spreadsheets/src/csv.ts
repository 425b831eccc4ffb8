import Papa from 'papaparse';
import type { CellError, SheetParseResult } from './cell-error.js';
import type { BulkSheet, RowOf } from './columns.js';
import { isGuarded } from './formula-guard.js';
import { checkUpload, type ParseOptions, tooManyRows } from './parse-options.js';
import { readRows, type SourceLine } from './read-rows.js';
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
 * // 'Email*,First name,Last name,Role*,Home site / Space,Groups,Manager email,Restrictions\r\n'
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
  // Record by record, keeping only the non-blank ones and only as many as can
  // be read: a file of millions of blank lines (a few MB) or of too many rows
  // costs their count, not an array each. Blank lines do not count as rows.
  const lines: SourceLine[] = [];
  const lineErrors: CellError[] = [];
  let record = 0;
  let filled = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      record += 1;
      for (const error of result.errors) {
        if (error.type !== 'Quotes') continue;
        lineErrors.push({
          row: record,
          column: null,
          field: null,
          code: 'MALFORMED',
          message: `This line cannot be read: ${error.message}.`,
          email: null,
        });
      }
      if (result.data.every((cell) => cell.trim() === '')) return;
      filled += 1;
      // The header and maxRows rows; one more is enough to refuse the file.
      if (filled <= maxRows + 2) lines.push({ row: record, cells: result.data });
    },
  });
  if (filled - 1 > maxRows) throw tooManyRows(filled - 1, maxRows);
  const { rows, errors } = readRows(sheet, lines, maxRows, lineErrors);
  return { rows: rows as unknown as RowOf<S>[], errors };
}

// Decodes UTF-8 and drops a byte order mark.
const decoder = new TextDecoder('utf-8');
