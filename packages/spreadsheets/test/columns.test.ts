import { describe, expect, it } from 'vitest';
import { describeColumns, importSheet, parseCsv, updateSheet } from '../src/index.js';

describe('the column definitions', () => {
  it('give the update sheet its seven columns, only Email required', () => {
    const sheet = updateSheet();
    expect(sheet.kind).toBe('update');
    expect(
      sheet.columns.map((column) => [column.label, column.field, column.type, column.required]),
    ).toEqual([
      ['Email*', 'email', 'email', true],
      ['Space', 'space', 'text', false],
      ['Role', 'role', 'role', false],
      ['Groups', 'groups', 'list', false],
      ['Manager email', 'manager', 'email', false],
      ['Restrictions', 'restrictions', 'list', false],
      ['Deactivated (y/n)', 'deactivated', 'yes-no', false],
    ]);
  });

  it('add one column per host profile field, labelled in words unless told', () => {
    const sheet = importSheet({
      profileFields: [
        'lastName',
        'homeExtension',
        { field: 'badge_id', label: 'Badge', required: true, example: 'B-7' },
      ],
    });
    expect(
      sheet.columns
        .slice(8)
        .map(({ label, field, required, example }) => ({ label, field, required, example })),
    ).toEqual([
      { label: 'Home extension', field: 'profile.homeExtension', required: false, example: '' },
      { label: 'Badge', field: 'profile.badge_id', required: true, example: 'B-7' },
    ]);
    const { rows, errors } = parseCsv(
      sheet,
      'email,role,home extension,badge\nbo@acme.io,agent,2041,\n',
    );
    expect(rows).toEqual([]);
    expect(errors.map((error) => [error.column, error.code])).toEqual([['badge', 'REQUIRED']]);
  });

  it('take requiredProfileFields as they are: profile.<key> names a profile field', () => {
    const sheet = importSheet({ profileFields: ['firstName', 'profile.homeExtension'] });
    expect(sheet.columns.slice(8).map(({ label, field }) => ({ label, field }))).toEqual([
      { label: 'Home extension', field: 'profile.homeExtension' },
    ]);
  });

  it('refuse a profile column whose header is already taken', () => {
    expect(() => importSheet({ profileFields: [{ field: 'x', label: 'groups' }] })).toThrow(
      'importSheet: two columns are headed "groups"',
    );
  });

  it('accept each column’s aliases, with or without the star', () => {
    const text = 'E-mail,Deactivate,site\nbo@acme.io,y,Leeds\n';
    expect(parseCsv(updateSheet(), text).rows).toEqual([
      { rowNumber: 2, email: 'bo@acme.io', deactivated: true, space: 'Leeds' },
    ]);
    expect(parseCsv(importSheet(), 'EMAIL,role,Home Site\nbo@acme.io,agent,Leeds\n').rows).toEqual([
      { rowNumber: 2, email: 'bo@acme.io', role: 'agent', space: 'Leeds' },
    ]);
  });

  it('render as a markdown table for the docs', () => {
    const lines = describeColumns(updateSheet()).trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 7);
    expect(lines[2]).toMatch(/^\| \*\*Email\\\*\*\* \| `email` \| email \| yes \| Required\. /);
    expect(lines.at(-1)).toMatch(
      /^\| \*\*Deactivated \(y\/n\)\*\* \| `deactivated` \| yes-no \| — \| y deactivates/,
    );
    expect(describeColumns(importSheet({ profileFields: ['phone'] }))).toContain(
      '| **Phone** | `profile.phone` | text | — |',
    );
  });
});
