// The columns of the two bulk sheets, as data: the templates, the parser, the
// report and the docs' column tables all read these definitions. Here: what a
// column and a sheet are; each sheet's columns are in import-sheet.ts and
// update-sheet.ts.

import type { BulkImportRow, BulkUpdateRow } from '@rosterkit/core';

/**
 * How a column's cells are read:
 * - `text`: any text; numbers and dates are turned into text (`5551234`, `2025-03-01`).
 * - `email`: an email address, as text or as a hyperlink (`mailto:` is dropped); a number or a date is refused.
 * - `role`: a role's name, as text (the template offers the role catalog as a list).
 * - `list`: names separated by commas or semicolons (`Sales, Support`).
 * - `yes-no`: `y`/`yes`/`true`/`1` or `n`/`no`/`false`/`0`, any case, or an Excel TRUE/FALSE.
 *
 * An empty cell is always "absent": nothing for an import, "leave unchanged" for an update.
 *
 * @example
 * ```ts
 * import { type ColumnType, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const types: ColumnType[] = updateSheet().columns.map((column) => column.type);
 * // ['email', 'text', 'role', 'list', 'email', 'list', 'yes-no']
 * ```
 */
export type ColumnType = 'text' | 'email' | 'role' | 'list' | 'yes-no';

/**
 * One column of a bulk sheet.
 *
 * @example
 * ```ts
 * import type { Column } from '@rosterkit/spreadsheets';
 *
 * const phone: Column = {
 *   label: 'Phone',
 *   field: 'profile.phone',
 *   type: 'text',
 *   required: false,
 *   note: 'The work phone number.',
 *   example: '+44 20 7946 0000',
 * };
 * ```
 */
export interface Column {
  /** The header written in the template's first row, `*` marking a required column (`Email*`). */
  readonly label: string;
  /**
   * The row field the column fills: a field of `BulkImportRow` / `BulkUpdateRow`
   * (`email`, `role`, `groups`...), or `profile.<name>` for a host profile field.
   * Core's bulk report names the same field in its `column`.
   */
  readonly field: string;
  readonly type: ColumnType;
  /** Whether a row must fill this cell (and the file must have this column). */
  readonly required: boolean;
  /** What to write in it: shown as the header cell's note in Excel and in the docs. */
  readonly note: string;
  /** A value as a person would write it (in the note and the docs; never a row of the template). */
  readonly example: string;
  /** Other headers accepted for this column when reading a file (compared like the label). */
  readonly aliases?: readonly string[];
  /** When true, a cell holding just `-` clears the field (no manager, no groups, no restrictions). */
  readonly clearable?: boolean;
}

/**
 * The layout of the import sheet: one row per person to create and invite
 * (`BulkImportRow`). Made by {@link importSheet}.
 *
 * @example
 * ```ts
 * import { type ImportSheet, importSheet } from '@rosterkit/spreadsheets';
 *
 * const sheet: ImportSheet = importSheet({ profileFields: ['phone'] });
 * sheet.columns.map((column) => column.label).at(-1); // 'Phone'
 * ```
 */
export interface ImportSheet {
  readonly kind: 'import';
  /** The worksheet's name in the `.xlsx` template, and the one read first from an upload. */
  readonly name: string;
  /** The columns, in template order. */
  readonly columns: readonly Column[];
}

/**
 * The layout of the bulk-update sheet: one row per existing account, found by
 * email (`BulkUpdateRow`). Made by {@link updateSheet}.
 *
 * @example
 * ```ts
 * import { type UpdateSheet, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const sheet: UpdateSheet = updateSheet();
 * sheet.columns.at(-1)?.label; // 'Deactivated (y/n)'
 * ```
 */
export interface UpdateSheet {
  readonly kind: 'update';
  /** The worksheet's name in the `.xlsx` template, and the one read first from an upload. */
  readonly name: string;
  /** The columns, in template order. */
  readonly columns: readonly Column[];
}

/**
 * Either sheet: what the writers, the parsers and {@link mergeReports} take.
 *
 * @example
 * ```ts
 * import { type BulkSheet, importSheet, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const sheets: BulkSheet[] = [importSheet(), updateSheet()];
 * ```
 */
export type BulkSheet = ImportSheet | UpdateSheet;

/**
 * The row type a sheet reads and writes: core's `BulkImportRow` for the
 * import sheet, `BulkUpdateRow` for the update sheet.
 *
 * @example
 * ```ts
 * import type { ImportSheet, RowOf } from '@rosterkit/spreadsheets';
 *
 * const row: RowOf<ImportSheet> = { email: 'bo@acme.io', role: 'agent' };
 * ```
 */
export type RowOf<S extends BulkSheet> = S extends ImportSheet ? BulkImportRow : BulkUpdateRow;

/**
 * How headers are compared: trimmed, inner spaces collapsed, case-insensitive,
 * and a trailing `*` ignored (`email`, `EMAIL *` and `Email*` are one header).
 * @internal
 */
export function headerKey(header: string): string {
  return header
    .trim()
    .replace(/\s*\*$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
