// The one engine behind parseCsv and parseXlsx: lines of plain cell values in,
// rows of the sheet's shape and cell errors out.

import type { CellError } from './cell-error.js';
import { type BulkSheet, type Column, headerKey } from './columns.js';
import { unguardCell } from './formula-guard.js';
import { tooManyRows } from './parse-options.js';

/**
 * A cell's value once the file format is gone: text, a number, a boolean, a
 * date, an Excel error (`#N/A`), or nothing.
 * @internal
 */
export type PlainCell = string | number | boolean | Date | { readonly error: string } | null;

/** One line of the file: its sheet line number (header = 1) and its cells, from column A. @internal */
export interface SourceLine {
  readonly row: number;
  readonly cells: readonly PlainCell[];
}

/**
 * Whether the first non-empty line has a header of the sheet: how an upload's
 * worksheet is found when none is named like the sheet.
 * @internal
 */
export function hasKnownHeader(sheet: BulkSheet, lines: readonly SourceLine[]): boolean {
  const header = lines.map(unguardLine).find((line) => !line.cells.every(isBlank));
  const known = new Set(
    sheet.columns.flatMap((column) => [column.label, ...(column.aliases ?? [])].map(headerKey)),
  );
  return (header?.cells ?? []).some((cell) => !isBlank(cell) && known.has(headerKey(textOf(cell))));
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Reads lines into rows: the first non-empty line is the header; every later
 * non-empty line is a row. A row with any cell error is left out of `rows`.
 * More than `maxRows` rows: INVALID_INPUT, thrown.
 * @internal
 */
export function readRows(
  sheet: BulkSheet,
  lines: readonly SourceLine[],
  maxRows: number,
  lineErrors: readonly CellError[] = [],
): { rows: Record<string, unknown>[]; errors: CellError[] } {
  const errors: CellError[] = [];
  const filled = lines.filter((line) => !line.cells.every(isBlank)).map(unguardLine);
  const [header, ...body] = filled;
  if (body.length > maxRows) throw tooManyRows(body.length, maxRows);
  const headerRow = header?.row ?? 1;

  // Match every header cell to a column of the sheet.
  const byKey = new Map<string, Column>();
  for (const column of sheet.columns) {
    for (const name of [column.label, ...(column.aliases ?? [])])
      byKey.set(headerKey(name), column);
  }
  const positions: { index: number; column: Column; label: string }[] = [];
  for (const [index, cell] of (header?.cells ?? []).entries()) {
    if (isBlank(cell)) continue;
    const label = textOf(cell).trim();
    const column = byKey.get(headerKey(label));
    if (column === undefined) {
      errors.push({
        row: headerRow,
        column: label,
        field: null,
        code: 'UNKNOWN_HEADER',
        message: `Unknown column "${label}": its cells are ignored. The columns are ${sheet.columns.map((c) => c.label).join(', ')}.`,
        email: null,
      });
    } else if (positions.some((position) => position.column === column)) {
      errors.push({
        row: headerRow,
        column: label,
        field: column.field,
        code: 'DUPLICATE_HEADER',
        message: `Column "${column.label}" appears twice: the second one is ignored.`,
        email: null,
      });
    } else {
      positions.push({ index, column, label });
    }
  }
  const missing = sheet.columns.filter(
    (column) => column.required && !positions.some((position) => position.column === column),
  );
  for (const column of missing) {
    errors.push({
      row: headerRow,
      column: column.label,
      field: column.field,
      code: 'MISSING_HEADER',
      message: `The required column "${column.label}" is missing: no row was read.`,
      email: null,
    });
  }
  if (missing.length > 0) return { rows: [], errors: sortErrors(errors) };

  const emailAt = positions.find((position) => position.column.field === 'email');
  const brokenLines = new Set(lineErrors.map((error) => error.row));
  errors.push(...lineErrors);
  const rows: Record<string, unknown>[] = [];
  for (const line of body) {
    if (brokenLines.has(line.row)) continue;
    const emailCell = emailAt === undefined ? null : (line.cells[emailAt.index] ?? null);
    const email = typeof emailCell === 'string' ? emailCell.trim() || null : null;
    const row: Record<string, unknown> = { rowNumber: line.row };
    let failed = false;
    for (const { index, column, label } of positions) {
      const cell = line.cells[index] ?? null;
      const fail = (code: 'REQUIRED' | 'WRONG_TYPE', message: string) => {
        failed = true;
        errors.push({ row: line.row, column: label, field: column.field, code, message, email });
      };
      if (isBlank(cell)) {
        if (column.required) fail('REQUIRED', `${column.label.replace(/\*$/, '')} is required.`);
        continue;
      }
      const converted = convert(column, cell);
      if (!converted.ok) fail('WRONG_TYPE', converted.message);
      else if (converted.value !== undefined) setField(row, column.field, converted.value);
    }
    if (!failed) rows.push(row);
  }
  return { rows, errors: sortErrors(errors) };
}

function convert(column: Column, cell: Exclude<PlainCell, null>): Converted {
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    return { ok: false, message: `The cell holds the error ${cell.error}.` };
  }
  const text = typeof cell === 'string' ? cell.trim() : null;
  if (column.clearable === true && text === '-') {
    return { ok: true, value: column.type === 'list' ? [] : null };
  }
  switch (column.type) {
    case 'text':
      if (typeof cell === 'boolean') return wrong('text', cell);
      return { ok: true, value: text ?? textOf(cell) };
    case 'email': {
      if (text === null) return wrong('an email address', cell);
      return { ok: true, value: text.replace(/^mailto:/i, '').trim() };
    }
    case 'role':
      if (text === null) return wrong('a role name', cell);
      return { ok: true, value: text };
    case 'list': {
      if (typeof cell === 'boolean' || cell instanceof Date) return wrong('names', cell);
      const items = textOf(cell)
        .split(/[,;]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return { ok: true, value: items };
    }
    case 'yes-no': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const answer = yesNo.get(textOf(cell).trim().toLowerCase());
      if (answer === undefined) {
        return { ok: false, message: `Expected y or n, found ${shown(cell)}.` };
      }
      return { ok: true, value: answer };
    }
  }
}

