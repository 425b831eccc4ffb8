import { randomUUID } from 'node:crypto';
import { type Account, createRoster, type Departure, RosterError } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prismaStore } from '../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';
import { createHostTables } from './support/host-tables.js';

// DESIGN rule 10: a resource handler writes the host's own tables through the
// command's transaction (`tx.native`, the Prisma interactive transaction
// client), so what it writes commits or rolls back with the command, and a
// command that is run again after a serialization failure leaves exactly one
// hand-over behind, however many times the handler ran.

const roles = presets.contactCenter;

/** Resolves when `count` callers have arrived, or after `ms` (so a broken run fails instead of hanging). */
function barrier(count: number, ms = 10_000) {
  let arrived = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
    setTimeout(resolve, ms).unref();
  });
  return {
    arrive(): Promise<void> {
      arrived += 1;
      if (arrived >= count) open();
      return opened;
    },
    get arrived() {
      return arrived;
    },
  };
}

/** A promise and the function that resolves it. */
function signal() {
  let fire: () => void = () => {};
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

interface Hooks {
  /** Runs first in the handler. */
  readonly entered?: (departure: Departure) => Promise<void> | void;
  /** Runs once the hand-over row is written (uncommitted). */
  readonly written?: (departure: Departure) => Promise<void> | void;
  /** The hand-over's id: one per departure (the default), or a fresh one per attempt. */
  readonly key?: 'departure' | 'attempt';
}

// The documented handler: the host's tables, through the command's transaction.
function handlerRoster(client: TestClient, hooks: Hooks) {
  return createRoster({
    store: prismaStore(client),
    policy: createPolicy(roles),
    resourceHandlers: [
      {
        name: 'contacts',
        async onDeparture(departure, tx) {
          await hooks.entered?.(departure);
          await tx.native.hostHandover.create({
            data: {
              id:
                hooks.key === 'attempt'
                  ? randomUUID()
                  : `${departure.accountId}:${departure.reason}`,
              accountId: departure.accountId,
              reason: departure.reason,
              toId: departure.reassignTo,
            },
          });
          await hooks.written?.(departure);
          await tx.native.hostContact.updateMany({
            where: { ownerId: departure.accountId },
            data: { ownerId: departure.reassignTo },
          });
        },
      },
    ],
  });
}

async function seed(client: TestClient, hooks: Hooks = {}) {
  const roster = handlerRoster(client, hooks);
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  const join = async (email: string): Promise<Account> => {
    const { token } = await admin.invite({ email, role: 'agent' });
    return (await roster.acceptInvitation({ token, firstName: 'Agent', lastName: email })).account;
  };
  const leaving = await join('bo@acme.io');
  const heir = await join('cy@acme.io');
  await client.hostContact.createMany({
    data: [
      { id: 'contact_1', ownerId: leaving.id },
      { id: 'contact_2', ownerId: leaving.id },
      { id: 'contact_3', ownerId: heir.id },
    ],
  });
  return { admin, leaving, heir };
}

const handovers = async (client: TestClient) =>
  (await client.hostHandover.findMany()).map(({ accountId, reason, toId }) => ({
    accountId,
    reason,
    toId,
  }));

describe('resource handlers on postgresql', () => {
  let db: TestDatabase;
  let client: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    client = db.connect();
    await createHostTables(client, 'postgresql');
  });
  beforeEach(async () => {
    await db.clear(client);
    await client.hostContact.deleteMany();
    await client.hostHandover.deleteMany();
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  it('a hand-over written by a handler is rolled back when its command hits a serialization failure, and written once by the rerun', async () => {
    let calls = 0;
    const atHandler = signal();
    const gate = signal();
    const { admin, leaving, heir } = await seed(client, {
      async written() {
        calls += 1;
        if (calls > 1) return;
        // First attempt: the hand-over is written (uncommitted); wait while
        // another command commits a change to the departing account's row.
        atHandler.fire();
        await gate.fired;
      },
    });
    const deactivation = admin.deactivate({
      accountId: leaving.id,
      reassignResourcesTo: heir.id,
    });
    await Promise.race([atHandler.fired, deactivation]);
    expect(calls).toBe(1);
    await admin.updateProfile({ accountId: leaving.id, firstName: 'Renamed' });
    gate.fire();
    // The deactivation's write of the account now collides with the
    // committed rename (PostgreSQL 40001): the store runs the command again.
    const deactivated = await deactivation;
    expect(deactivated.status).toBe('deactivated');
    expect(deactivated.firstName).toBe('Renamed');
    expect(calls).toBe(2);
    expect(await handovers(client)).toEqual([
      { accountId: leaving.id, reason: 'deactivate', toId: heir.id },
    ]);
    expect(
      (await client.hostContact.findMany({ orderBy: { id: 'asc' } })).map((c) => c.ownerId),
    ).toEqual([heir.id, heir.id, heir.id]);
  });

  it('eight racing deactivations of one account: one commits, and the host tables hold exactly its hand-over', async () => {
    const racers = 8;
    const everyone = barrier(racers);
    let calls = 0;
    const { admin, leaving, heir } = await seed(client, {
      key: 'attempt',
      async written() {
        calls += 1;
        // Every first attempt holds its uncommitted hand-over until all are here.
        await everyone.arrive();
      },
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: racers }, () =>
        admin.deactivate({ accountId: leaving.id, reassignResourcesTo: heir.id }),
      ),
    );
    const committed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    expect(committed).toHaveLength(1);
    for (const error of refused) {
      expect(RosterError.isInstance(error), String(error)).toBe(true);
      expect(['INVALID_TRANSITION', 'CONFLICT']).toContain((error as RosterError).code);
    }
    // Every racer's handler ran and wrote (they met at the barrier); one hand-over is left.
    expect(everyone.arrived).toBeGreaterThanOrEqual(racers);
    expect(calls).toBeGreaterThanOrEqual(racers);
    expect(await handovers(client)).toEqual([
      { accountId: leaving.id, reason: 'deactivate', toId: heir.id },
    ]);
    expect(await client.hostContact.count({ where: { ownerId: heir.id } })).toBe(3);
  });

  it("a racing command that collides on the host's own unique key is run again and gets the command's answer", async () => {
    // The first deactivation writes its hand-over (one per departure) and
    // waits; the second blocks on that key, then meets the committed row.
    const firstWrote = signal();
    const gate = signal();
    const secondEntered = signal();
    let calls = 0;
    const { admin, leaving, heir } = await seed(client, {
      entered() {
        calls += 1;
        if (calls === 2) secondEntered.fire();
      },
      async written() {
        if (calls !== 1) return;
        firstWrote.fire();
        await gate.fired;
      },
    });
    const first = admin.deactivate({ accountId: leaving.id, reassignResourcesTo: heir.id });
    await Promise.race([firstWrote.fired, first]);
    const second = admin.deactivate({ accountId: leaving.id, reassignResourcesTo: heir.id });
    await Promise.race([secondEntered.fired, second.catch(() => {})]);
    // Let the second reach the hand-over's key and wait there.
    await new Promise((resolve) => setTimeout(resolve, 300));
    gate.fire();
    expect((await first).status).toBe('deactivated');
    const error = await second.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(RosterError.isInstance(error, 'INVALID_TRANSITION'), String(error)).toBe(true);
    expect(await handovers(client)).toEqual([
      { accountId: leaving.id, reason: 'deactivate', toId: heir.id },
    ]);
  });
});

