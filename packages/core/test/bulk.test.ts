import { describe, expect, it } from 'vitest';
import {
  BulkImportRow,
  BulkRowStatus,
  BulkUpdateRow,
  createRoster,
  matchAll,
  type RoleCatalog,
  RosterError,
  roleCanManageTeam,
  type Store,
} from '../src/index.js';

// Validation happens before any read: a file of invalid rows never opens a
// transaction, so a store that refuses to be used proves it.
const untouchable: Store = {
  transaction: () => Promise.reject(new Error('the store must not be used')),
};
const roles: RoleCatalog = {
  ownerRole: { name: 'owner' },
  roles: [
    { name: 'owner' },
    { name: 'admin', permissions: ['manageUsers', 'viewStatistics'] },
    { name: 'lead', permissions: ['manageTeam'] },
    { name: 'agent', permissions: [] },
    { name: 'guest' },
  ],
};
const admin = createRoster({
  store: untouchable,
  policy: { roles, check: () => ({ allowed: true }), readFilter: () => matchAll },
}).as({ accountId: 'acc_1', orgId: 'org_1' });

describe('bulk row models', () => {
  it('normalize emails and trim names, and leave absent fields absent', () => {
    expect(
      BulkImportRow.parse({ email: ' Bo@ACME.io ', role: ' agent ', groups: [' Sales '] }),
    ).toEqual({
      email: 'bo@acme.io',
      role: 'agent',
      groups: ['Sales'],
    });
    expect(BulkUpdateRow.parse({ email: 'bo@acme.io', manager: null, deactivated: true })).toEqual({
      email: 'bo@acme.io',
      manager: null,
      deactivated: true,
    });
    expect(BulkRowStatus.parse('unchanged')).toBe('unchanged');
  });

  it('refuse unknown fields, a bad email, an empty role, a bad row number', () => {
    for (const bad of [
      { email: 'bo@acme.io', role: 'agent', colour: 'red' },
      { email: 'bo@', role: 'agent' },
      { email: 'bo@acme.io', role: '  ' },
      { email: 'bo@acme.io', role: 'agent', rowNumber: 0 },
    ]) {
      const result = BulkImportRow.safeParse(bad);
      expect(result.success).toBe(false);
      if (!result.success) expect(RosterError.isInstance(result.error, 'INVALID_INPUT')).toBe(true);
    }
    expect(BulkUpdateRow.safeParse({ email: 'bo@acme.io', deactivated: 'y' }).success).toBe(false);
  });
});

describe('bulk validation, row by row', () => {
  it('reports each invalid row with INVALID_INPUT and the column at fault, in input order', async () => {
    const report = await admin.bulkImport([
      { email: 'not-an-email', role: 'agent' },
      { rowNumber: 7, email: 'bo@acme.io', role: '' },
      { email: 'cy@acme.io', role: 'agent', profile: { phone: [1] as never } },
      { email: 'dee@acme.io', role: 'agent', colour: 'red' } as never,
      { email: 'eve@acme.io', role: 'agent', groups: ['Sales', ''] },
      { email: 42, role: 'agent' } as never,
      null as never,
    ]);
    expect(report.dryRun).toBe(false);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 7 });
    expect(
      report.rows.map((row) => [
        row.row,
        row.email,
        row.status,
        row.error?.code,
        row.error?.column,
      ]),
    ).toEqual([
      [1, 'not-an-email', 'failed', 'INVALID_INPUT', 'email'],
      [7, 'bo@acme.io', 'failed', 'INVALID_INPUT', 'role'],
      [3, 'cy@acme.io', 'failed', 'INVALID_INPUT', 'profile.phone'],
      [4, 'dee@acme.io', 'failed', 'INVALID_INPUT', 'colour'],
      [5, 'eve@acme.io', 'failed', 'INVALID_INPUT', 'groups'],
      [6, null, 'failed', 'INVALID_INPUT', 'email'],
      [7, null, 'failed', 'INVALID_INPUT', null],
    ]);
    expect(report.rows[0]?.error?.message).toBe(
      'Invalid import row: email: Invalid email address.',
    );
    expect(report.rows.every((row) => row.accountId === null)).toBe(true);
  });

  it('fails later rows repeating an email of the file (normalized), naming the first', async () => {
    const report = await admin.bulkUpdate([
      { rowNumber: 2, email: 'bo@acme.io', role: '' },
      { rowNumber: 3, email: ' BO@acme.io', role: 'agent' },
      { rowNumber: 4, email: 'bo@acme.io', deactivated: 'yes' as never },
    ]);
    expect(report.rows.map((row) => [row.row, row.error?.column, row.error?.message])).toEqual([
      [2, 'role', 'Invalid update row: role: Must not be empty.'],
      [3, 'email', 'Duplicate of row 2: each email appears once in a file.'],
      [
        4,
        'deactivated',
        'Invalid update row: deactivated: Invalid input: expected boolean, received string.',
      ],
    ]);
  });

  it('reports progress from 0 to the total even when no row needs the store', async () => {
    const seen: [number, number][] = [];
    await admin.bulkUpdate(
      Array.from({ length: 5 }, () => ({ email: 'x' })),
      { batchSize: 2, onProgress: ({ done, total }) => seen.push([done, total]) },
    );
    expect(seen).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('an empty file is an empty report', async () => {
    expect(await admin.bulkImport([], { dryRun: true })).toEqual({
      dryRun: true,
      rows: [],
      counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    });
  });

  it('fails a row zod itself cannot read, and refuses such options, without throwing anything else', async () => {
    const hostile = { length: Object.create(null) };
    const report = await admin.bulkImport([{ email: 'fay@acme.io', role: hostile as never }]);
    expect(report.rows.map((row) => [row.status, row.error?.code, row.error?.column])).toEqual([
      ['failed', 'INVALID_INPUT', null],
    ]);
    await expect(admin.bulkImport([], { space: hostile } as never)).rejects.toSatisfy((error) =>
      RosterError.isInstance(error, 'INVALID_INPUT'),
    );
  });

  it('throws INVALID_INPUT for options or rows it cannot take at all', async () => {
    for (const options of [
      { batchSize: 0 },
      { batchSize: 5001 },
      { batchSize: 1.5 },
      { dryRun: 'yes' },
      { onProgress: 'log' },
      { space: 'Leeds' }, // an import option, not an update one
    ]) {
      await expect(admin.bulkUpdate([], options as never)).rejects.toSatisfy((error) =>
        RosterError.isInstance(error, 'INVALID_INPUT'),
      );
    }
    await expect(admin.bulkImport('rows' as never)).rejects.toSatisfy((error) =>
      RosterError.isInstance(error, 'INVALID_INPUT'),
    );
  });
});

describe('roleCanManageTeam (DESIGN rule 8)', () => {
  it('is decided from permissions; the owner role always counts', () => {
    expect(roleCanManageTeam(roles, 'owner')).toBe(true);
    expect(roleCanManageTeam(roles, 'admin')).toBe(true);
    expect(roleCanManageTeam(roles, 'lead')).toBe(true);
    expect(roleCanManageTeam(roles, 'agent')).toBe(false);
    expect(roleCanManageTeam(roles, 'guest')).toBe(false);
    expect(roleCanManageTeam(roles, 'unknown')).toBe(false);
  });
});
