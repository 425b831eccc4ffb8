// TEMPORARY: proves the split rulesFor builds exactly the rules the old one
// did, in the same order, for every preset and generated actors. Deleted with
// legacy-rules-for.ts once equal.
import type { PolicyActor } from '@rosterkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineRoleSet, presets, type RoleSet, rulesFor } from '../src/index.js';
import {
  account,
  ELSEWHERE,
  HOME,
  membership,
  ORG,
  OTHER_ORG,
  OWNER_ID,
  organization,
} from './fixtures.js';
import { rulesFor as legacyRulesFor } from './legacy-rules-for.js';

const custom = defineRoleSet({
  name: 'custom',
  roles: [
    { name: 'boss', rank: 100, owner: true, permissions: ['manageUsers', 'deleteOrganization'] },
    {
      name: 'lead',
      rank: 60,
      scope: 'space',
      permissions: ['manageUsers', 'manageTeam', 'manageGroups', 'viewStatistics'],
      profileFields: { own: [], others: ['profile.desk'] },
      rules: (ctx) => [
        {
          action: 'read',
          subject: 'AuditEvent',
          conditions: { spaceId: { $in: [...ctx.spaceIds] } },
        },
        {
          action: ['deactivate', 'reactivate'],
          subject: 'Account',
          inverted: true,
          conditions: { id: ctx.ownerId, rank: { $gt: ctx.rank } },
          reason: `Not the owner, ${ctx.accountId} of ${ctx.orgId} on ${ctx.plan}.`,
        },
        { action: 'read', subject: 'Space', conditions: { id: { $in: [...ctx.memberSpaceIds] } } },
      ],
    },
    {
      name: 'clerk',
      rank: 20,
      permissions: ['manageGroups'],
      profileFields: { others: [] },
      rules: [
        { action: 'read', subject: ['Account', 'Membership'], conditions: { status: 'active' } },
        { action: 'updateProfile', subject: 'Account', fields: ['profile.badge'] },
      ],
    },
    { name: 'guest', rank: 1, permissions: [] },
  ],
  restrictions: {
    quiet: { description: 'No statistics.', denies: ['viewStatistics', 'invite'] },
    frozen: { description: 'No changes.', denies: ['deactivate', 'changeRole', 'assignGroups'] },
  },
  planGates: { viewStatistics: ['gold'], createGroup: ['gold', 'silver'] },
});

const roleSets: Record<string, RoleSet> = { ...presets, custom };
const spaces = [HOME, ELSEWHERE, 'space-3'];
const people = [OWNER_ID, 'acc-a', 'acc-b'];
const plans = ['basic', 'professional', 'pro-plus', 'gold', 'silver'];

const actorOf = (roleSet: RoleSet): fc.Arbitrary<PolicyActor> => {
  const roleNames = [...roleSet.roles.map((role) => role.name), 'ghost'];
  const restrictionNames = [...Object.keys(roleSet.restrictions), 'unknown'];
  return fc
    .record({
      id: fc.constantFrom(...people),
      status: fc.constantFrom('active', 'active', 'active', 'deactivated', 'pending'),
      accountOrg: fc.constantFrom(ORG, ORG, ORG, OTHER_ORG),
      plan: fc.constantFrom(...plans),
      defaultSpaceId: fc.constantFrom(HOME, HOME, ELSEWHERE),
      memberships: fc.array(
        fc.record({
          role: fc.constantFrom(...roleNames),
          spaceId: fc.constantFrom(...spaces),
          state: fc.constantFrom('member', 'member', 'member', 'account-only'),
          orgId: fc.constantFrom(ORG, ORG, ORG, OTHER_ORG),
          restrictions: fc.subarray(restrictionNames),
          managerId: fc.constantFrom(null, ...people),
        }),
        { maxLength: 4 },
      ),
    })
    .map((a) => ({
      account: account(a.id, { status: a.status as 'active', orgId: a.accountOrg }),
      organization: organization(a.plan, { defaultSpaceId: a.defaultSpaceId }),
      memberships: a.memberships.map((m, i) =>
        membership(a.id, m.role, m.spaceId, {
          id: `m-${i}`,
          state: m.state as 'member',
          orgId: m.orgId,
          restrictions: m.restrictions,
          managerId: m.managerId,
        }),
      ),
    }));
};

// Top-level keys sorted (CASL's builder writes them in its own order, which
// means nothing); nested keys kept, as conditions' order shapes read filters.
const canonical = (rules: readonly object[]) =>
  JSON.stringify(
    rules.map((rule) =>
      Object.fromEntries(Object.entries(rule).sort(([a], [b]) => a.localeCompare(b))),
    ),
  );

describe('rulesFor, split', () => {
  for (const [name, roleSet] of Object.entries(roleSets)) {
    it(`builds the same rules as before for ${name}`, () => {
      fc.assert(
        fc.property(actorOf(roleSet), (actor) => {
          const now = rulesFor(roleSet, actor);
          const before = legacyRulesFor(roleSet, actor);
          expect(now).toStrictEqual(before);
          expect(canonical(now)).toBe(canonical(before));
        }),
        { numRuns: 600 },
      );
    });
  }

  it('throws the same error as before on a malformed custom rule', () => {
    const broken = defineRoleSet({
      name: 'broken',
      roles: [
        { name: 'owner', rank: 100, owner: true, permissions: ['manageUsers'] },
        {
          name: 'odd',
          rank: 1,
          permissions: [],
          rules: () => [{ action: 'read', subject: 'Account', conditions: { $or: [] } } as never],
        },
      ],
    });
    const actor: PolicyActor = {
      account: account('o'),
      organization: organization(),
      memberships: [membership('o', 'odd')],
    };
    const error = (build: typeof rulesFor) => {
      try {
        build(broken, actor);
      } catch (caught) {
        return caught;
      }
      return undefined;
    };
    expect(error(rulesFor)).toBeDefined();
    expect(error(rulesFor)).toStrictEqual(error(legacyRulesFor));
  });
});
