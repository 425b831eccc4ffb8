import { memoryStore } from '@rosterkit/adapter-memory';
import { createRoster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { describe, expect, it } from 'vitest';
import {
  importSheet,
  listUpdateRows,
  mergeReports,
  parseXlsx,
  updateSheet,
  writeXlsx,
} from '../src/index.js';
import { fillTemplate } from './fixtures.js';

// Reference 002: the bulk-update spreadsheet with "y" in the Deactivated column,
// team leaders refused (rule 8), through core's real bulkImport and bulkUpdate.
describe('templates through core’s bulk commands', () => {
  it('imports a filled template, then round-trips the team unchanged and deactivates by "y"', async () => {
    const roles = presets.managedTeams;
    const roster = createRoster({ store: memoryStore(), policy: createPolicy(roles) });
    const { organization, owner, defaultSpace } = await roster.createOrganization({
      name: 'Acme',
      owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
    });
    const ana = roster.as({ accountId: owner.id, orgId: organization.id });
    const sales = await ana.createGroup({ name: 'Sales' });

    // Import: a filled template, every invitation accepted at once.
    const sheet = importSheet();
    const upload = await fillTemplate(await writeXlsx(sheet, { roles }), 'Import', [
      ['tl@acme.io', 'Tia', 'Lo', 'team-leader', null, 'Sales', null],
      ['u1@acme.io', 'Uma', 'One', 'user', null, 'Sales', 'tl@acme.io'],
      ['u2@acme.io', 'Udo', 'Two', 'user', null, null, 'tl@acme.io', 'no-export, no-delete'],
    ]);
    const parsed = await parseXlsx(sheet, upload);
    expect(parsed.errors).toEqual([]);
    const tokens: string[] = [];
    const run = async () => {
      const report = await ana.bulkImport(parsed.rows, {
        onInvitation: ({ token }) => {
          tokens.push(token);
        },
      });
      for (const token of tokens.splice(0)) await roster.acceptInvitation({ token });
      return mergeReports(sheet, parsed.errors, report).lines.map((line) => [
        line.row,
        line.status,
        line.errors.map((e) => `${e.column} ${e.code}`),
      ]);
    };
    // The manager must be an active member: the first run invites the team
    // leader only; once she has accepted, the same file again adds the rest.
    expect(await run()).toEqual([
      [2, 'created', []],
      [3, 'failed', ['Manager email NOT_FOUND']],
      [4, 'failed', ['Manager email NOT_FOUND']],
    ]);
    expect(await run()).toEqual([
      [2, 'unchanged', []],
      [3, 'created', []],
      [4, 'created', []],
    ]);

    // The current team, downloaded and uploaded as it is: nothing to do.
    const rows = await listUpdateRows(ana, { space: defaultSpace, groups: [sales] });
    expect(rows).toHaveLength(4);
    // The Restrictions column reached the membership the invitation made.
    expect(rows.find((row) => row.email === 'u2@acme.io')?.restrictions).toEqual([
      'no-export',
      'no-delete',
    ]);
    const template = await writeXlsx(updateSheet(), { roles, rows });
    const same = await parseXlsx(updateSheet(), template);
    const unchanged = await ana.bulkUpdate(same.rows, { dryRun: true });
    expect(unchanged.rows.map((row) => [row.email, row.status, row.error?.code ?? null])).toEqual([
      ['ana@acme.io', 'unchanged', null],
      ['tl@acme.io', 'unchanged', null],
      ['u1@acme.io', 'unchanged', null],
      ['u2@acme.io', 'unchanged', null],
    ]);

    // "y" for the team leader and one user, "maybe" for the other.
    const deactivated = 7; // column G
    const filled = await fillTemplate(template, 'Bulk update', [
      [],
      Object.assign([], { [deactivated - 1]: 'y' }),
      Object.assign([], { [deactivated - 1]: 'y' }),
      Object.assign([], { [deactivated - 1]: 'maybe' }),
    ]);
    const update = await parseXlsx(updateSheet(), filled);
    const report = mergeReports(updateSheet(), update.errors, await ana.bulkUpdate(update.rows));
    expect(
      report.lines.map((line) => [
        line.row,
        line.email,
        line.status,
        line.errors.map((e) => `${e.column} ${e.code}`),
      ]),
    ).toEqual([
      [2, 'ana@acme.io', 'unchanged', []],
      [3, 'tl@acme.io', 'failed', ['Deactivated (y/n) BULK_DEACTIVATION_REFUSED']],
      [4, 'u1@acme.io', 'updated', []],
      [5, 'u2@acme.io', 'failed', ['Deactivated (y/n) WRONG_TYPE']],
    ]);
    const u1 = report.lines[2]?.accountId ?? '';
    expect((await ana.getAccount({ accountId: u1 })).account.status).toBe('deactivated');
  });
});
