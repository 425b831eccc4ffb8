/**
 * `@rosterkit/http/spreadsheets`: `.csv` and `.xlsx` uploads for the bulk
 * routes, read by `@rosterkit/spreadsheets` (an optional peer dependency,
 * imported by this entry only, so the handler itself depends on core alone).
 *
 * @packageDocumentation
 */
export type { SpreadsheetUploadOptions } from './spreadsheet-uploads.js';
export { spreadsheetUploads } from './spreadsheet-uploads.js';
