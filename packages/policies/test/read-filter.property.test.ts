import { createMongoAbility } from '@casl/ability';
import { matchesFilter, type SubjectType } from '@rosterkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abilityOptions,
  createPolicy,
  presets,
  type RosterAbility,
  type RosterRule,
  toAbilitySubject,
  toReadFilter,
} from '../src/index.js';
import { actor, ELSEWHERE, HOME, membership, ORG, OTHER_ORG } from './fixtures.js';

// Small domains so that conditions and records collide often; mixed types,
// null, missing fields and array fields on purpose (where stores and CASL
// are most likely to disagree).
const scalar = fc.constantFrom<string | number | boolean | null>(0, 1, 2, 'a', 'b', true, null);
const comparable = fc.constantFrom<string | number>(0, 1, 2, 'a', 'b');
const fieldName = fc.constantFrom('a', 'b', 'tags');
// fast-check builds objects without a prototype; CASL (like JSON) expects plain objects.
const plain = <T extends object>(arbitrary: fc.Arbitrary<T>) => arbitrary.map((o) => ({ ...o }));
const comparison = fc.oneof(
  scalar,
  plain(fc.record({ $eq: scalar })),
  plain(fc.record({ $ne: scalar })),
  plain(fc.record({ $in: fc.array(scalar, { maxLength: 3 }) })),
  plain(fc.record({ $nin: fc.array(scalar, { maxLength: 3 }) })),
  plain(fc.record({ $lt: comparable })),
  plain(fc.record({ $lte: comparable })),
  plain(fc.record({ $gt: comparable })),
  plain(fc.record({ $gte: comparable })),
  plain(fc.record({ $gte: comparable, $lt: comparable })),
);
const rule: fc.Arbitrary<RosterRule> = fc.record(
  {
    action: fc.constantFrom<'read' | 'manage'>('read', 'read', 'manage'),
    subject: fc.constantFrom<'Group' | 'all'>('Group', 'Group', 'all'),
    inverted: fc.boolean(),
    conditions: plain(fc.dictionary(fieldName, comparison, { maxKeys: 2 })),
    fields: fc.constantFrom(['name'], ['name', 'kind']),
    reason: fc.constant('because'),
  },
  { requiredKeys: ['action', 'subject'] },
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const record = fc
  .record({ a: value, b: value, tags: value }, { requiredKeys: [] })
  .map((fields) => ({ type: 'Group' as const, orgId: ORG, ...fields }));

describe('read filter and can() agree', () => {
  it('for random rules and random records', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 6 }),
        fc.array(record, { minLength: 1, maxLength: 8 }),
        (rules, records) => {
          const ability = createMongoAbility(
            rules as never,
            abilityOptions as never,
          ) as RosterAbility;
          const filter = toReadFilter(ability, 'read', 'Group');
          for (const item of records) {
            expect(matchesFilter(filter, item)).toBe(ability.can('read', item));
          }
          // The filter is plain data: it survives JSON unchanged.
          expect(JSON.parse(JSON.stringify(filter))).toEqual(filter);
        },
      ),
      { numRuns: 2000 },
    );
  });

  const presetNames = Object.keys(presets) as (keyof typeof presets)[];
  const subjectType = fc.constantFrom<SubjectType>(
    'Account',
    'Membership',
    'Invitation',
    'Space',
    'Group',
    'AuditEvent',
    'Organization',
  );

  it('for random preset actors and random subjects, through the policy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...presetNames),
        fc.nat(10),
        fc.subarray([HOME, ELSEWHERE], { minLength: 1 }),
        fc.boolean(),
        subjectType,
        fc.record({
          orgId: fc.constantFrom(ORG, ORG, OTHER_ORG),
          id: fc.constantFrom('x', 'acc-actor', 'acc-owner', HOME, ELSEWHERE, ORG),
          accountId: fc.constantFrom('x', 'acc-actor', 'acc-owner'),
          spaceId: fc.constantFrom(HOME, ELSEWHERE, 'space-3'),
          managerId: fc.constantFrom(null, 'acc-actor'),
          roles: fc.subarray([
            'owner',
            'admin',
            'staff',
            'manager',
            'agent',
            'site-admin',
            'super-admin',
          ]),
        }),
        (presetName, roleIndex, spaces, restricted, type, fields) => {
          const roleSet = presets[presetName];
          const role = roleSet.roles[roleIndex % roleSet.roles.length]?.name ?? 'none';
          const policy = createPolicy(roleSet);
          const who = actor(
            'acc-actor',
            spaces.map((spaceId) =>
              membership('acc-actor', role, spaceId, {
                restrictions: restricted ? ['no-invite'] : [],
              }),
            ),
          );
          const { roles, ...rest } = fields;
          const subject = toAbilitySubject(
            type === 'Account'
              ? {
                  type,
                  ...rest,
                  memberships: roles.map((r) => ({
                    spaceId: rest.spaceId,
                    role: r,
                    state: 'member',
                  })),
                }
              : { type, ...rest, role: roles[0] ?? 'agent' },
          );
          for (const action of [
            'read',
            'invite',
            'deactivate',
            'changeRole',
            'viewStatistics',
          ] as const) {
            const filter = policy.readFilter(who, type, action);
            expect(matchesFilter(filter, subject)).toBe(
              policy.check({ actor: who, action, subject }).allowed,
            );
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
