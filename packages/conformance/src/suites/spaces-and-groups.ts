import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { buildGroup, buildSpace } from '../fixtures.js';

/** Spaces and groups: their ordered lists. */
export const spacesAndGroupsSuite: ConformanceSuite = (test) => {
  test('Space: listByOrganization puts the default space first, then sorts by name', async ({
    store,
  }) => {
    const support = buildSpace({ orgId: 'org_a', name: 'Support' });
    const team = buildSpace({ orgId: 'org_a', name: 'The team', isDefault: true });
    const billing = buildSpace({ orgId: 'org_a', name: 'Billing' });
    const otherOrg = buildSpace({ orgId: 'org_b', name: 'Accounts' });
    await store.transaction(async (tx) => {
      for (const row of [support, team, billing, otherOrg]) await tx.spaces.insert(row);
    });
    expect(await store.transaction((tx) => tx.spaces.listByOrganization('org_a'))).toEqual([
      team,
      billing,
      support,
    ]);
    expect(await store.transaction((tx) => tx.spaces.listByOrganization('org_c'))).toEqual([]);
  });

  test('Group: listBySpace returns the groups of one space, by name', async ({ store }) => {
    const sales = buildGroup({ orgId: 'org_a', spaceId: 'spc_1', name: 'Sales' });
    const billing = buildGroup({ orgId: 'org_a', spaceId: 'spc_1', name: 'Billing' });
    const elsewhere = buildGroup({ orgId: 'org_a', spaceId: 'spc_2', name: 'Accounts' });
    const otherOrg = buildGroup({ orgId: 'org_b', spaceId: 'spc_1', name: 'Admins' });
    await store.transaction(async (tx) => {
      for (const row of [sales, billing, elsewhere, otherOrg]) await tx.groups.insert(row);
    });
    expect(await store.transaction((tx) => tx.groups.listBySpace('org_a', 'spc_1'))).toEqual([
      billing,
      sales,
    ]);
  });
};
