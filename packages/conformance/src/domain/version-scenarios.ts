import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

/**
 * DESIGN rule 14 through the commands: a command that changes one versioned
 * record takes the version its caller read (`version`, an HTTP `If-Match`)
 * and refuses a stale one inside its transaction, changing nothing.
 */
export const versionScenarios: ConformanceSuite = (test) => {
  test('Domain: a stale version is refused (CONFLICT, stale-version) and changes nothing; the current one goes through', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const orgId = org.organization.id;
    const stale = { reason: 'stale-version' } as const;
    const account = (await owner.getAccount({ accountId: org.agentA.id })).account;
    const membership = (await owner.getAccount({ accountId: org.agentA.id })).memberships[0];
    if (membership === undefined) throw new Error('agent A has no membership');
    const old = account.version + 1;
    const refusals: [string, () => Promise<unknown>][] = [
      [
        'updateProfile',
        () => owner.updateProfile({ accountId: account.id, version: old, firstName: 'X' }),
      ],
      ['deactivate', () => owner.deactivate({ accountId: account.id, version: old })],
      [
        'linkExternalId',
        () => owner.linkExternalId({ accountId: account.id, version: old, externalId: 'x' }),
      ],
      [
        'changeRole',
        () =>
          owner.changeRole({
            accountId: account.id,
            version: membership.version + 1,
            role: 'admin',
          }),
      ],
      [
        'setRestrictions',
        () =>
          owner.setRestrictions({
            accountId: account.id,
            version: membership.version + 1,
            restrictions: ['x'],
          }),
      ],
      [
        'assignGroups',
        () =>
          owner.assignGroups({
            accountId: account.id,
            version: membership.version + 1,
            groupIds: [],
          }),
      ],
      [
        'setManager',
        () =>
          owner.setManager({
            accountId: account.id,
            version: membership.version + 1,
            managerId: org.admin.id,
          }),
      ],
      [
        'removeFromTeam',
        () => owner.removeFromTeam({ accountId: account.id, version: membership.version + 1 }),
      ],
      [
        'renameOrganization',
        () => owner.renameOrganization({ name: 'X', version: org.organization.version + 1 }),
      ],
      ['changePlan', () => owner.changePlan({ plan: 'x', version: org.organization.version + 1 })],
      [
        'transferOwnership',
        () =>
          owner.transferOwnership({
            toAccountId: org.admin.id,
            previousOwnerRole: 'admin',
            version: org.organization.version + 1,
          }),
      ],
      [
        'deleteOrganization',
        () =>
          owner.deleteOrganization({
            confirmName: org.organization.name,
            version: org.organization.version + 1,
          }),
      ],
    ];
    for (const [, command] of refusals) {
      await expectRefusedUnchanged(ctx, org, command, 'CONFLICT');
      await expectRosterError(command(), 'CONFLICT', stale);
    }

    // A space and a group, read and then changed by someone else.
    const space = await owner.createSpace({ name: 'Leeds' });
    const group = await owner.createGroup({ spaceId: space.id, name: 'Sales' });
    await owner.renameSpace({ spaceId: space.id, name: 'Leeds North', version: space.version });
    await owner.renameGroup({ groupId: group.id, name: 'Inside sales', version: group.version });
    await expectRosterError(
      owner.renameSpace({ spaceId: space.id, name: 'Lost', version: space.version }),
      'CONFLICT',
      stale,
    );
    await expectRosterError(
      owner.deleteSpace({ spaceId: space.id, version: space.version }),
      'CONFLICT',
      stale,
    );
    await expectRosterError(
      owner.renameGroup({ groupId: group.id, name: 'Lost', version: group.version }),
      'CONFLICT',
      stale,
    );
    await expectRosterError(
      owner.deleteGroup({ groupId: group.id, version: group.version }),
      'CONFLICT',
      stale,
    );
    expect((await owner.listSpaces()).map((s) => s.name)).toContain('Leeds North');
    expect((await owner.listGroups({ spaceId: space.id })).map((g) => g.group.name)).toEqual([
      'Inside sales',
    ]);
    expect(await ctx.raw.organization(orgId)).toMatchObject({ name: 'Acme' });

    // The version read is the one that goes through.
    const renamed = await owner.updateProfile({
      accountId: account.id,
      version: account.version,
      firstName: 'Bob',
    });
    expect(renamed.version).toBe(account.version + 1);
    const deactivated = await owner.deactivate({ accountId: account.id, version: renamed.version });
    await expectRosterError(
      owner.reactivate({ accountId: account.id, version: renamed.version }),
      'CONFLICT',
      stale,
    );
    await owner.reactivate({ accountId: account.id, version: deactivated.version });
    const after = await owner.getAccount({ accountId: account.id });
    const current = after.memberships[0];
    if (current === undefined) throw new Error('agent A lost its membership');
    const changed = await owner.setRestrictions({
      accountId: account.id,
      version: current.version,
      restrictions: ['no-export'],
    });
    expect(changed.version).toBe(current.version + 1);
    const plan = await owner.changePlan({
      plan: 'professional',
      version: org.organization.version,
    });
    expect(plan.version).toBe(org.organization.version + 1);
    await expectRosterError(
      owner.updateProfile({ accountId: account.id, version: 0, firstName: 'Zero' }),
      'INVALID_INPUT',
    );
  });
};
