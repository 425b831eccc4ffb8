import { RosterError } from '@rosterkit/core';
import { presets } from '@rosterkit/policies';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importSheet, parseXlsx, writeXlsx } from '../src/index.js';

// An .xlsx file is a zip: a small upload can expand to gigabytes of sheet XML.
// The bombs are built here, from the real template, rather than committed.

const sheet = importSheet();
const MiB = 1024 * 1024;
const sheetPath = 'xl/worksheets/sheet1.xml';

/** What `work` rejected with: it must be a RosterError INVALID_INPUT. */
async function refusal(work: () => Promise<unknown>): Promise<RosterError<'INVALID_INPUT'>> {
  try {
    await work();
  } catch (error) {
    expect(RosterError.isInstance(error), String(error)).toBe(true);
    expect((error as RosterError).code).toBe('INVALID_INPUT');
    return error as RosterError<'INVALID_INPUT'>;
  }
  throw new Error('expected INVALID_INPUT, but the file was read');
}

const pathsOf = (error: RosterError<'INVALID_INPUT'>) =>
  error.details.issues.map((issue) => issue.path.join('.'));

/** The import template with `rowsXml` added to its sheet data, deflated. */
async function templateWith(rowsXml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await writeXlsx(sheet, { roles: presets.contactCenter }));
  const xml = await zip.file(sheetPath)?.async('string');
  if (xml === undefined) throw new Error(`no ${sheetPath}`);
  const filled = xml.includes('</sheetData>')
    ? xml.replace('</sheetData>', `${rowsXml}</sheetData>`)
    : xml.replace('<sheetData/>', `<sheetData>${rowsXml}</sheetData>`);
  zip.file(sheetPath, filled);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const dataRow = (row: number, email: string, extra = '') =>
  `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>${email}</t></is></c>` +
  `<c r="D${row}" t="inlineStr"><is><t>agent</t></is></c>${extra}</row>`;

/** A first name of `bytes` letters: a few kilobytes once deflated. */
const bigCell = (row: number, bytes: number) =>
  `<c r="B${row}" t="inlineStr"><is><t>${'a'.repeat(bytes)}</t></is></c>`;

/**
 * Writes `size` as the uncompressed size of `name` in both its local header
 * and its central directory record: a zip that lies about what it expands to.
 */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const encoded = new TextEncoder().encode(name);
  const nameAt = (offset: number) => encoded.every((byte, index) => bytes[offset + index] === byte);
  let patched = 0;
  for (let at = 0; at + 46 < bytes.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (
      signature === 0x04034b50 &&
      view.getUint16(at + 26, true) === encoded.length &&
      nameAt(at + 30)
    ) {
      view.setUint32(at + 22, size, true);
      patched += 1;
    } else if (
      signature === 0x02014b50 &&
      view.getUint16(at + 28, true) === encoded.length &&
      nameAt(at + 46)
    ) {
      view.setUint32(at + 24, size, true);
      patched += 1;
    }
  }
  if (patched !== 2) throw new Error(`patched ${patched} headers of ${name}, expected 2`);
  return bytes;
}

describe('decompression bombs', () => {
  it('refuses a workbook that expands past maxUncompressedBytes', async () => {
    const bomb = await templateWith(dataRow(2, 'bo@acme.io', bigCell(2, 3 * MiB)));
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const error = await refusal(() => parseXlsx(sheet, bomb, { maxUncompressedBytes: MiB }));
    expect(pathsOf(error)).toEqual(['input']);
    expect(error.message).toMatch(/at most 1048576 are read \(maxUncompressedBytes\)/);
    // Under a limit it fits, the same file is read.
    const read = await parseXlsx(sheet, bomb, { maxUncompressedBytes: 4 * MiB });
    expect(read.rows).toEqual([
      { rowNumber: 2, email: 'bo@acme.io', firstName: 'a'.repeat(3 * MiB), role: 'agent' },
    ]);
  });

  it('refuses a workbook whose entries declare more than the limit, before inflating them', async () => {
    const honest = await templateWith(dataRow(2, 'bo@acme.io'));
    const declared = declareSize(honest, sheetPath, 200 * MiB);
    // The default limit is 100 MiB.
    const error = await refusal(() => parseXlsx(sheet, declared));
    expect(pathsOf(error)).toEqual(['input']);
    expect(error.message).toMatch(
      /declares .* bytes uncompressed; at most 104857600.*maxUncompressedBytes/,
    );
  });

  it('does not trust an entry that declares less than it expands to', async () => {
    const bomb = await templateWith(dataRow(2, 'bo@acme.io', bigCell(2, 3 * MiB)));
    const liar = declareSize(bomb, sheetPath, 100);
    const error = await refusal(() => parseXlsx(sheet, liar, { maxUncompressedBytes: MiB }));
    expect(error.message).toMatch(/expands to more than 1048576 bytes/);
  });

  it('counts empty rows stored in a worksheet against maxRows', async () => {
    const empty = Array.from({ length: 25_000 }, (_, index) => `<row r="${index + 3}"/>`).join('');
    const file = await templateWith(dataRow(2, 'bo@acme.io') + empty);
    const error = await refusal(() => parseXlsx(sheet, file));
    expect(pathsOf(error)).toEqual(['input']);
    expect(error.message).toMatch(
      /^The file has more than 20000 rows under the header, empty ones included .*\(maxRows\)/,
    );
    // The same rows under a limit they fit in: one row is read.
    expect((await parseXlsx(sheet, file, { maxRows: 30_000 })).rows).toHaveLength(1);
  });

  it('validates maxUncompressedBytes like the other limits', async () => {
    const file = await templateWith('');
    for (const bad of [0, -1, 1.5, '1MB']) {
      const error = await refusal(() =>
        parseXlsx(sheet, file, { maxUncompressedBytes: bad as never }),
      );
      expect(pathsOf(error)).toEqual(['options.maxUncompressedBytes']);
    }
  });
});
