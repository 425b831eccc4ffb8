import type { BulkSheet, Column } from './columns.js';
import { guardCell } from './formula-guard.js';

/**
 * The header row's cells: the column labels, guarded like every cell.
 * @internal
 */
export function headerOf(sheet: BulkSheet): string[] {
  return sheet.columns.map((column) => guardCell(column.label));
}

/**
 * A row's cells in the sheet's column order, as text: what the parser reads
 * back into the same row. Absent fields are empty cells; a value that starts
 * like a formula is behind an apostrophe (see guardCell).
 * @internal
 */
export function cellsOf(sheet: BulkSheet, row: unknown): string[] {
  return sheet.columns.map((column) => guardCell(cellText(column, fieldOf(row, column.field))));
}

function cellText(column: Column, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return column.clearable === true ? '-' : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return column.clearable === true ? '-' : '';
    return value.map(String).join(', ');
  }
  if (typeof value === 'boolean')
    return column.type === 'yes-no' ? (value ? 'y' : 'n') : String(value);
  return String(value);
}

function fieldOf(row: unknown, field: string): unknown {
  let value: unknown = row;
  for (const key of field.split(/\.(.*)/s).filter((part) => part !== '')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
