import { RosterError } from '@rosterkit/core';
import { defineModel } from '@rosterkit/core/extra';
import { z } from 'zod';
import type { BulkSheet } from './columns.js';

/**
 * Options of {@link parseCsv} and {@link parseXlsx}: how large an upload may
 * be. A file over any limit is refused whole (`INVALID_INPUT`, the issue's
 * path `['input']`) before any row is read, so a handler can pass an upload
 * straight in without measuring it first.
 *
 * @example
 * ```ts
 * import { importSheet, parseCsv, type ParseOptions } from '@rosterkit/spreadsheets';
 *
 * const options: ParseOptions = { maxRows: 50_000, maxBytes: 20 * 1024 * 1024, maxUncompressedBytes: 200 * 1024 * 1024 };
 * const { rows, errors } = parseCsv(importSheet(), upload, options);
 * ```
 */
export interface ParseOptions {
  /**
   * The most rows a file may hold: non-empty lines under the header,
   * including those with cell errors.
   *
   * @defaultValue 20000
   */
  readonly maxRows?: number;
  /**
   * The largest file, in bytes (a string is measured as UTF-8). For `.xlsx`
   * this bounds the compressed file; {@link ParseOptions.maxUncompressedBytes}
   * bounds what it expands to.
   *
   * @defaultValue 10485760 (10 MiB)
   */
  readonly maxBytes?: number;
  /**
   * `.xlsx` only: the most bytes the workbook may expand to, all its zip
   * entries together, so that a small upload cannot inflate to gigabytes
   * (a decompression bomb). Checked before the workbook is opened: first
   * against the sizes the zip declares, then against what its entries really
   * inflate to, counted as they stream. The rows a worksheet stores are
   * counted there too, empty ones included, against `maxRows`. Both refusals
   * are `INVALID_INPUT` on `input`. The reader needs about three times this
   * in memory; lower it where uploads are untrusted and memory is tight.
   * `parseCsv` ignores it (a CSV file is not compressed: `maxBytes` bounds it).
   *
   * @defaultValue 104857600 (100 MiB, ten times `maxBytes`' default)
   */
  readonly maxUncompressedBytes?: number;
}

const DEFAULT_MAX_ROWS = 20_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

const column = z.object({ label: z.string(), field: z.string() });
const sheetSchema = z.object({
  kind: z.enum(['import', 'update']),
  name: z.string(),
  columns: z.array(column).min(1),
});
const optionsSchema = z
  .strictObject({
    maxRows: z.int().min(1).optional(),
    maxBytes: z.int().min(1).optional(),
    maxUncompressedBytes: z.int().min(1).optional(),
  })
  .optional();
const binary = z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)], {
  error: 'Expected the file as a Uint8Array (a Buffer) or an ArrayBuffer',
});

const csvArguments = defineModel(
  'parseCsv arguments',
  z.object({
    sheet: sheetSchema,
    input: z.union([z.string(), binary], {
      error: 'Expected the file as a string, a Uint8Array (a Buffer) or an ArrayBuffer',
    }),
    options: optionsSchema,
  }),
);
const xlsxArguments = defineModel(
  'parseXlsx arguments',
  z.object({ sheet: sheetSchema, input: binary, options: optionsSchema }),
);

/** The upload as checked: its bytes or text, and the limits to apply. @internal */
export interface CheckedUpload<I> {
  readonly input: I;
  readonly maxRows: number;
  readonly maxUncompressedBytes: number;
}

/**
 * Validates a parser's arguments (the sheet, the upload, the options) and the
 * upload's size: INVALID_INPUT, thrown, when any is wrong.
 * @internal
 */
export function checkUpload(
  format: 'csv',
  sheet: BulkSheet,
  input: unknown,
  options: ParseOptions | undefined,
): CheckedUpload<string | Uint8Array | ArrayBuffer>;
export function checkUpload(
  format: 'xlsx',
  sheet: BulkSheet,
  input: unknown,
  options: ParseOptions | undefined,
): CheckedUpload<Uint8Array | ArrayBuffer>;
export function checkUpload(
  format: 'csv' | 'xlsx',
  sheet: BulkSheet,
  input: unknown,
  options: ParseOptions | undefined,
): CheckedUpload<string | Uint8Array | ArrayBuffer> {
  (format === 'csv' ? csvArguments : xlsxArguments).parse({ sheet, input, options });
  const upload = input as string | Uint8Array | ArrayBuffer;
  const maxBytes = options?.maxBytes ?? DEFAULT_MAX_BYTES;
  // A string's UTF-8 size is at most 3 bytes per UTF-16 unit: only measure it when it might be over.
  const bytes =
    typeof upload === 'string'
      ? upload.length * 3 <= maxBytes
        ? 0
        : new TextEncoder().encode(upload).byteLength
      : upload.byteLength;
  if (bytes > maxBytes) {
    throw tooLarge(`The file is ${bytes} bytes; at most ${maxBytes} are read (maxBytes).`);
  }
  return {
    input: upload,
    maxRows: options?.maxRows ?? DEFAULT_MAX_ROWS,
    maxUncompressedBytes: options?.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
  };
}

/**
 * The refusal of a file with more rows than `maxRows`.
 * @internal
 */
export function tooManyRows(rows: number, maxRows: number): RosterError<'INVALID_INPUT'> {
  return tooLarge(
    `The file has ${rows} rows; at most ${maxRows} are read at once (maxRows). Split it into several files.`,
  );
}

/**
 * The refusal of a file the reader cannot open (`.xlsx` that is not a
 * workbook), with the reader's error as the cause.
 * @internal
 */
export function unreadable(reason: string, cause: unknown): RosterError<'INVALID_INPUT'> {
  return new RosterError(
    'INVALID_INPUT',
    `The file cannot be read as an .xlsx workbook: ${reason}`,
    { issues: [{ path: ['input'], message: 'Not an .xlsx workbook' }] },
    { cause },
  );
}

/**
 * The refusal of a file over a limit, on the issue path `['input']`.
 * @internal
 */
export function tooLarge(message: string): RosterError<'INVALID_INPUT'> {
  return new RosterError('INVALID_INPUT', message, {
    issues: [{ path: ['input'], message }],
  });
}
