export type { CellError, CellErrorCode, SheetParseResult } from './cell-error.js';
export type {
  BulkSheet,
  Column,
  ColumnType,
  ImportSheet,
  ImportSheetOptions,
  ProfileColumn,
  RowOf,
  UpdateSheet,
} from './columns.js';
export { describeColumns, importSheet, updateSheet } from './columns.js';
export type { WriteCsvOptions } from './csv.js';
export { parseCsv, writeCsv } from './csv.js';
export type { SheetReport, SheetReportError, SheetReportLine } from './merge-reports.js';
export { mergeReports } from './merge-reports.js';
export type { ParseOptions } from './parse-options.js';
export type { TeamRowsOptions } from './team-rows.js';
export { listUpdateRows, toUpdateRows } from './team-rows.js';
export type { WriteXlsxOptions } from './xlsx.js';
export { parseXlsx, writeXlsx } from './xlsx.js';