const yesNo = new Map<string, boolean>([
  ['y', true],
  ['yes', true],
  ['true', true],
  ['1', true],
  ['n', false],
  ['no', false],
  ['false', false],
  ['0', false],
]);

function wrong(expected: string, cell: string | number | boolean | Date): Converted {
  return { ok: false, message: `Expected ${expected}, found ${shown(cell)}.` };
}

function shown(cell: string | number | boolean | Date): string {
  if (typeof cell === 'string') return `"${cell.trim()}"`;
  if (typeof cell === 'number') return `the number ${cell}`;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return `the date ${textOf(cell)}`;
}

/** A cell as text: numbers as written, dates as `YYYY-MM-DD` (or a full ISO time when not midnight UTC). */
function textOf(cell: Exclude<PlainCell, null>): string {
  if (typeof cell === 'object' && !(cell instanceof Date)) return cell.error;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(cell);
}

// The values as written, without the apostrophe the writers put before a formula start.
function unguardLine(line: SourceLine): SourceLine {
  return {
    row: line.row,
    cells: line.cells.map((cell) => (typeof cell === 'string' ? unguardCell(cell) : cell)),
  };
}

function isBlank(cell: PlainCell | undefined): cell is null | undefined | '' {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function setField(row: Record<string, unknown>, field: string, value: unknown): void {
  const [head, rest] = field.split(/\.(.*)/s) as [string, string | undefined];
  if (rest === undefined) {
    row[head] = value;
    return;
  }
  row[head] = { ...(row[head] as Record<string, unknown> | undefined), [rest]: value };
}

function sortErrors(errors: CellError[]): CellError[] {
  // Stable: within a line, errors stay in the file's column order.
  return errors.sort((a, b) => a.row - b.row);
}