describe.each(['postgresql', 'mysql', 'sqlite'] as const)('resource handlers on %s', (provider) => {
  let db: TestDatabase;
  let client: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    client = db.connect();
    await createHostTables(client, provider);
  });
  beforeEach(async () => {
    await db.clear(client);
    await client.hostContact.deleteMany();
    await client.hostHandover.deleteMany();
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  it("commit the host's writes with the command", async () => {
    const { admin, leaving, heir } = await seed(client);
    await admin.removeFromTeam({ accountId: leaving.id, reassignResourcesTo: heir.id });
    expect(await handovers(client)).toEqual([
      { accountId: leaving.id, reason: 'removeFromTeam', toId: heir.id },
    ]);
    expect(await client.hostContact.count({ where: { ownerId: heir.id } })).toBe(3);
  });

  it("a handler that throws undoes the command and the host's writes made before it threw", async () => {
    const failure = new Error('the ticket system refused');
    const { admin, leaving } = await seed(client, {
      written() {
        throw failure;
      },
    });
    await expect(admin.deactivate({ accountId: leaving.id })).rejects.toBe(failure);
    expect(await client.hostHandover.count()).toBe(0);
    expect(await client.hostContact.count({ where: { ownerId: leaving.id } })).toBe(2);
    const account = await client.rosterkitAccount.findUnique({ where: { id: leaving.id } });
    expect(account?.status).toBe('active');
  });
});
