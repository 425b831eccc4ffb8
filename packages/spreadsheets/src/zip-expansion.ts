// Decompression bombs: an .xlsx file is a zip, and exceljs inflates every entry
// of it into memory and builds every row of every worksheet before a single
// row is read. A 417 KB upload expanding to 400 MB of sheet XML took ~1 GB. So
// the zip is measured first, with the same reader exceljs uses (JSZip): the
// sizes its entries declare, then what they really inflate to, counted as it
// streams out and dropped, along with the rows each worksheet stores.

import JSZip from 'jszip';
import { tooLarge, unreadable } from './parse-options.js';

/** The limits an .xlsx upload is measured against. @internal */
export interface ExpansionLimits {
  readonly maxUncompressedBytes: number;
  readonly maxRows: number;
}

// More entries than any workbook has (sheets, styles, images, comments...);
// read from the end-of-central-directory record, before JSZip makes an object
// of each.
const maxEntries = 10_000;

// The entries exceljs reads as worksheets (its own pattern, unanchored as it
// is there), whose rows it all keeps.
const worksheetEntry = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * Refuses, with INVALID_INPUT, a workbook that expands to more than
 * `maxUncompressedBytes` or whose worksheets store more than `maxRows` rows
 * under a header (empty rows included), before exceljs opens it.
 * @internal
 */
export async function checkExpansion(bytes: Uint8Array, limits: ExpansionLimits): Promise<void> {
  const entries = entryCount(bytes);
  if (entries !== undefined && entries > maxEntries) {
    throw tooLarge(`The file holds ${entries} zip entries; a workbook has at most ${maxEntries}.`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error), error);
  }
  const files = Object.values(zip.files).filter((file) => !file.dir);

  // What the entries declare: a bomb that says what it is costs nothing to refuse.
  const declared = files.reduce((sum, file) => sum + (declaredSize(file) ?? 0), 0);
  if (declared > limits.maxUncompressedBytes) {
    throw tooLarge(
      `The file declares ${declared} bytes uncompressed; at most ${limits.maxUncompressedBytes} are read (maxUncompressedBytes).`,
    );
  }

  // What they really inflate to: the declared sizes are only the zip's word.
  let inflated = 0;
  for (const file of files) {
    const rows = worksheetEntry.test(file.name) ? new RowCounter() : undefined;
    inflated = await measure(file, inflated, limits, rows);
  }
}

/** The number of entries the end-of-central-directory record gives, if it is found. */
function entryCount(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The record is 22 bytes, followed by a comment of at most 65,535.
  const last = bytes.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint16(at + 10, true);
  }
  return undefined;
}

/** The uncompressed size the entry declares: JSZip keeps it, undocumented, on `_data`. */
function declaredSize(file: JSZip.JSZipObject): number | undefined {
  const size = (file as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) ? size : undefined;
}

/**
 * Inflates one entry chunk by chunk (each dropped once counted) and returns
 * the total inflated so far, or rejects as soon as a limit is passed.
 */
function measure(
  file: JSZip.JSZipObject,
  before: number,
  limits: ExpansionLimits,
  rows: RowCounter | undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = before;
    const stream = internalStream(file);
    const stop = (error: unknown) => {
      stream.pause();
      reject(error);
    };
    stream
      .on('data', (chunk) => {
        total += chunk.byteLength;
        if (total > limits.maxUncompressedBytes) {
          return stop(
            tooLarge(
              `The file expands to more than ${limits.maxUncompressedBytes} bytes; at most that is read (maxUncompressedBytes).`,
            ),
          );
        }
        // One header row above at most maxRows rows.
        if (rows !== undefined && rows.add(chunk) > limits.maxRows + 1) {
          return stop(
            tooLarge(
              `The file has more than ${limits.maxRows} rows under the header, empty ones included (worksheet ${file.name}); at most ${limits.maxRows} are read at once (maxRows). Split it into several files, or delete the empty rows below the data.`,
            ),
          );
        }
        return undefined;
      })
      .on('error', (error) => reject(unreadable(error.message, error)))
      .on('end', () => resolve(total))
      .resume();
  });
}

/**
 * JSZip's documented `internalStream`, which its type definitions leave out:
 * the entry's bytes as they inflate, without Node streams.
 */
function internalStream(file: JSZip.JSZipObject): JSZip.JSZipStreamHelper<Uint8Array> {
  return (
    file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }
  ).internalStream('uint8array');
}

/**
 * Counts `<row` elements in sheet XML arriving in chunks: every row exceljs
 * will build, empty or not. A match may straddle two chunks, so the last
 * four characters of one are searched again with the next.
 */
class RowCounter {
  #count = 0;
  #tail = '';
  static readonly #decoder = new TextDecoder('latin1');
  static readonly #row = /<row[\s/>]/g;

  add(chunk: Uint8Array): number {
    // Byte for character: the markup is ASCII, whatever the text's encoding.
    const text = this.#tail + RowCounter.#decoder.decode(chunk);
    this.#count += text.match(RowCounter.#row)?.length ?? 0;
    this.#tail = text.slice(-4);
    return this.#count;
  }
}
