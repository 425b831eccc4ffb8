import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importSheet, parseXlsx, updateSheet } from '../src/index.js';
import { saveWorkbook } from './fixtures.js';

// A bulk-update file made by another program, not from our template: headers
// in another case and order, with spaces, an unknown column, and every kind of
// cell exceljs reads back.
async function foreignUpdateFile(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').getCell('A1').value = 'Made by hand';
  const worksheet = workbook.addWorksheet('People');
  worksheet.addRow([
    '  EMAIL * ',
    'role',
    'Space',
    'GROUPS',
    'manager  email',
    'Favourite colour',
    'Restrictions',
    'deactivated (Y/N)',
  ]);
  const rows: ExcelJS.CellValue[][] = [
    // 2: a hyperlink email, rich-text role, groups split on ";", "Y" → deactivate.
    [
      { text: 'bo@acme.io', hyperlink: 'mailto:bo@acme.io' },
      { richText: [{ text: 'man' }, { text: 'ager', font: { bold: true } }] },
      '  Leeds  ',
      'Sales;Support',
      'ana@acme.io',
      'blue',
      null,
      'Y',
    ],
    // 3: a number in Email, "maybe" in Deactivated.
    [12345, 'agent', null, null, null, null, null, 'maybe'],
    // 4: no email at all.
    [null, 'agent', null, null, null, null, null, 'n'],
    // 5: a number as a group name, a date in a text column, a formula, Excel TRUE.
    [
      'cy@acme.io',
      null,
      new Date(Date.UTC(2025, 2, 1)),
      42,
      null,
      null,
      { formula: 'LOWER("NO-EXPORT")', result: 'no-export' },
      true,
    ],
    // 6: left empty (skipped, numbering kept).
    [],
    // 7: spaces around the email, "-" clears the manager, 0 reactivates.
    ['  di@acme.io  ', null, null, null, '-', null, null, 0],
    // 8: a date in Email; a hyperlink whose text is empty in Manager email.
    [
      new Date(Date.UTC(2024, 0, 31)),
      null,
      null,
      null,
      { text: '', hyperlink: 'mailto:cy@acme.io' },
      null,
      null,
      null,
    ],
    // 9: an email from a formula, an Excel error in Deactivated.
    [
      { formula: 'LOWER("ED@ACME.IO")', result: 'ed@acme.io' },
      null,
      null,
      null,
      null,
      null,
      null,
      { error: '#N/A' },
    ],
  ];
  for (const [index, values] of rows.entries()) {
    const line = worksheet.getRow(index + 2);
    for (const [column, value] of values.entries()) {
      if (value !== null) line.getCell(column + 1).value = value;
    }
  }
  return saveWorkbook(workbook);
}

describe('an .xlsx file written by another program', () => {
  it('parses into the good rows and exactly the right cell errors', async () => {
    const { rows, errors } = await parseXlsx(updateSheet(), await foreignUpdateFile());
    expect(rows).toEqual([
      {
        rowNumber: 2,
        email: 'bo@acme.io',
        role: 'manager',
        space: 'Leeds',
        groups: ['Sales', 'Support'],
        manager: 'ana@acme.io',
        deactivated: true,
      },
      {
        rowNumber: 5,
        email: 'cy@acme.io',
        space: '2025-03-01',
        groups: ['42'],
        restrictions: ['no-export'],
        deactivated: true,
      },
      { rowNumber: 7, email: 'di@acme.io', manager: null, deactivated: false },
    ]);
    expect(errors).toEqual([
      {
        row: 1,
        column: 'Favourite colour',
        field: null,
        code: 'UNKNOWN_HEADER',
        message:
          'Unknown column "Favourite colour": its cells are ignored. The columns are Email*, Space, Role, Groups, Manager email, Restrictions, Deactivated (y/n).',
        email: null,
      },
      {
        row: 3,
        column: 'EMAIL *',
        field: 'email',
        code: 'WRONG_TYPE',
        message: 'Expected an email address, found the number 12345.',
        email: null,
      },
      {
        row: 3,
        column: 'deactivated (Y/N)',
        field: 'deactivated',
        code: 'WRONG_TYPE',
        message: 'Expected y or n, found "maybe".',
        email: null,
      },
      {
        row: 4,
        column: 'EMAIL *',
        field: 'email',
        code: 'REQUIRED',
        message: 'Email is required.',
        email: null,
      },
      {
        row: 8,
        column: 'EMAIL *',
        field: 'email',
        code: 'WRONG_TYPE',
        message: 'Expected an email address, found the date 2024-01-31.',
        email: null,
      },
      {
        row: 9,
        column: 'deactivated (Y/N)',
        field: 'deactivated',
        code: 'WRONG_TYPE',
        message: 'The cell holds the error #N/A.',
        email: 'ed@acme.io',
      },
    ]);
  });

  it('reads the worksheet named like the sheet when there is one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['Email*', 'Role*']).commit();
    const target = workbook.addWorksheet('Import');
    target.addRow(['Email*', 'Role*']);
    target.addRow(['bo@acme.io', 'agent']);
    const { rows } = await parseXlsx(importSheet(), await saveWorkbook(workbook));
    expect(rows).toEqual([{ rowNumber: 2, email: 'bo@acme.io', role: 'agent' }]);
  });

  it('reads nothing when a required column is missing, and says which', async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('Staff');
    worksheet.addRow([]);
    worksheet.addRow(['E-mail', 'Email address', 'First name']);
    worksheet.addRow(['bo@acme.io', 'bo@acme.io', 'Bo']);
    const result = await parseXlsx(importSheet(), await saveWorkbook(workbook));
    expect(result).toEqual({
      rows: [],
      errors: [
        {
          row: 2,
          column: 'Email address',
          field: 'email',
          code: 'DUPLICATE_HEADER',
          message: 'Column "Email*" appears twice: the second one is ignored.',
          email: null,
        },
        {
          row: 2,
          column: 'Role*',
          field: 'role',
          code: 'MISSING_HEADER',
          message: 'The required column "Role*" is missing: no row was read.',
          email: null,
        },
      ],
    });
  });

  it('rejects bytes that are not a workbook', async () => {
    await expect(
      parseXlsx(importSheet(), new TextEncoder().encode('Email*,Role*\n')),
    ).rejects.toThrow();
  });
});
