import type { RoleCatalog } from '@rosterkit/core';
import ExcelJS from 'exceljs';
import type { SheetParseResult } from './cell-error.js';
import type { BulkSheet, Column, RowOf } from './columns.js';
import { guardCell } from './formula-guard.js';
import { checkUpload, type ParseOptions, unreadable } from './parse-options.js';
import { hasKnownHeader, type PlainCell, readRows, type SourceLine } from './read-rows.js';
import { cellsOf, headerOf } from './write-cells.js';
import { checkExpansion } from './zip-expansion.js';

/**
 * Options of {@link writeXlsx}.
 *
 * @example
 * ```ts
 * import { type WriteXlsxOptions, updateSheet, writeXlsx } from '@rosterkit/spreadsheets';
 *
 * const options: WriteXlsxOptions = { roles: roleSet, rows: await listUpdateRows(admin, { space }) };
 * await writeXlsx(updateSheet(), options);
 * ```
 */
export interface WriteXlsxOptions<Row = unknown> {
  /**
   * The roles offered in the Role column's list: the roster's `RoleCatalog`
   * (a role set of `@rosterkit/policies` is one). The import sheet leaves out
   * the owner's role unless it is `shared`.
   */
  readonly roles: RoleCatalog;
  /** The rows under the header, e.g. {@link listUpdateRows}' current team. @default [] */
  readonly rows?: readonly Row[];
}

/** How many empty rows under the data carry the lists to choose from. @internal */
export const validatedRows = 1000;

/**
 * Writes a sheet as an Excel workbook: a bold, frozen header row with a note
 * on each header cell (what to write, an example), a drop-down list of the
 * roles in the Role column and of `y`/`n` in yes/no columns, text format for
 * text columns (so that `00123` stays `00123`), then the rows if any.
 *
 * @example
 * ```ts
 * import { importSheet, writeXlsx } from '@rosterkit/spreadsheets';
 * import { presets } from '@rosterkit/policies';
 *
 * const bytes = await writeXlsx(importSheet({ profileFields: ['phone'] }), { roles: presets.contactCenter });
 * response.setHeader('Content-Disposition', 'attachment; filename="import.xlsx"').end(bytes);
 * ```
 */
