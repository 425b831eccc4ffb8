import { defineRoleSet, presets } from '@rosterkit/policies';
import { describe, expect, it } from 'vitest';
import {
  importSheet,
  parseCsv,
  parseXlsx,
  updateSheet,
  writeCsv,
  writeXlsx,
} from '../src/index.js';
import { fillTemplate, openWorkbook } from './fixtures.js';

const roles = presets.contactCenter;
const sheet = importSheet({ profileFields: ['phone'] });

// OWASP's CSV injection starts (= + - @ TAB CR) and their full-width forms,
// each as the first character of a group name a staff member could choose.
const hostile = [
  "-2+3+cmd|' /C calc'!A0",
  '=HYPERLINK("http://x")',
  '+1+cmd',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\uff1d1+1',
  '\uff0b1+1',
  '\uff0d1+1',
  '\uff20SUM(1)',
];

const rowWithGroup = (group: string) => ({ email: 'bo@acme.io', role: 'agent', groups: [group] });
// What the parser gives back: list items are trimmed (the TAB and CR cases).
const readBack = (group: string) => ({ rowNumber: 2, ...rowWithGroup(group.trim()) });

describe('cells that a spreadsheet program would run as a formula', () => {
  it.each(hostile)('csv: writes %j behind an apostrophe, quoted, and reads it back', (group) => {
    const text = writeCsv(sheet, { rows: [rowWithGroup(group)], bom: false });
    const line = text.split('\r\n')[1] ?? '';
    const escaped = `"'${group.replaceAll('"', '""')}"`;
    expect(line).toContain(`,${escaped},`);
    expect(parseCsv(sheet, text).rows).toEqual([readBack(group)]);
  });

  it.each(hostile)('xlsx: writes %j behind an apostrophe, and reads it back', async (group) => {
    const bytes = await writeXlsx(sheet, { roles, rows: [rowWithGroup(group)] });
    const worksheet = (await openWorkbook(bytes)).getWorksheet('Import');
    // XML stores a CR as a line feed: compare with that.
    expect(worksheet?.getCell('F2').value).toBe(`'${group.replace('\r', '\n')}`);
    expect((await parseXlsx(sheet, bytes)).rows).toEqual([readBack(group)]);
  });

  it('keeps a value that starts with an apostrophe itself, in both formats', async () => {
    const rows = [
      {
        email: 'bo@acme.io',
        role: 'agent',
        firstName: "'=1+1",
        lastName: "'quoted",
        groups: ["''-x"],
      },
    ];
    const text = writeCsv(sheet, { rows, bom: false });
    expect(parseCsv(sheet, text).rows).toEqual([{ rowNumber: 2, ...rows[0] }]);
    const bytes = await writeXlsx(sheet, { roles, rows });
    expect((await parseXlsx(sheet, bytes)).rows).toEqual([{ rowNumber: 2, ...rows[0] }]);
  });

  it('writes the update sheet’s clearing "-" as it is, and reads it as a clear', async () => {
    const rows = [{ email: 'bo@acme.io', groups: [], manager: null }];
    const text = writeCsv(updateSheet(), { rows, bom: false });
    expect(text.split('\r\n')[1]).toBe('bo@acme.io,,,-,-,,');
    expect(parseCsv(updateSheet(), text).rows).toEqual([{ rowNumber: 2, ...rows[0] }]);
    const bytes = await writeXlsx(updateSheet(), { roles, rows });
    expect((await parseXlsx(updateSheet(), bytes)).rows).toEqual([{ rowNumber: 2, ...rows[0] }]);
  });

  it('reads a negative number or a phone number typed with or without the apostrophe', async () => {
    const text =
      "Email*,Role*,Phone\r\nbo@acme.io,agent,-5\r\ncy@acme.io,agent,'-5\r\ndi@acme.io,agent,'+44 20\r\n";
    expect(parseCsv(sheet, text).rows.map((row) => row.profile)).toEqual([
      { phone: '-5' },
      { phone: '-5' },
      { phone: '+44 20' },
    ]);
    const template = await writeXlsx(sheet, { roles });
    const filled = await fillTemplate(template, 'Import', [
      ['bo@acme.io', '', '', 'agent', '', '', '', '', -5],
      ['cy@acme.io', '', '', 'agent', '', '', '', '', "'-5"],
      ['di@acme.io', '', '', 'agent', '', '', '', '', '+44 20'],
    ]);
    expect((await parseXlsx(sheet, filled)).rows.map((row) => row.profile)).toEqual([
      { phone: '-5' },
      { phone: '-5' },
      { phone: '+44 20' },
    ]);
  });

  it('xlsx: a role whose name starts like a formula is offered behind an apostrophe and read back', async () => {
    const hostileRoles = defineRoleSet({
      name: 'hostile',
      roles: [
        { name: 'boss', rank: 100, owner: true, permissions: ['manageUsers'] },
        { name: '=cmd', rank: 10, permissions: [] },
      ],
    });
    const bytes = await writeXlsx(sheet, {
      roles: hostileRoles,
      rows: [{ email: 'bo@acme.io', role: '=cmd' }],
    });
    const worksheet = (await openWorkbook(bytes)).getWorksheet('Import');
    expect(worksheet?.getCell('D2').dataValidation.formulae).toEqual([`"'=cmd"`]);
    expect(worksheet?.getCell('D2').value).toBe("'=cmd");
    expect((await parseXlsx(sheet, bytes)).rows).toEqual([
      { rowNumber: 2, email: 'bo@acme.io', role: '=cmd' },
    ]);
  });
});
