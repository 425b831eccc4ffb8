// Outbox delivery on PostgreSQL: messages per second delivered by 1 and by 4
// `startOutboxWorker`s (each its own PrismaClient and pool, concurrency 4,
// a no-op handler), against a baseline measured in the same run on the same
// table: the same claims done by hand with `pg` (BEGIN; SELECT … FOR UPDATE
// SKIP LOCKED LIMIT 4; UPDATE the lease; COMMIT; then one UPDATE per message
// marking it delivered), by 1 and by 4 loops. Prints the ratio
// baseline / rosterkit (how many times slower the worker is than the bare
// SQL). It measures; it asserts nothing about the figures.
//
// Run with `npm run bench:outbox -w @rosterkit/bench` after `npx turbo run
// build`. BENCH_OUTBOX_MESSAGES sets the messages per round (default 2000).
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations, prismaStore } from '@rosterkit/adapter-prisma';
import { createRoster, type OutboxMessage, startOutboxWorker } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import pg from 'pg';
import { PrismaClient } from '../generated/postgresql/client/client.js';
import { freshPostgres } from '../support/postgres.js';

const MESSAGES = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 2000);
const table = '"rosterkit_outbox_messages"';

async function seed(pool: pg.Pool, round: string): Promise<void> {
  const now = Date.now() - 60_000;
  const rows: OutboxMessage[] = Array.from({ length: MESSAGES }, (_, i) => ({
    id: `${round}_${i}`,
    orgId: 'org_bench',
    topic: 'password.reset',
    payload: { accountId: `acc_${i}`, email: `p${i}@bench.io` },
    createdAt: new Date(now + i),
    deliveredAt: null,
    attempts: 0,
    nextAttemptAt: new Date(now + i),
    lastError: null,
    deadAt: null,
    leaseId: null,
  }));
  await pool.query(
    `INSERT INTO ${table} ("id", "orgId", "topic", "payloadJson", "createdAt", "attempts", "nextAttemptAt")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamp[], $6::int[], $7::timestamp[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.orgId),
      rows.map((r) => r.topic),
      rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.createdAt.toISOString()),
      rows.map(() => 0),
      rows.map((r) => r.nextAttemptAt.toISOString()),
    ],
  );
}

const undelivered = async (pool: pg.Pool) =>
  Number(
    (await pool.query(`SELECT count(*) AS n FROM ${table} WHERE "deliveredAt" IS NULL`)).rows[0].n,
  );

async function timeUntilDelivered(
  pool: pg.Pool,
  work: () => Promise<void> | void,
): Promise<number> {
  const started = performance.now();
  const running = work();
  while ((await undelivered(pool)) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  await running;
  return performance.now() - started;
}

/** The baseline: one loop of hand-written claims and deliveries, until nothing is due. */
async function bareLoop(pool: pg.Pool, loop: number): Promise<void> {
  const client = await pool.connect();
  try {
    for (let n = 0; ; n += 1) {
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      const { rows } = await client.query(
        `SELECT "id" FROM ${table} WHERE "deliveredAt" IS NULL AND "deadAt" IS NULL AND "nextAttemptAt" <= now() ORDER BY "nextAttemptAt", "createdAt", "id" LIMIT 4 FOR UPDATE SKIP LOCKED`,
      );
      const ids = rows.map((row: { id: string }) => row.id);
      await client.query(
        `UPDATE ${table} SET "leaseId" = $1, "nextAttemptAt" = now() + interval '30 seconds' WHERE "id" = ANY($2)`,
        [`bare_${loop}_${n}`, ids],
      );
      await client.query('COMMIT');
      if (ids.length === 0) return;
      await Promise.all(
        ids.map((id) =>
          pool.query(
            `UPDATE ${table} SET "deliveredAt" = now(), "leaseId" = NULL WHERE "id" = $1`,
            [id],
          ),
        ),
      );
    }
  } finally {
    client.release();
  }
}

async function workers(url: string, count: number): Promise<() => Promise<void>> {
  const running = Array.from({ length: count }, () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 6 }) });
    const roster = createRoster({
      store: prismaStore(client),
      policy: createPolicy(presets.teamWorkspace),
    });
    const worker = startOutboxWorker(roster, {
      handlers: { 'password.reset': () => undefined },
      concurrency: 4,
      pollMs: 20,
    });
    return { client, worker };
  });
  return async () => {
    for (const { worker, client } of running) {
      await worker.stop();
      await client.$disconnect();
    }
  };
}

await freshPostgres('i15_bench_outbox', async (url) => {
  const setup = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await applyMigrations(setup, { provider: 'postgresql' });
  await setup.$disconnect();
  const pool = new pg.Pool({ connectionString: url, max: 24 });
  try {
    const rate = (ms: number) => (MESSAGES / ms) * 1000;
    console.log(`outbox delivery on PostgreSQL, ${MESSAGES} messages per round, no-op handler`);
    for (const count of [1, 4]) {
      await seed(pool, `bare${count}`);
      const bareMs = await timeUntilDelivered(pool, async () => {
        await Promise.all(Array.from({ length: count }, (_, loop) => bareLoop(pool, loop)));
      });
      await seed(pool, `worker${count}`);
      let stop: () => Promise<void> = async () => undefined;
      const workerMs = await timeUntilDelivered(pool, async () => {
        stop = await workers(url, count);
      });
      await stop();
      console.log(
        `  ${count} worker${count > 1 ? 's' : ' '}: rosterkit ${rate(workerMs).toFixed(0)} msg/s, bare SQL loop ${rate(bareMs).toFixed(0)} msg/s, ratio ${(rate(bareMs) / rate(workerMs)).toFixed(2)}x`,
      );
    }
  } finally {
    await pool.end();
  }
});
