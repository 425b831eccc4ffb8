import type { Store, StoreTransaction } from '@rosterkit/core';
import { runConformance } from './support/conformance.js';
import type { TestClient } from './support/databases.js';

// The suite catches what the adapter guards against, shown on stores broken on
// purpose: each runs only the conformance test aimed at its flaw, which must
// fail (`failing` registers it with vitest's `it.fails`, so this file fails if
// the broken store passes). ROSTERKIT_SHOW_FAILURES=1 runs them as ordinary
// tests, to read the failures themselves.

const expectFailure = (title: string) => ({
  only: [title],
  failing: process.env.ROSTERKIT_SHOW_FAILURES === undefined ? [title] : [],
});

// PostgreSQL at READ COMMITTED, without retries: two transactions that each
// check what the other writes both commit (a write skew).
const writeSkew =
  'Transaction: write skew: deactivating a manager and assigning them a report, racing, never both commit';
const readCommitted = (client: TestClient): TestClient =>
  new Proxy(client, {
    get(target, property, receiver) {
      if (property !== '$transaction') return Reflect.get(target, property, receiver);
      return (work: unknown, options: Record<string, unknown>) =>
        (target.$transaction as (...args: unknown[]) => unknown)(work, {
          ...options,
          isolationLevel: 'ReadCommitted',
        });
    },
  });
runConformance(
  'postgresql',
  { maxAttempts: 1 },
  { label: 'READ COMMITTED, no retries', client: readCommitted, options: expectFailure(writeSkew) },
);

// updateMany as a loop of single updates: one statement per row.
const updateMany =
  'Batch writes: updateMany replaces 1 row or 12 in as many statements, on every tenant repository';
const oneByOne = (store: Store): Store => ({
  transaction: (work) =>
    store.transaction((tx) => {
      const accounts: StoreTransaction['accounts'] = {
        ...tx.accounts,
        async updateMany(rows) {
          const saved = [];
          for (const row of rows) saved.push(await tx.accounts.update(row));
          return saved;
        },
      };
      return work({ ...tx, accounts });
    }),
});
runConformance(
  'sqlite',
  {},
  { label: 'updateMany one row at a time', store: oneByOne, options: expectFailure(updateMany) },
);

// PostgreSQL at READ COMMITTED, without retries, and a countSeats that only
// counts (no lock on the organization's row): two transactions that count the
// seats, then take the last one, both commit. The Prisma store's lock is what
// holds the cap (its own race test passes at Serializable with it).
const seatRace =
  'Transaction: two transactions that count seats, then take the last one, racing, never both commit';
type Counting = { count(args: unknown): Promise<number> };
const countOnly = (store: Store): Store => ({
  transaction: (work) =>
    store.transaction((tx) => {
      const db = tx.native as { rosterkitAccount: Counting; rosterkitInvitation: Counting };
      const organizations: StoreTransaction['organizations'] = {
        ...tx.organizations,
        async countSeats(orgId) {
          const [activeMembers, pendingInvitations] = await Promise.all([
            db.rosterkitAccount.count({
              where: { orgId, status: 'active', memberships: { some: { state: 'member' } } },
            }),
            db.rosterkitInvitation.count({ where: { orgId, status: 'pending' } }),
          ]);
          return { activeMembers, pendingInvitations };
        },
      };
      return work({ ...tx, organizations });
    }),
});
runConformance(
  'postgresql',
  { maxAttempts: 1 },
  {
    label: 'READ COMMITTED, no retries, seats counted without a lock',
    client: readCommitted,
    store: countOnly,
    options: expectFailure(seatRace),
  },
);

// And the converse: with the store's own countSeats, the lock alone holds
// the cap even at READ COMMITTED without retries (this one must pass).
runConformance(
  'postgresql',
  { maxAttempts: 1 },
  {
    label: 'READ COMMITTED, no retries, seats counted under the lock',
    client: readCommitted,
    options: { only: [seatRace], failing: [] },
  },
);

// PostgreSQL at READ COMMITTED, without retries: a User link deleted while
// another transaction adds it to a group leaves its member row behind.
const memberOfDeletedLink =
  'Provisioning: a member added while its User link is deleted, racing, is never left behind';
runConformance(
  'postgresql',
  { maxAttempts: 1 },
  {
    label: 'READ COMMITTED, no retries, SCIM group members',
    client: readCommitted,
    options: expectFailure(memberOfDeletedLink),
  },
);

// addGroupMembers as a loop of single adds: statements grow with the ids.
const groupMemberStatements =
  'Provisioning: addGroupMembers, removeGroupMembers and listGroupMembers cost as many statements for 1 id as for 12';
const memberByMember = (store: Store): Store => ({
  transaction: (work) =>
    store.transaction((tx) => {
      const provisioning: StoreTransaction['provisioning'] = {
        ...tx.provisioning,
        async addGroupMembers(orgId, connectionId, groupLinkId, userLinkIds) {
          const added: string[] = [];
          for (const id of userLinkIds) {
            added.push(
              ...(await tx.provisioning.addGroupMembers(orgId, connectionId, groupLinkId, [id])),
            );
          }
          return added;
        },
      };
      return work({ ...tx, provisioning });
    }),
});
runConformance(
  'sqlite',
  {},
  {
    label: 'SCIM group members added one at a time',
    store: memberByMember,
    options: expectFailure(groupMemberStatements),
  },
);
