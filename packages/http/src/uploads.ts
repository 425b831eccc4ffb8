import type { BulkImportRow, BulkReport, BulkRowStatus, BulkUpdateRow } from '@rosterkit/core';

/**
 * A file a `multipart/form-data` request carried in its `file` field.
 *
 * @category Uploads
 */
export interface UploadedFile {
  /** The file's name as the client sent it (`team.xlsx`). */
  readonly name: string;
  /** Its media type as the client sent it; may be empty. */
  readonly type: string;
  readonly bytes: Uint8Array;
}

/**
 * One line of an upload's report: core's row report with the file's cell
 * errors merged in. `@rosterkit/spreadsheets`' `SheetReport` has this shape.
 *
 * @category Uploads
 */
export interface UploadReport {
  readonly dryRun: boolean;
  readonly lines: readonly {
    readonly row: number;
    readonly email: string | null;
    readonly status: BulkRowStatus;
    readonly accountId: string | null;
    readonly errors: readonly {
      readonly column: string | null;
      readonly field: string | null;
      readonly code: string;
      readonly message: string;
    }[];
  }[];
  readonly counts: Readonly<Record<BulkRowStatus, number>>;
}

/**
 * A file read into bulk rows, and how to report on it once core has run them.
 *
 * @category Uploads
 */
export interface ParsedUpload<Row> {
  /** The rows without cell errors, each with its `rowNumber`. */
  readonly rows: readonly Row[];
  /** Merges core's per-row report with the file's own errors. */
  report(result: BulkReport): UploadReport;
}

/**
 * What turns an uploaded file into bulk rows. `@rosterkit/http/spreadsheets`
 * provides one for `.csv` and `.xlsx` ({@link spreadsheets!spreadsheetUploads});
 * without it, the bulk routes take JSON rows only.
 *
 * @category Uploads
 */
export interface BulkUploads {
  /** Reads an import file. Throws `INVALID_INPUT` for a file it cannot read at all. */
  importRows(file: UploadedFile): Promise<ParsedUpload<BulkImportRow>>;
  /** Reads an update file. Throws `INVALID_INPUT` for a file it cannot read at all. */
  updateRows(file: UploadedFile): Promise<ParsedUpload<BulkUpdateRow>>;
}