export async function writeXlsx<S extends BulkSheet>(
  sheet: S,
  options: WriteXlsxOptions<RowOf<S>>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rosterkit';
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const rows = options.rows ?? [];
  worksheet.columns = sheet.columns.map((column) => ({
    key: column.field,
    width: Math.min(40, Math.max(column.label.length, column.example.length, 12) + 4),
    ...(column.type === 'yes-no' ? {} : { style: { numFmt: '@' } }),
  }));
  const header = worksheet.getRow(1);
  header.values = headerOf(sheet);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF34495E' } };
  for (const [index, column] of sheet.columns.entries()) {
    header.getCell(index + 1).note = noteOf(column);
  }
  for (const row of rows) worksheet.addRow(cellsOf(sheet, row));

  const lastRow = rows.length + 1 + validatedRows;
  for (const [index, column] of sheet.columns.entries()) {
    const list =
      column.type === 'role'
        ? roleNames(sheet, options.roles)
        : column.type === 'yes-no'
          ? ['y', 'n']
          : null;
    if (list === null) continue;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(workbook, column, list)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: column.label,
      error: column.type === 'role' ? 'Choose a role from the list.' : 'Write y or n.',
    };
    // One rule for the column's range. Set cell by cell, exceljs merges equal
    // rules into ranges after sorting the addresses as text (C10 before C2),
    // which wrote overlapping ranges (C10:C1001 and C2:C1001), and touched
    // every cell, writing a thousand empty rows.
    const letter = worksheet.getColumn(index + 1).letter;
    dataValidationsOf(worksheet).add(`${letter}2:${letter}${lastRow}`, validation);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The worksheet's data validations: exceljs 4 has `add(range, rule)`, which
 * writes one rule for the range, but its type definitions leave it out.
 */
function dataValidationsOf(worksheet: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (worksheet as unknown as { dataValidations: ReturnType<typeof dataValidationsOf> })
    .dataValidations;
}

/**
 * Reads an `.xlsx` upload into the sheet's rows: the worksheet named like the
 * sheet (`Import`, `Bulk update`), else the first one whose header row has a
 * column of the sheet, else the first one. Every kind of cell
 * Excel stores is read: text, shared strings, numbers, dates, booleans, rich
 * text, hyperlinks (an email written as a `mailto:` link), and formulas by
 * their cached result. Headers are matched trimmed and case-insensitively,
 * in any order; see {@link SheetParseResult} for which rows are returned.
 * The arguments are checked, and the file must be within `options`' limits
 * and be a workbook: otherwise the promise rejects with `INVALID_INPUT`.
 *
 * @example
 * ```ts
 * import { parseXlsx, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const { rows, errors } = await parseXlsx(updateSheet(), await readFile('team.xlsx'));
 * const report = await admin.bulkUpdate(rows, { dryRun: true });
 * ```
 */
export async function parseXlsx<S extends BulkSheet>(
  sheet: S,
  file: Uint8Array | ArrayBuffer,
  options?: ParseOptions,
): Promise<SheetParseResult<RowOf<S>>> {
  const { input, maxRows, maxUncompressedBytes } = checkUpload('xlsx', sheet, file, options);
  const workbook = new ExcelJS.Workbook();
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  await checkExpansion(bytes, { maxUncompressedBytes, maxRows });
  try {
    // exceljs's declared Buffer type is its own; a Node Buffer is what it reads.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error), error);
  }
  const named = workbook.getWorksheet(sheet.name);
  const candidates = named === undefined ? workbook.worksheets : [named];
  const read = candidates.map(linesOf);
  const lines = read.find((found) => hasKnownHeader(sheet, found)) ?? read[0] ?? [];
  const { rows, errors } = readRows(sheet, lines, maxRows);
  return { rows: rows as unknown as RowOf<S>[], errors };
}

function linesOf(worksheet: ExcelJS.Worksheet): SourceLine[] {
  const lines: SourceLine[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: PlainCell[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) {
      cells.push(plain(row.getCell(column).value));
    }
    lines.push({ row: rowNumber, cells });
  });
  return lines;
}

/** Flattens every kind of exceljs cell value to a plain one. */
function plain(value: ExcelJS.CellValue): PlainCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if ('richText' in value) return richText(value.richText);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    const shown =
      typeof text === 'string'
        ? text
        : typeof text === 'object' && text !== null && 'richText' in text
          ? richText((text as ExcelJS.CellRichTextValue).richText)
          : '';
    return shown.trim() === '' ? value.hyperlink.replace(/^mailto:/i, '') : shown;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? null : plain(value.result);
  }
  if ('error' in value) return { error: value.error };
  return null;
}

function richText(parts: readonly ExcelJS.RichText[]): string {
  return parts.map((part) => part.text).join('');
}

function noteOf(column: Column): string {
  return column.example === '' ? column.note : `${column.note}\nExample: ${column.example}`;
}

function roleNames(sheet: BulkSheet, roles: RoleCatalog): string[] {
  // Guarded like a cell: the name chosen from the list lands in the cell as written here.
  const names = roles.roles.map((role) => guardCell(role.name));
  // A new person cannot be made owner, unless the owner's role is shared.
  return sheet.kind === 'import' && roles.ownerRole.shared !== true
    ? names.filter((name) => name !== guardCell(roles.ownerRole.name))
    : names;
}

// Excel takes a list written in the rule itself up to 255 characters, without
// commas in the items; longer lists go to a hidden worksheet the rule points at.
function listFormula(workbook: ExcelJS.Workbook, column: Column, items: readonly string[]): string {
  const inline = items.join(',');
  if (inline.length <= 250 && !items.some((item) => /[,"]/.test(item))) return `"${inline}"`;
  const lists =
    workbook.getWorksheet('Lists') ?? workbook.addWorksheet('Lists', { state: 'hidden' });
  const at = lists.columnCount + 1;
  const target = lists.getColumn(at);
  target.values = [column.label, ...items];
  return `Lists!$${target.letter}$2:$${target.letter}$${items.length + 1}`;
}
