import { RosterError } from '@rosterkit/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importSheet, parseCsv, parseXlsx, updateSheet } from '../src/index.js';
import { saveWorkbook } from './fixtures.js';

// The parsers are the boundary an upload handler calls: wrong arguments, a
// file that is not what it claims, or one over the limits get INVALID_INPUT
// naming what is wrong, and no rows.

const sheet = importSheet();

/** What `work` threw (or rejected with): it must be a RosterError INVALID_INPUT. */
async function refusal(work: () => unknown): Promise<RosterError<'INVALID_INPUT'>> {
  try {
    await work();
  } catch (error) {
    expect(RosterError.isInstance(error), String(error)).toBe(true);
    const refused = error as RosterError;
    expect(refused.code).toBe('INVALID_INPUT');
    return refused as RosterError<'INVALID_INPUT'>;
  }
  throw new Error('expected INVALID_INPUT, but nothing was thrown');
}

const pathsOf = (error: RosterError<'INVALID_INPUT'>) =>
  error.details.issues.map((issue) => issue.path.join('.'));

/** A CSV file of the import sheet with `count` rows, blank lines between them. */
const csvWith = (count: number) =>
  [
    'Email*,Role*',
    ...Array.from({ length: count }, (_, i) => `p${i}@acme.io,agent\n`),
    '',
    ',',
  ].join('\n');

async function xlsxWith(count: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('Staff');
  worksheet.addRow(['Email*', 'Role*']);
  for (let i = 0; i < count; i++) {
    worksheet.addRow([`p${i}@acme.io`, 'agent']);
    worksheet.addRow([]);
  }
  return saveWorkbook(workbook);
}

describe('parser arguments', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['an array of lines', ['Email*', 'bo@acme.io']],
  ])('parseCsv refuses the file as %s', async (_name, file) => {
    expect(pathsOf(await refusal(() => parseCsv(sheet, file as never)))).toEqual(['input']);
  });

  it.each([
    ['text', 'Email*,Role*\n'],
    ['a number', 7],
    ['undefined', undefined],
  ])('parseXlsx refuses the file as %s', async (_name, file) => {
    expect(pathsOf(await refusal(() => parseXlsx(sheet, file as never)))).toEqual(['input']);
  });

  it('both refuse a sheet that is not one of importSheet() or updateSheet()', async () => {
    const notASheet = { kind: 'staff', columns: [] };
    const csv = await refusal(() => parseCsv(notASheet as never, 'Email*\n'));
    expect(pathsOf(csv)).toEqual(expect.arrayContaining(['sheet.kind', 'sheet.name']));
    const xlsx = await refusal(() => parseXlsx(notASheet as never, new Uint8Array(4)));
    expect(pathsOf(xlsx)).toEqual(expect.arrayContaining(['sheet.kind', 'sheet.name']));
  });

  it('both refuse unknown or impossible options', async () => {
    for (const options of [{ maxRows: 0 }, { maxBytes: 1.5 }, { maxRow: 10 }, 'fast']) {
      const error = await refusal(() => parseCsv(sheet, 'Email*\n', options as never));
      expect(pathsOf(error)[0]?.startsWith('options'), JSON.stringify(options)).toBe(true);
    }
    await refusal(() => parseXlsx(sheet, new Uint8Array(4), { maxRows: -1 }));
  });

  it('parseXlsx refuses bytes that are not a workbook, with the reader’s error as the cause', async () => {
    for (const bytes of [
      new TextEncoder().encode('Email*,Role*\nbo@acme.io,agent\n'), // a CSV named .xlsx
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), // a truncated zip
      new Uint8Array(0),
    ]) {
      const error = await refusal(() => parseXlsx(sheet, bytes));
      expect(pathsOf(error)).toEqual(['input']);
      expect(error.message).toMatch(/^The file cannot be read as an \.xlsx workbook: /);
      expect(error.cause).toBeInstanceOf(Error);
    }
  });
});

describe('upload limits', () => {
  it('read up to maxRows rows, and refuse one more; blank lines do not count', async () => {
    expect(parseCsv(sheet, csvWith(3), { maxRows: 3 }).rows).toHaveLength(3);
    const csv = await refusal(() => parseCsv(sheet, csvWith(4), { maxRows: 3 }));
    expect(csv.message).toBe(
      'The file has 4 rows; at most 3 are read at once (maxRows). Split it into several files.',
    );
    expect(pathsOf(csv)).toEqual(['input']);

    expect((await parseXlsx(sheet, await xlsxWith(3), { maxRows: 3 })).rows).toHaveLength(3);
    const xlsx = await refusal(async () =>
      parseXlsx(updateSheet(), await xlsxWith(4), { maxRows: 3 }),
    );
    // Counted as the worksheet streams in, before the workbook is built.
    expect(xlsx.message).toMatch(/^The file has more than 3 rows under the header.*at most 3/);
  });

  it('rows with cell errors count toward maxRows too', async () => {
    const file = 'Email*,Role*\nbo@acme.io,\n,agent\n';
    expect(parseCsv(sheet, file, { maxRows: 2 }).errors).toHaveLength(2);
    await refusal(() => parseCsv(sheet, file, { maxRows: 1 }));
  });

  it('the default limit is 20,000 rows', async () => {
    expect(parseCsv(sheet, csvWith(20_000)).rows).toHaveLength(20_000);
    const error = await refusal(() => parseCsv(sheet, csvWith(20_001)));
    expect(error.message).toMatch(/^The file has 20001 rows; at most 20000/);
  });

  it('csv: counts every row past the limit, and reads a file of blank lines as no row', () => {
    const error = (() => {
      try {
        parseCsv(sheet, csvWith(25_000));
      } catch (thrown) {
        return thrown as RosterError;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/^The file has 25000 rows; at most 20000/);
    const blank = `Email*,Role*\n${',\n'.repeat(1_000_000)}`;
    expect(blank.length).toBeLessThan(10 * 1024 * 1024);
    expect(parseCsv(sheet, blank)).toEqual({ rows: [], errors: [] });
  });

  it('refuse a file over maxBytes before reading it, a string measured as UTF-8', async () => {
    const text = 'Email*,Role*\nzoë@acme.io,agent\n'; // 31 characters, 32 bytes
    expect(new TextEncoder().encode(text).byteLength).toBe(32);
    expect(parseCsv(sheet, text, { maxBytes: 32 }).rows).toHaveLength(1);
    const error = await refusal(() => parseCsv(sheet, text, { maxBytes: 31 }));
    expect(error.message).toBe('The file is 32 bytes; at most 31 are read (maxBytes).');
    await refusal(() => parseCsv(sheet, new TextEncoder().encode(text).buffer, { maxBytes: 31 }));

    const workbook = await xlsxWith(1);
    expect((await parseXlsx(sheet, workbook, { maxBytes: workbook.byteLength })).rows).toHaveLength(
      1,
    );
    // Refused before the reader opens it: even bytes that are no workbook get the size error.
    const big = await refusal(() => parseXlsx(sheet, new Uint8Array(11 * 1024 * 1024)));
    expect(big.message).toBe(
      `The file is ${11 * 1024 * 1024} bytes; at most 10485760 are read (maxBytes).`,
    );
  });
});
