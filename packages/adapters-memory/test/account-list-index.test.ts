import { buildAccount, buildInvitation, buildMembership } from '@rosterkit/conformance/fixtures';
import type {
  Account,
  AccountListQuery,
  AccountSort,
  AccountStatus,
  ListPage,
  ReadFilter,
  Store,
} from '@rosterkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index.js';

// The account lists answer from indexes kept over the committed rows, and by
// a full scan in a transaction that has written to the tables they read.
// After any sequence of writes, both must give the same pages, cursors and
// totals: the scan is forced here by an insert into another organization,
// rolled back.

const orgId = 'org_idx';
const ids = Array.from({ length: 10 }, (_, i) => `acc_${i}`);
const spaces = ['spc_1', 'spc_2'] as const;
const statuses: readonly AccountStatus[] = ['pending', 'active', 'deactivated', 'deleted'];
const days = [0, 1, 2].map((day) => new Date(Date.UTC(2026, 0, 1 + day)));

const accountDraft = fc.record({
  firstName: fc.constantFrom('Ana', 'ana', 'Bo', 'Zoë', 'ΟΔΥΣ', 'A_n'),
  lastName: fc.constantFrom('Ng', 'ng', 'Li', 'Anand', 'N\\g'),
  status: fc.constantFrom(...statuses),
  createdAt: fc.constantFrom(...days),
  lastSeenAt: fc.option(fc.constantFrom(...days), { nil: null }),
});

const membershipDraft = fc.record({
  state: fc.constantFrom('member' as const, 'account-only' as const),
  role: fc.constantFrom('admin', 'agent', 'manager'),
  groupIds: fc.subarray(['grp_1', 'grp_2']),
});

type Draft<A> = A extends fc.Arbitrary<infer T> ? T : never;

type Op =
  | { kind: 'account'; index: number; draft: Draft<typeof accountDraft> }
  | { kind: 'deleteAccount'; index: number }
  | {
      kind: 'membership';
      index: number;
      space: number;
      draft: Draft<typeof membershipDraft> | null;
    }
  | { kind: 'invitation'; index: number; space: number; pending: boolean }
  | { kind: 'many'; count: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('account' as const),
    index: fc.nat(9),
    draft: accountDraft,
  }),
  fc.record({ kind: fc.constant('deleteAccount' as const), index: fc.nat(9) }),
  fc.record({
    kind: fc.constant('membership' as const),
    index: fc.nat(9),
    space: fc.nat(1),
    draft: fc.option(membershipDraft, { nil: null }),
  }),
  fc.record({
    kind: fc.constant('invitation' as const),
    index: fc.nat(9),
    space: fc.nat(1),
    pending: fc.boolean(),
  }),
  // Many accounts in one commit: the sorted orders merge rather than splice.
  fc.record({ kind: fc.constant('many' as const), count: fc.integer({ min: 30, max: 45 }) }),
);

const readFilterArb = fc.constantFrom<ReadFilter>(
  { kind: 'all' },
  { kind: 'and', filters: [] },
  { kind: 'field', field: 'roles', op: 'in', value: ['agent', 'manager'] },
  { kind: 'field', field: 'spaceIds', op: 'eq', value: 'spc_2' },
  { kind: 'field', field: 'status', op: 'ne', value: 'deactivated' },
);

// Each criterion in about one query of three, so that pages are seldom empty.
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });

const queryArb = fc
  .record({
    readFilter: readFilterArb,
    search: sometimes(fc.constantFrom('', 'an', 'NG', 'a n', 'ς', 'ng@', 'n1')),
    statuses: sometimes(fc.subarray([...statuses])),
    memberOf: sometimes(fc.constantFrom(...spaces)),
    includeInvited: fc.boolean(),
    roles: sometimes(fc.subarray(['admin', 'agent', 'manager'])),
    groupId: sometimes(fc.constantFrom('grp_1', 'grp_2')),
    sort: fc.record<AccountSort>({
      field: fc.constantFrom('name', 'email', 'createdAt', 'lastSeenAt'),
      direction: fc.constantFrom('asc', 'desc'),
    }),
    limit: fc.integer({ min: 1, max: 7 }),
    total: fc.constantFrom('exact' as const, 'none' as const),
  })
  .map((query) =>
    Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
  );

let scratch = 0;

