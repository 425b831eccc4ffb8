import type {
  Account,
  AccountListQuery,
  AccountSort,
  AccountStatus,
  Membership,
  ReadFilter,
} from '@rosterkit/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { buildAccount, buildMembership } from '../fixtures.js';
import { referenceAccountList } from '../reference-account-list.js';
import { listAllIds } from './account-list-seeds.js';

const spaces = ['spc_1', 'spc_2'] as const;
const groups = ['grp_1', 'grp_2'] as const;
const roles = ['admin', 'agent', 'manager'] as const;
const statuses: readonly AccountStatus[] = ['pending', 'active', 'deactivated', 'deleted'];
const days = [0, 1, 2].map((day) => new Date(Date.UTC(2026, 0, 1 + day)));

const membershipArb = fc.oneof(
  fc.constant(null),
  fc.record({
    state: fc.constantFrom('member' as const, 'account-only' as const),
    role: fc.constantFrom(...roles),
    groupIds: fc.subarray([...groups]),
  }),
);

// Few distinct names, emails and dates, so that ties are common; some hold
// the characters SQL's LIKE reads as wildcards or its escape (% _ \).
const accountArb = fc.record({
  firstName: fc.constantFrom('Ana', 'ana', 'Bo', 'Zoë', '', 'A_n', '5%'),
  lastName: fc.constantFrom('Ng', 'ng', 'Li', 'Anand', 'N\\g', 'An%d'),
  local: fc.constantFrom('ana', 'bo', 'x.ng', 'li', 'a_n', 'n%g', 'b\\o'),
  status: fc.constantFrom(...statuses),
  createdAt: fc.constantFrom(...days),
  lastSeenAt: fc.option(fc.constantFrom(...days), { nil: null }),
  memberships: fc.tuple(membershipArb, membershipArb),
});

const readFilterArb: fc.Arbitrary<ReadFilter> = fc.constantFrom<ReadFilter>(
  { kind: 'all' },
  { kind: 'none' },
  { kind: 'field', field: 'roles', op: 'in', value: ['agent', 'manager'] },
  { kind: 'field', field: 'spaceIds', op: 'eq', value: 'spc_2' },
  { kind: 'field', field: 'status', op: 'ne', value: 'deactivated' },
  { kind: 'not', filter: { kind: 'field', field: 'roles', op: 'eq', value: 'admin' } },
  // Conditions on another organization: a store may fold them (readFilterInOrg).
  { kind: 'not', filter: { kind: 'field', field: 'orgId', op: 'eq', value: 'org_elsewhere' } },
  {
    kind: 'or',
    filters: [
      { kind: 'field', field: 'orgId', op: 'eq', value: 'org_elsewhere' },
      { kind: 'field', field: 'roles', op: 'in', value: ['agent'] },
    ],
  },
  {
    kind: 'or',
    filters: [
      { kind: 'field', field: 'status', op: 'eq', value: 'pending' },
      { kind: 'field', field: 'spaceIds', op: 'nin', value: ['spc_1'] },
    ],
  },
);

const queryArb = fc.record(
  {
    readFilter: readFilterArb,
    search: fc.constantFrom(
      '',
      ' ',
      'an',
      'NG',
      'a n',
      'x.',
      'zoë',
      '%',
      '_',
      '\\',
      'a_n',
      'n%',
      '\\g',
      '_%',
    ),
    statuses: fc.subarray([...statuses], { minLength: 1 }),
    memberOf: fc.constantFrom(...spaces),
    roles: fc.subarray([...roles], { minLength: 1 }),
    groupId: fc.constantFrom(...groups),
    sort: fc.record<AccountSort>({
      field: fc.constantFrom('name', 'email', 'createdAt', 'lastSeenAt'),
      direction: fc.constantFrom('asc', 'desc'),
    }),
    limit: fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: ['readFilter', 'sort', 'limit'] },
);

let run = 0;

/**
 * Runs a property, and when it fails says how to replay it: fast-check's own
 * message names the seed and the path of the shrunk case, this the option.
 */
async function replayable(seed: number, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    error.message = `Property failed with seed ${seed}: replay it with runStoreConformance(name, makeStore, { ...options, seed: ${seed} }).\n${error.message}`;
    throw error;
  }
}

/** A property: for random accounts and queries, walking every page equals a plain reference. */
export const accountListPropertySuite: ConformanceSuite = (test) => {
  test('Account list: random accounts and queries page exactly like the reference (property)', async ({
    store,
    property,
  }) => {
    await replayable(property.seed, () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(accountArb, { maxLength: 12 }),
          queryArb,
          async (drafts, input) => {
            run += 1;
            const orgId = `org_prop_${run}`;
            const accounts: Account[] = [];
            const memberships: Membership[] = [];
            drafts.forEach((draft, index) => {
              const account = buildAccount({
                id: `acc_${(index * 7) % 13}_${index}_${run}`,
                orgId,
                email: `${draft.local}${index}@example.com`,
                firstName:
                  draft.status === 'pending' || draft.firstName !== '' ? draft.firstName : 'Ana',
                lastName: draft.lastName,
                status: draft.status,
                createdAt: draft.createdAt,
                lastSeenAt: draft.lastSeenAt,
              });
              accounts.push(account);
              draft.memberships.forEach((membership, spaceIndex) => {
                if (membership === null) return;
                memberships.push(
                  buildMembership({
                    orgId,
                    accountId: account.id,
                    spaceId: spaces[spaceIndex] ?? 'spc_1',
                    state: membership.state,
                    role: membership.role,
                    groupIds: membership.state === 'member' ? membership.groupIds : [],
                  }),
                );
              });
            });
            await store.transaction(async (tx) => {
              for (const account of accounts) await tx.accounts.insert(account);
              for (const membership of memberships) await tx.memberships.insert(membership);
            });
            const query = { ...input, orgId } as AccountListQuery;
            const expected = referenceAccountList(accounts, memberships, query).map((a) => a.id);
            const walked = await listAllIds(store, query);
            expect(walked.ids).toEqual(expected);
            expect(walked.totals.every((total) => total === expected.length)).toBe(true);
            expect(walked.pages).toBe(Math.max(1, Math.ceil(expected.length / query.limit)));
          },
        ),
        { seed: property.seed, numRuns: property.numRuns },
      ),
    );
  });
};
