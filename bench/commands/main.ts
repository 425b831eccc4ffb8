// Operations per second of the main commands, and of listMembers pages, on the
// memory store holding 100,000 accounts. It measures; it asserts nothing.
import { memoryStore } from '@rosterkit/adapter-memory';
import { type ActorApi, createRoster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';

const ACCOUNTS = 100_000;
const roles = presets.contactCenter;
const store = memoryStore();
const roster = createRoster({ store, policy: createPolicy(roles) });
const { organization, owner } = await roster.createOrganization({
  name: 'Bench',
  owner: { email: 'owner@bench.io', firstName: 'Olga', lastName: 'Owner' },
});
const orgId = organization.id;
const spaceId = organization.defaultSpaceId;
const first = ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun'];
const last = ['Ng', 'Li', 'Park', 'Rossi', 'Khan', 'Silva', 'Moreau', 'Sato', 'Berg', 'Okafor'];

// Seeding goes straight through the store, in batches: the benchmark is about
// the commands, not about how fast 100k invitations can be accepted.
let seeded = Date.now();
for (let start = 0; start < ACCOUNTS; start += 5_000) {
  await store.transaction(async (tx) => {
    for (let i = start; i < Math.min(start + 5_000, ACCOUNTS); i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 1000);
      await tx.accounts.insert({
        id: `acc-${i}`,
        orgId,
        email: `user${i}@bench.io`,
        externalId: null,
        firstName: first[i % 10] as string,
        lastName: `${last[Math.floor(i / 10) % 10]}${i}`,
        status: i % 20 === 0 ? 'deactivated' : 'active',
        profile: {},
        lastSeenAt: i % 3 === 0 ? null : at,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
      const former = i % 7 === 0;
      await tx.memberships.insert({
        id: `mem-${i}`,
        orgId,
        accountId: `acc-${i}`,
        spaceId,
        state: former ? 'account-only' : 'member',
        role: i % 50 === 0 ? 'manager' : 'agent',
        restrictions: [],
        groupIds: [],
        managerId: null,
        periods: [{ startedAt: at, endedAt: former ? at : null, role: 'agent' }],
        version: 1,
      });
    }
  });
}
seeded = Date.now() - seeded;
const admin: ActorApi = roster.as({ accountId: owner.id, orgId });

function report(name: string, ops: number, ms: number): void {
  console.log(
    `  ${name.padEnd(46)} ${Math.round((ops / ms) * 1000)
      .toLocaleString('en-US')
      .padStart(9)} ops/s  (${ops} in ${ms.toFixed(0)} ms)`,
  );
}

async function measure(
  name: string,
  ops: number,
  run: (i: number) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < Math.min(20, ops); i++) await run(ops + i); // warm-up on other rows
  const start = performance.now();
  for (let i = 0; i < ops; i++) await run(i);
  report(name, ops, performance.now() - start);
}

console.log(
  `commands on the memory store, ${ACCOUNTS.toLocaleString('en-US')} accounts (seeded in ${seeded} ms):`,
);
let invited = 0;
await measure('invite + acceptInvitation', 500, async () => {
  const n = invited++;
  const { token } = await admin.invite({ email: `new${n}@bench.io`, role: 'agent' });
  await roster.acceptInvitation({ token, firstName: 'New', lastName: `Hire${n}` });
});
// Targets 140·i + k (k = 1..3) are active current members (not a multiple of 7 or 20).
const target = (i: number, k: number) => `acc-${(140 * i + k) % ACCOUNTS}`;
await measure('changeRole', 500, (i) =>
  admin.changeRole({ accountId: target(i, 1), role: 'manager' }),
);
await measure('deactivate', 500, (i) => admin.deactivate({ accountId: target(i, 1) }));
await measure('reactivate', 500, (i) => admin.reactivate({ accountId: target(i, 1) }));
await measure('removeFromTeam', 500, (i) => admin.removeFromTeam({ accountId: target(i, 2) }));
await measure('addToTeam (re-add)', 500, (i) =>
  admin.addToTeam({ accountId: target(i, 2), role: 'agent' }),
);
await measure('updateProfile', 500, (i) =>
  admin.updateProfile({ accountId: target(i, 3), lastName: `Renamed${i}` }),
);
await measure('getAccount', 2_000, (i) =>
  admin.getAccount({ accountId: `acc-${(i * 37) % ACCOUNTS}` }),
);

console.log('listMembers pages (50 rows):');
await measure('first page, by name', 50, () => admin.listMembers({ limit: 50 }));
await measure('first page, status active + search "ana"', 50, () =>
  admin.listMembers({ limit: 50, statuses: ['active'], search: 'ana' }),
);
let cursor: string | undefined;
await measure('next pages, walking by cursor', 50, async () => {
  const page = await admin.listMembers({ limit: 50, ...(cursor === undefined ? {} : { cursor }) });
  cursor = page.nextCursor ?? undefined;
});
await measure('All Users, search "park1", sort lastSeenAt', 50, () =>
  admin.listAccounts({
    limit: 50,
    search: 'park1',
    sort: { field: 'lastSeenAt', direction: 'desc' },
  }),
);
