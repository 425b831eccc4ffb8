import type { BulkReport } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { importSheet, mergeReports, parseCsv } from '../src/index.js';

const sheet = importSheet({ profileFields: ['phone'] });

describe('mergeReports', () => {
  it('puts the file’s cell errors and core’s report in one report by line, named by header', () => {
    const parsed = parseCsv(
      sheet,
      [
        'Email*,Role*,Phone,Shoe size',
        'bo@acme.io,agent,5551234,44',
        'cy@acme.io,,,',
        'di@acme.io,admin,,',
        'ed@acme.io,agent,,',
      ].join('\n'),
    );
    expect(parsed.rows.map((row) => row.rowNumber)).toEqual([2, 4, 5]);
    // What core answers for the three rows it was given.
    const report: BulkReport = {
      dryRun: true,
      rows: [
        { row: 2, email: 'bo@acme.io', status: 'created', accountId: 'a2', error: null },
        {
          row: 4,
          email: 'di@acme.io',
          status: 'failed',
          accountId: null,
          error: { code: 'FORBIDDEN', message: 'admin ranks above your role.', column: 'role' },
        },
        { row: 5, email: 'ed@acme.io', status: 'unchanged', accountId: 'a5', error: null },
      ],
      counts: { created: 1, updated: 0, unchanged: 1, failed: 1 },
    };
    expect(mergeReports(sheet, parsed.errors, report)).toEqual({
      dryRun: true,
      lines: [
        {
          row: 1,
          email: null,
          status: 'failed',
          accountId: null,
          errors: [
            {
              column: 'Shoe size',
              field: null,
              code: 'UNKNOWN_HEADER',
              message:
                'Unknown column "Shoe size": its cells are ignored. The columns are Email*, First name, Last name, Role*, Home site / Space, Groups, Manager email, Restrictions, Phone.',
            },
          ],
        },
        { row: 2, email: 'bo@acme.io', status: 'created', accountId: 'a2', errors: [] },
        {
          row: 3,
          email: 'cy@acme.io',
          status: 'failed',
          accountId: null,
          errors: [
            { column: 'Role*', field: 'role', code: 'REQUIRED', message: 'Role is required.' },
          ],
        },
        {
          row: 4,
          email: 'di@acme.io',
          status: 'failed',
          accountId: null,
          errors: [
            {
              column: 'Role*',
              field: 'role',
              code: 'FORBIDDEN',
              message: 'admin ranks above your role.',
            },
          ],
        },
        { row: 5, email: 'ed@acme.io', status: 'unchanged', accountId: 'a5', errors: [] },
      ],
      counts: { created: 1, updated: 0, unchanged: 1, failed: 3 },
    });
  });

  it('keeps core’s field name when no column of the sheet has it, and null for a whole row', () => {
    const report: BulkReport = {
      dryRun: false,
      rows: [
        {
          row: 2,
          email: 'bo@acme.io',
          status: 'failed',
          accountId: null,
          error: { code: 'INVALID_INPUT', message: 'Bad.', column: 'profile.team' },
        },
        {
          row: 3,
          email: 'cy@acme.io',
          status: 'failed',
          accountId: null,
          error: { code: 'CONFLICT', message: 'Try again.', column: null },
        },
      ],
      counts: { created: 0, updated: 0, unchanged: 0, failed: 2 },
    };
    const merged = mergeReports(sheet, [], report);
    expect(merged.lines.map((line) => line.errors[0]?.column)).toEqual(['profile.team', null]);
    expect(merged.dryRun).toBe(false);
  });
});
