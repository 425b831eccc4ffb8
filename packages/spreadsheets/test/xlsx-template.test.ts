import { defineRoleSet, presets } from '@rosterkit/policies';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importSheet, updateSheet, writeXlsx } from '../src/index.js';
import { openWorkbook } from './fixtures.js';

describe('the generated .xlsx templates', () => {
  it('offer the role catalog in the Role column, without a non-shared owner role on import', async () => {
    const workbook = await openWorkbook(
      await writeXlsx(importSheet(), { roles: presets.teamWorkspace }),
    );
    const worksheet = workbook.getWorksheet('Import');
    expect(worksheet?.getCell('D1').value).toBe('Role*');
    for (const address of ['D2', 'D500', 'D1001']) {
      expect(worksheet?.getCell(address).dataValidation).toMatchObject({
        type: 'list',
        allowBlank: true,
        formulae: ['"admin,staff"'],
        showErrorMessage: true,
        error: 'Choose a role from the list.',
      });
    }
    expect(worksheet?.getCell('D1').dataValidation).toBeUndefined();
    expect(worksheet?.getCell('A2').dataValidation).toBeUndefined();
  });

  it('offer every role, the owner’s included, and y/n in the bulk-update template', async () => {
    const rows = [{ email: 'ana@acme.io', role: 'owner' }];
    const workbook = await openWorkbook(
      await writeXlsx(updateSheet(), { roles: presets.teamWorkspace, rows }),
    );
    const worksheet = workbook.getWorksheet('Bulk update');
    expect(worksheet?.getCell('C2').dataValidation.formulae).toEqual(['"owner,admin,staff"']);
    expect(worksheet?.getCell('G1').value).toBe('Deactivated (y/n)');
    expect(worksheet?.getCell('G2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"y,n"'],
    });
    // The rule reaches 1000 lines below the last row.
    expect(worksheet?.getCell('G1002').dataValidation).toBeDefined();
    expect(worksheet?.getCell('G1003').dataValidation).toBeUndefined();
  });

  it('write one rule per validated column, over its whole range', async () => {
    // Excel offers to repair a file whose rules overlap (C2:C1001 and C10:C1001).
    const zip = await JSZip.loadAsync(
      await writeXlsx(updateSheet(), { roles: presets.teamWorkspace, rows: [] }),
    );
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect([...xml.matchAll(/sqref="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'C2:C1001',
      'G2:G1001',
    ]);
  });

  it('keep a shared owner role in the import list (several administrators)', async () => {
    const workbook = await openWorkbook(
      await writeXlsx(importSheet(), { roles: presets.contactCenter }),
    );
    expect(workbook.getWorksheet('Import')?.getCell('D2').dataValidation.formulae).toEqual([
      '"administrator,manager,agent"',
    ]);
  });

  it('put a long role list on a hidden worksheet the rule points at', async () => {
    const names = Array.from({ length: 40 }, (_, index) => `team-lead-${index + 1}`);
    const roles = defineRoleSet({
      name: 'many',
      roles: [
        { name: 'boss', rank: 100, owner: true, permissions: ['manageUsers'] },
        ...names.map((name, index) => ({ name, rank: 50 - index, permissions: [] })),
      ],
    });
    const workbook = await openWorkbook(await writeXlsx(importSheet(), { roles }));
    expect(workbook.getWorksheet('Import')?.getCell('D2').dataValidation.formulae).toEqual([
      'Lists!$A$2:$A$41',
    ]);
    const lists = workbook.getWorksheet('Lists');
    expect(lists?.state).toBe('hidden');
    expect(lists?.getColumn(1).values.slice(1)).toEqual(['Role*', ...names]);
  });

  it('have a styled, frozen header row with a note on every header cell', async () => {
    const sheet = importSheet({ profileFields: ['phone'] });
    const workbook = await openWorkbook(await writeXlsx(sheet, { roles: presets.teamWorkspace }));
    const worksheet = workbook.getWorksheet('Import');
    expect(worksheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = worksheet?.getRow(1);
    expect(header?.getCell(1).font.bold).toBe(true);
    const notes = sheet.columns.map((_, index) => {
      const note = header?.getCell(index + 1).note;
      return typeof note === 'string' ? note : note?.texts?.map((part) => part.text).join('');
    });
    expect(notes[0]).toBe(`${sheet.columns[0]?.note}\nExample: bo.chen@acme.io`);
    expect(notes[8]).toContain('deactivated or reactivated');
    expect(notes.every((note) => typeof note === 'string' && note.length > 10)).toBe(true);
    // No example row: the template has the header and nothing else.
    expect(worksheet?.actualRowCount).toBe(1);
    expect(worksheet?.getColumn(1).numFmt).toBe('@');
  });

  it('store text in shared strings, as Excel does', async () => {
    const bytes = await writeXlsx(updateSheet(), { roles: presets.teamWorkspace });
    expect(Buffer.from(bytes).includes('xl/sharedStrings.xml')).toBe(true);
  });
});
