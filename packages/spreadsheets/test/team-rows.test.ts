import { memoryStore } from '@rosterkit/adapter-memory';
import {
  type AccountWithMemberships,
  type ActorApi,
  createRoster,
  type ListInput,
} from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { describe, expect, it } from 'vitest';
import { listUpdateRows, parseXlsx, toUpdateRows, updateSheet, writeXlsx } from '../src/index.js';

async function team() {
  const roles = presets.spaces;
  const roster = createRoster({ store: memoryStore(), policy: createPolicy(roles) });
  const { organization, owner, defaultSpace } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  const ana = roster.as({ accountId: owner.id, orgId: organization.id });
  const sales = await ana.createGroup({ name: 'Sales' });
  const support = await ana.createGroup({ name: 'Support' });
  const join = async (
    email: string,
    role: string,
    extra: { groupIds?: string[]; managerId?: string } = {},
  ) => {
    const { token } = await ana.invite({ email, role, ...extra });
    const { account } = await roster.acceptInvitation({
      token,
      firstName: email[0]?.toUpperCase() ?? 'X',
      lastName: 'Test',
    });
    return account;
  };
  const cy = await join('cy@acme.io', 'manager');
  const bo = await join('bo@acme.io', 'agent', {
    groupIds: [sales.id, support.id],
    managerId: cy.id,
  });
  await ana.setRestrictions({ accountId: bo.id, restrictions: ['no-invite'] });
  const di = await join('di@acme.io', 'agent', { groupIds: [sales.id] });
  await ana.deactivate({ accountId: di.id });
  await ana.invite({ email: 'ed@acme.io', role: 'agent' });
  await ana.createSpace({ name: 'Leeds' });
  return { roles, ana, defaultSpace, groups: [sales, support] };
}

describe('the current team as bulk-update rows', () => {
  it('lists every member of the space with their current access, by email', async () => {
    const { ana, defaultSpace, groups } = await team();
    expect(await listUpdateRows(ana, { space: defaultSpace, groups })).toEqual([
      { email: 'ana@acme.io', space: 'Team', role: 'owner' },
      {
        email: 'bo@acme.io',
        space: 'Team',
        role: 'agent',
        groups: ['Sales', 'Support'],
        manager: 'cy@acme.io',
        restrictions: ['no-invite'],
      },
      { email: 'cy@acme.io', space: 'Team', role: 'manager' },
      // Deactivation cleared Di's groups (rule: removed from every group).
      { email: 'di@acme.io', space: 'Team', role: 'agent', deactivated: true },
      // Ed's invitation is pending: he is not a member of the team yet.
    ]);
  });

  it('round-trips through the generated template', async () => {
    const { ana, defaultSpace, groups, roles } = await team();
    const rows = await listUpdateRows(ana, { space: defaultSpace, groups });
    const parsed = await parseXlsx(updateSheet(), await writeXlsx(updateSheet(), { roles, rows }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual(rows.map((row, index) => ({ rowNumber: index + 2, ...row })));
  });

  it('leaves a cell empty (unchanged) rather than write a partial group list or an unknown manager', async () => {
    const { ana, defaultSpace, groups } = await team();
    const page = await ana.listMembers({ limit: 50, sort: { field: 'email' } });
    const bo = toUpdateRows(page.items, { space: defaultSpace, groups: groups.slice(0, 1) })[1];
    expect(bo).toEqual({
      email: 'bo@acme.io',
      space: 'Team',
      role: 'agent',
      manager: 'cy@acme.io',
      restrictions: ['no-invite'],
    });
    const withoutCy = page.items.filter(({ account }) => account.email !== 'cy@acme.io');
    const cyId = page.items.find(({ account }) => account.email === 'cy@acme.io')?.account.id ?? '';
    expect(toUpdateRows(withoutCy, { space: defaultSpace, groups })[1]?.manager).toBeUndefined();
    expect(
      toUpdateRows(withoutCy, { space: defaultSpace, groups, emails: { [cyId]: 'cy@acme.io' } })[1]
        ?.manager,
    ).toBe('cy@acme.io');
    expect(toUpdateRows(page.items, { space: { id: 'elsewhere', name: 'Leeds' } })).toEqual([]);
  });

  it('pages through listMembers until the last page', async () => {
    const { ana, defaultSpace, groups } = await team();
    const all = await ana.listMembers({ limit: 50, sort: { field: 'email' } });
    const calls: ListInput[] = [];
    const paged: Pick<ActorApi, 'listMembers'> = {
      async listMembers(input = {}) {
        calls.push(input);
        const start = Number(input.cursor ?? 0);
        const items: readonly AccountWithMemberships[] = all.items.slice(start, start + 2);
        const next = start + 2 < all.items.length ? String(start + 2) : null;
        return { items, nextCursor: next, total: all.total };
      },
    };
    const rows = await listUpdateRows(paged, { space: defaultSpace, groups });
    expect(rows.map((row) => row.email)).toEqual(all.items.map(({ account }) => account.email));
    expect(calls.map((call) => call.cursor)).toEqual([undefined, '2']);
    expect(calls[0]).toEqual({
      spaceId: defaultSpace.id,
      statuses: ['pending', 'active', 'deactivated'],
      sort: { field: 'email', direction: 'asc' },
      limit: 500,
    });
  });
});
