import { describe, expect, it } from 'vitest';
import { importSheet, parseCsv, updateSheet, writeCsv } from '../src/index.js';

const sheet = importSheet();

describe('CSV', () => {
  it('starts with a byte order mark by default, and not when told', () => {
    expect(writeCsv(sheet).startsWith('\uFEFFEmail*,')).toBe(true);
    expect(writeCsv(sheet, { bom: false })).toBe(
      'Email*,First name,Last name,Role*,Home site / Space,Groups,Manager email,Restrictions\r\n',
    );
  });

  it('reads bytes with and without a byte order mark, as UTF-8', () => {
    const text = 'Email*,First name,Role*\r\nzoe@acme.io,Zoë,agent\r\n';
    const expected = [{ rowNumber: 2, email: 'zoe@acme.io', firstName: 'Zoë', role: 'agent' }];
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    expect(bytes[0]).toBe(0xef);
    expect(parseCsv(sheet, bytes).rows).toEqual(expected);
    expect(parseCsv(sheet, new TextEncoder().encode(text).buffer).rows).toEqual(expected);
    expect(parseCsv(sheet, `\uFEFF${text}`).rows).toEqual(expected);
  });

  it('quotes commas, quotes and line breaks, and reads them back', () => {
    const rows = [
      {
        email: 'bo@acme.io',
        firstName: 'Bo "Bobby"',
        lastName: 'Chen, Jr.',
        role: 'agent',
        space: 'Leeds\nNorth',
      },
    ];
    const text = writeCsv(sheet, { rows, bom: false });
    expect(text).toBe(
      'Email*,First name,Last name,Role*,Home site / Space,Groups,Manager email,Restrictions\r\n' +
        'bo@acme.io,"Bo ""Bobby""","Chen, Jr.",agent,"Leeds\nNorth",,,\r\n',
    );
    // A line break inside quotes stays one record: the next row is still line 3.
    const parsed = parseCsv(sheet, `${text}cy@acme.io,,,manager,,,,\r\n`);
    expect(parsed.rows).toEqual([
      { rowNumber: 2, ...rows[0] },
      { rowNumber: 3, email: 'cy@acme.io', role: 'manager' },
    ]);
  });

  it('writes cells that look like formulas as text, and reads them back as written', () => {
    const rows = [
      {
        email: 'bo@acme.io',
        firstName: '=HYPERLINK("http://x")',
        lastName: '@Chen',
        role: 'agent',
      },
    ];
    const text = writeCsv(sheet, { rows, bom: false });
    expect(text).toContain(`"'=HYPERLINK(""http://x"")","'@Chen"`);
    expect(parseCsv(sheet, text).rows).toEqual([{ rowNumber: 2, ...rows[0] }]);
  });

  it('reads semicolon-separated files (Excel in many locales), headers in any case and order', () => {
    const text =
      'role*;  EMAIL ;groups\r\nagent;bo@acme.io;Sales, Support\r\n\r\nmanager;cy@acme.io;\r\n';
    expect(parseCsv(sheet, text)).toEqual({
      rows: [
        { rowNumber: 2, email: 'bo@acme.io', role: 'agent', groups: ['Sales', 'Support'] },
        { rowNumber: 4, email: 'cy@acme.io', role: 'manager' },
      ],
      errors: [],
    });
  });

  it('reports a line it cannot read, and reads the others', () => {
    const text = 'Email*,Role*\nbo@acme.io,agent\ncy@acme.io,"manager\n';
    const { rows, errors } = parseCsv(sheet, text);
    expect(rows).toEqual([{ rowNumber: 2, email: 'bo@acme.io', role: 'agent' }]);
    expect(errors).toEqual([
      {
        row: 3,
        column: null,
        field: null,
        code: 'MALFORMED',
        message: 'This line cannot be read: Quoted field unterminated.',
        email: null,
      },
    ]);
  });

  it('reads yes/no answers in every accepted spelling, and refuses the rest', () => {
    const answers = ['y', 'YES', 'True', '1', 'n', 'No', 'FALSE', '0', 'maybe', ' '];
    const text = `Email*,Deactivated\n${answers.map((answer, i) => `p${i}@acme.io,${answer}`).join('\n')}`;
    const { rows, errors } = parseCsv(updateSheet(), text);
    expect(rows.map((row) => row.deactivated)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      undefined,
    ]);
    expect(errors.map((error) => [error.row, error.code, error.email])).toEqual([
      [10, 'WRONG_TYPE', 'p8@acme.io'],
    ]);
  });
});
