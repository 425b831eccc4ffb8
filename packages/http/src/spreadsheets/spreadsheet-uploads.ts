import type { RosterError } from '@rosterkit/core';
import {
  type ImportSheetOptions,
  importSheet,
  mergeReports,
  type ParseOptions,
  parseCsv,
  parseXlsx,
  updateSheet,
} from '@rosterkit/spreadsheets';
import { inputError } from '../request/input-error.js';
import type { BulkUploads, ParsedUpload, UploadedFile } from '../uploads.js';

/**
 * Options of {@link spreadsheetUploads}.
 *
 * @category Uploads
 */
export interface SpreadsheetUploadOptions extends ParseOptions {
  /** The import sheet's profile columns (as given to `importSheet`). */
  readonly importSheet?: ImportSheetOptions;
}

type Format = 'csv' | 'xlsx';

/** A file's format from its name, then its media type. */
function formatOf(file: UploadedFile): Format | RosterError<'INVALID_INPUT'> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv')) return 'csv';
  if (file.type === 'text/csv') return 'csv';
  if (file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    return 'xlsx';
  return inputError('upload', [{ path: ['file'], message: 'Must be a .csv or .xlsx file' }]);
}

/**
 * Reads uploaded `.csv` and `.xlsx` files with `@rosterkit/spreadsheets`
 * (an optional peer dependency, needed only by this entry): pass it as the
 * handler's `uploads`, and the bulk routes take `multipart/form-data` with
 * the file in its `file` field. The response is the sheet's report: core's
 * per-row report with the file's cell errors merged in, by line.
 *
 * @category Uploads
 * @example
 * ```ts
 * import { createRosterHandler } from '@rosterkit/http';
 * import { spreadsheetUploads } from '@rosterkit/http/spreadsheets';
 *
 * const handler = createRosterHandler(roster, { authenticate, uploads: spreadsheetUploads({ maxRows: 5000 }) });
 * ```
 */
export function spreadsheetUploads(options: SpreadsheetUploadOptions = {}): BulkUploads {
  const { importSheet: importOptions, ...parse } = options;
  const sheets = { import: importSheet(importOptions), update: updateSheet() };

  async function read<K extends 'import' | 'update'>(kind: K, file: UploadedFile) {
    const format = formatOf(file);
    if (typeof format !== 'string') throw format;
    const sheet = sheets[kind];
    const parsed =
      format === 'csv'
        ? parseCsv(sheet, file.bytes, parse)
        : await parseXlsx(sheet, file.bytes, parse);
    return {
      rows: parsed.rows,
      report: (result) => mergeReports(sheet, parsed.errors, result),
    } satisfies ParsedUpload<(typeof parsed.rows)[number]>;
  }

  return {
    importRows: (file) => read('import', file),
    updateRows: (file) => read('update', file),
  };
}
