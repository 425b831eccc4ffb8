import type { SubjectType } from '@rosterkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPolicy, presets } from '../src/index.js';
import { definePrismaAbilityFor, prismaWhere } from '../src/prisma.js';
import { actor, ELSEWHERE, HOME, membership, ORG, OTHER_ORG } from './fixtures.js';

// No database here: the `where` objects are checked as data, and the
// converted rules are checked against the policy with @casl/prisma's own
// in-memory Prisma interpreter over records shaped like Prisma rows (an
// account with its `memberships` relation, not the derived fields).
describe('@rosterkit/policies/prisma', () => {
  it('builds the where of a site admin’s accounts through accessibleBy', () => {
    const siteAdmin = actor('sa', [membership('sa', 'site-admin', HOME)]);
    const ability = definePrismaAbilityFor(presets.multiSite, siteAdmin);
    const where = prismaWhere(ability, 'deactivate', 'Account');
    expect(where).toEqual({
      OR: [
        {
          AND: [
            {
              orgId: { equals: ORG },
              memberships: { some: { state: 'member', spaceId: { in: [HOME] } } },
            },
            { NOT: { orgId: { not: ORG } } },
            { NOT: { id: { equals: 'sa' } } },
            { NOT: { id: { equals: 'acc-owner' } } },
            { NOT: { memberships: { some: { state: 'member', role: { in: ['super-admin'] } } } } },
            { NOT: { memberships: { none: { state: 'member', spaceId: { in: [HOME] } } } } },
          ],
        },
      ],
    });
  });

  it('matches no row when nothing is allowed', () => {
    const staff = actor('st', [membership('st', 'staff', HOME)]);
    expect(
      prismaWhere(definePrismaAbilityFor(presets.multiSite, staff), 'read', 'AuditEvent'),
    ).toEqual({ OR: [] });
  });

  it('decides like the policy, for random preset actors and Prisma-shaped records', () => {
    const names = Object.keys(presets) as (keyof typeof presets)[];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(10),
        fc.subarray([HOME, ELSEWHERE], { minLength: 1 }),
        fc.constantFrom<SubjectType>('Account', 'Membership', 'Invitation', 'Group', 'Space'),
        fc
          .record({
            orgId: fc.constantFrom(ORG, ORG, OTHER_ORG),
            id: fc.constantFrom('x', 'acc-actor', 'acc-owner', HOME, ELSEWHERE),
            accountId: fc.constantFrom('x', 'acc-actor', 'acc-owner'),
            spaceId: fc.constantFrom(HOME, ELSEWHERE, 'space-3'),
            managerId: fc.constantFrom(null, 'acc-actor'),
            memberships: fc.array(
              fc
                .record({
                  state: fc.constantFrom('member', 'account-only'),
                  spaceId: fc.constantFrom(HOME, ELSEWHERE, 'space-3'),
                  role: fc.constantFrom(
                    'owner',
                    'admin',
                    'staff',
                    'manager',
                    'agent',
                    'site-admin',
                    'super-admin',
                    'user',
                  ),
                })
                .map((m) => ({ ...m })),
              { maxLength: 3 },
            ),
          })
          .map((r) => ({ ...r })),
        (name, roleIndex, spaces, type, fields) => {
          const roleSet = presets[name];
          const role = roleSet.roles[roleIndex % roleSet.roles.length]?.name ?? 'none';
          const who = actor(
            'acc-actor',
            spaces.map((s) => membership('acc-actor', role, s)),
          );
          const policy = createPolicy(roleSet);
          const prisma = definePrismaAbilityFor(roleSet, who);
          const { memberships, ...rest } = fields;
          const subject =
            type === 'Account'
              ? { type, ...rest, memberships }
              : { type, ...rest, role: memberships[0]?.role ?? 'agent' };
          for (const action of [
            'read',
            'deactivate',
            'changeRole',
            'invite',
            'assignGroups',
          ] as const) {
            const expected = policy.check({ actor: who, action, subject }).allowed;
            expect(prisma.can(action, subject)).toBe(expected);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