/** One page, from the indexes (`scan` false) or by the full scan. */
async function page(store: Store, query: AccountListQuery, scan: boolean) {
  if (!scan) return store.transaction((tx) => tx.accounts.list(query));
  let listed: ListPage<Account> | undefined;
  const rollback = new Error('rollback');
  await store
    .transaction(async (tx) => {
      scratch += 1;
      await tx.accounts.insert(
        buildAccount({ orgId: 'org_scratch', id: `acc_scratch_${scratch}` }),
      );
      listed = await tx.accounts.list(query);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return listed as ListPage<Account>;
}

/** Every page of `query`, following the cursors. */
async function walk(store: Store, query: AccountListQuery, scan: boolean) {
  const pages: { ids: string[]; total: number | null; cursor: string | null }[] = [];
  let cursor: string | undefined;
  for (;;) {
    const result = await page(store, cursor === undefined ? query : { ...query, cursor }, scan);
    pages.push({
      ids: result.items.map((account) => account.id),
      total: result.total,
      cursor: result.nextCursor,
    });
    if (result.nextCursor === null || pages.length > 60) return pages;
    cursor = result.nextCursor;
  }
}

async function apply(store: Store, op: Op, step: number): Promise<void> {
  await store.transaction(async (tx) => {
    if (op.kind === 'many') {
      const accounts = Array.from({ length: op.count }, (_, i) =>
        buildAccount({
          orgId,
          id: `acc_many_${step}_${i}`,
          email: `many${step}.${i}@example.com`,
          firstName: ['Ana', 'Bo', 'Cy'][i % 3] as string,
          lastName: `N${(i * 7) % 5}`,
          status: statuses[i % 3] as AccountStatus,
          lastSeenAt: i % 4 === 0 ? null : (days[i % 3] as Date),
          createdAt: days[(i + step) % 3] as Date,
        }),
      );
      await tx.accounts.insertMany(accounts);
      await tx.memberships.insertMany(
        accounts
          .filter((_, i) => i % 5 !== 0)
          .map((account, i) =>
            buildMembership({
              orgId,
              accountId: account.id,
              spaceId: spaces[i % 2] as string,
              state: i % 7 === 0 ? 'account-only' : 'member',
              role: ['agent', 'manager', 'admin'][i % 3] as string,
              groupIds:
                i % 7 === 0 ? [] : ([['grp_1'], ['grp_2'], [], ['grp_1', 'grp_2']][i % 4] ?? []),
            }),
          ),
      );
      await tx.invitations.insertMany(
        accounts
          .filter((account, i) => account.status === 'pending' && i % 2 === 0)
          .map((account, i) =>
            buildInvitation({ orgId, accountId: account.id, spaceId: spaces[i % 2] as string }),
          ),
      );
      return;
    }
    const accountId = ids[op.index] as string;
    const existing = await tx.accounts.get(orgId, accountId);
    if (op.kind === 'account') {
      const row = {
        ...op.draft,
        firstName: op.draft.firstName,
        email: `${op.draft.firstName.toLowerCase()}.${op.index}@example.com`,
      };
      if (existing === undefined) {
        await tx.accounts.insert(buildAccount({ ...row, orgId, id: accountId }));
      } else {
        // The email never changes (rule 6); the rest may.
        const { email: _email, lastSeenAt, ...rest } = row;
        await tx.accounts.update({ ...existing, ...rest });
        if (lastSeenAt !== null) await tx.accounts.setLastSeen(orgId, accountId, lastSeenAt);
      }
    } else if (op.kind === 'deleteAccount') {
      if (existing !== undefined) await tx.accounts.delete(orgId, accountId, existing.version);
    } else if (op.kind === 'membership') {
      const spaceId = spaces[op.space] as string;
      const found = await tx.memberships.find(orgId, accountId, spaceId);
      if (op.draft === null) {
        if (found !== undefined) await tx.memberships.delete(orgId, found.id, found.version);
      } else if (found === undefined) {
        await tx.memberships.insert(buildMembership({ ...op.draft, orgId, accountId, spaceId }));
      } else await tx.memberships.update({ ...found, ...op.draft });
    } else {
      const spaceId = spaces[op.space] as string;
      const found = (await tx.invitations.listByAccount(orgId, accountId)).find(
        (invitation) => invitation.spaceId === spaceId,
      );
      const status = op.pending ? 'pending' : 'revoked';
      if (found === undefined) {
        await tx.invitations.insert(buildInvitation({ orgId, accountId, spaceId, status }));
      } else await tx.invitations.update({ ...found, status });
    }
  });
}

describe('memoryStore account list indexes', () => {
  it('page like the full scan after any sequence of writes (model-based)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(opArb, queryArb), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const store = memoryStore();
          for (const [step, [op, input]] of steps.entries()) {
            await apply(store, op, step);
            const query = { ...input, orgId } as AccountListQuery;
            expect(await walk(store, query, false)).toEqual(await walk(store, query, true));
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
