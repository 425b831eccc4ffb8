import type { BulkImportRow, BulkUpdateRow } from '@rosterkit/core';
import { presets } from '@rosterkit/policies';
import { describe, expect, it } from 'vitest';
import {
  importSheet,
  parseCsv,
  parseXlsx,
  updateSheet,
  writeCsv,
  writeXlsx,
} from '../src/index.js';
import { fillTemplate } from './fixtures.js';

const roles = presets.contactCenter;
const sheet = importSheet({ profileFields: ['firstName', 'phone', { field: 'extension' }] });

// What a person types in the import template, column by column.
const typed = [
  [
    'bo@acme.io',
    'Bo',
    'Chen',
    'agent',
    'Leeds',
    'Sales, Support',
    'ana@acme.io',
    'no-export, no-delete',
    '+44 20 7946 0000',
    '2041',
  ],
  ['cy@acme.io', '', '', 'manager', '', '', '', '', '', ''],
  ['di@acme.io', 'Di', "O'Neil", 'agent', '', 'Support;Night shift', 'cy@acme.io', '', '', ''],
];
const imported: BulkImportRow[] = [
  {
    rowNumber: 2,
    email: 'bo@acme.io',
    firstName: 'Bo',
    lastName: 'Chen',
    role: 'agent',
    space: 'Leeds',
    groups: ['Sales', 'Support'],
    manager: 'ana@acme.io',
    restrictions: ['no-export', 'no-delete'],
    profile: { phone: '+44 20 7946 0000', extension: '2041' },
  },
  { rowNumber: 3, email: 'cy@acme.io', role: 'manager' },
  {
    rowNumber: 4,
    email: 'di@acme.io',
    firstName: 'Di',
    lastName: "O'Neil",
    role: 'agent',
    groups: ['Support', 'Night shift'],
    manager: 'cy@acme.io',
  },
];

const team: BulkUpdateRow[] = [
  { email: 'ana@acme.io', space: 'Team', role: 'administrator' },
  {
    email: 'bo@acme.io',
    space: 'Team',
    role: 'agent',
    groups: ['Sales', 'Support'],
    manager: 'cy@acme.io',
    restrictions: ['no-export'],
  },
  { email: 'di@acme.io', space: 'Team', role: 'agent', deactivated: true },
  {
    email: 'ed@acme.io',
    space: 'Team',
    role: 'agent',
    groups: [],
    manager: null,
    deactivated: false,
  },
];
const numbered = team.map((row, index) => ({ rowNumber: index + 2, ...row }));

describe('the import template, filled and read back', () => {
  it('has the column labels, the profile columns last (firstName is already a column)', () => {
    expect(sheet.columns.map((column) => column.label)).toEqual([
      'Email*',
      'First name',
      'Last name',
      'Role*',
      'Home site / Space',
      'Groups',
      'Manager email',
      'Restrictions',
      'Phone',
      'Extension',
    ]);
  });

  it('xlsx: yields the rows that were written', async () => {
    const template = await writeXlsx(sheet, { roles });
    const empty = await parseXlsx(sheet, template);
    expect(empty).toEqual({ rows: [], errors: [] });

    const filled = await fillTemplate(template, 'Import', typed);
    expect(await parseXlsx(sheet, filled)).toEqual({ rows: imported, errors: [] });
  });

  it('xlsx: reads an ArrayBuffer as well as bytes', async () => {
    const filled = await fillTemplate(await writeXlsx(sheet, { roles }), 'Import', typed);
    const copy = filled.buffer.slice(filled.byteOffset, filled.byteOffset + filled.byteLength);
    expect((await parseXlsx(sheet, copy as ArrayBuffer)).rows).toEqual(imported);
  });

  it('csv: yields the rows that were written', () => {
    const template = writeCsv(sheet);
    expect(parseCsv(sheet, template)).toEqual({ rows: [], errors: [] });
    const filled =
      template +
      typed
        .map((line) =>
          line
            .join(',')
            .replace('Sales, Support', '"Sales, Support"')
            .replace('no-export, no-delete', '"no-export, no-delete"'),
        )
        .join('\r\n');
    expect(parseCsv(sheet, filled)).toEqual({ rows: imported, errors: [] });
  });
});

describe('the bulk-update template of the current team, read back', () => {
  it('xlsx: every row comes back as it was written', async () => {
    const bytes = await writeXlsx(updateSheet(), { roles, rows: team });
    expect(await parseXlsx(updateSheet(), bytes)).toEqual({ rows: numbered, errors: [] });
  });

  it('xlsx: a "y" typed in the Deactivated column deactivates, the rest unchanged', async () => {
    const bytes = await writeXlsx(updateSheet(), { roles, rows: team });
    // Bo's line is line 3; Deactivated is column G.
    const filled = await fillTemplate(bytes, 'Bulk update', [
      [],
      [undefined, undefined, undefined, undefined, undefined, undefined, 'y'],
    ]);
    const { rows } = await parseXlsx(updateSheet(), filled);
    expect(rows[1]).toEqual({ ...numbered[1], deactivated: true });
    expect(rows.filter((_, index) => index !== 1)).toEqual(
      numbered.filter((_, index) => index !== 1),
    );
  });

  it('csv: every row comes back as it was written', () => {
    const text = writeCsv(updateSheet(), { rows: team });
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFEmail*,Space,Role,Groups,Manager email,Restrictions,Deactivated (y/n)',
      'ana@acme.io,Team,administrator,,,,',
      'bo@acme.io,Team,agent,"Sales, Support",cy@acme.io,no-export,',
    ]);
    expect(text.split('\r\n')[4]).toBe('ed@acme.io,Team,agent,-,-,,n');
    expect(parseCsv(updateSheet(), text)).toEqual({ rows: numbered, errors: [] });
  });
});
