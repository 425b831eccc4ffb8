import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildOutboxMessage } from '@rosterkit/conformance/fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { prismaStore } from '../src/index.js';
import type { ProcessConfig, ProcessMessage } from './outbox-workers/process.js';
import { createTestDatabase, type TestClient } from './support/databases.js';

// DESIGN §8, Delivery, on real servers: outbox workers in separate OS
// processes, each with its own client and pool, share one database.
// 1. 4 processes deliver 1,000 messages; one is SIGKILLed mid-delivery and
//    restarted: every message is delivered, none lost, a message is handed
//    to a second handler only if the killed process had it in hand, and
//    never to two live handlers at once (the handlers' intervals, by the
//    machine's clock, never overlap for one message).
// 2. A process invites and is killed before any delivery: a fresh process
//    with only the database and the host key sends the e-mail, and its link
//    accepts.

const processFile = fileURLToPath(new URL('./outbox-workers/process.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const messages = Number(process.env.OUTBOX_MESSAGES ?? 1000);
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(config: ProcessConfig, onMessage: (message: ProcessMessage) => void): ChildProcess {
  const child = fork(processFile, [], {
    cwd: packageDir,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, OUTBOX_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  child.on('message', onMessage);
  return child;
}

const until = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

async function seed(client: TestClient): Promise<void> {
  const store = prismaStore(client);
  const rows = Array.from({ length: messages }, (_, i) =>
    buildOutboxMessage({
      orgId: 'org_load',
      topic: 'password.reset',
      payload: { accountId: `acc_${i}`, email: `p${i}@load.io` },
      createdAt: new Date(Date.now() - 60_000 + i),
    }),
  );
  for (let i = 0; i < rows.length; i += 500)
    await store.transaction((tx) => tx.outbox.appendMany(rows.slice(i, i + 500)));
}

const undelivered = async (client: TestClient) =>
  (await client.rosterkitOutboxMessage.count({ where: { deliveredAt: null } })) as number;

describe.each(['postgresql', 'mysql'] as const)('outbox workers in processes on %s', (provider) => {
  it(`delivers ${messages} messages with 4 processes, one SIGKILLed mid-delivery and restarted: none lost, duplicates only of interrupted deliveries, never two live handlers at once`, async () => {
    const db = await createTestDatabase(provider, { prefix: 'i15' });
    const client = db.connect();
    try {
      await seed(client);
      const intervals = new Map<string, { worker: number; start: number; end?: number }[]>();
      const settledBy = new Map<number, Set<string>>();
      const errors: string[] = [];
      let ready = 0;
      let ended = 0;
      const spawn = (worker: number) =>
        start(
          { mode: 'deliver', provider, database: db.name, name: `w${worker}`, concurrency: 4 },
          (message) => {
            if (message.type === 'ready') ready += 1;
            else if (message.type === 'start') {
              const list = intervals.get(message.id) ?? [];
              list.push({ worker, start: message.at });
              intervals.set(message.id, list);
            } else if (message.type === 'end') {
              ended += 1;
              const open = intervals
                .get(message.id)
                ?.find((i) => i.worker === worker && i.end === undefined);
              if (open) open.end = message.at;
            } else if (message.type === 'delivered') {
              const set = settledBy.get(worker) ?? new Set();
              set.add(message.id);
              settledBy.set(worker, set);
            } else if (message.type === 'error') errors.push(message.error);
          },
        );
      const workers = [0, 1, 2, 3].map(spawn);
      await until(() => ready === 4, 30_000, 'four ready workers');
      const started = performance.now();
      await until(() => ended >= messages / 4, 60_000, 'a quarter of the deliveries');
      // Killed with handlers in hand: those messages were claimed, perhaps
      // handled, but not marked delivered by it.
      workers[0]?.kill('SIGKILL');
      const killedAt = Date.now();
      const endedAtKill = ended;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const interrupted = new Set(
        [...intervals.entries()]
          .filter(
            ([id, list]) =>
              list.some((i) => i.worker === 0 && i.start <= killedAt) && !settledBy.get(0)?.has(id),
          )
          .map(([id]) => id),
      );
      spawn(4);
      await until(async () => (await undelivered(client)) === 0, 90_000, 'every message delivered');
      const wallMs = performance.now() - started;
      for (const child of children)
        if (child.exitCode === null && child.connected) child.send({ type: 'stop' });

      const lost = messages - intervals.size;
      const duplicates = [...intervals.entries()].filter(([, list]) => list.length > 1);
      const unexplained = duplicates.filter(([id]) => !interrupted.has(id));
      let overlaps = 0;
      for (const [, list] of intervals) {
        const live = list.filter((i) => i.end !== undefined) as { start: number; end: number }[];
        for (const a of live)
          for (const b of live) if (a !== b && a.start < b.end && b.start < a.end) overlaps += 1;
      }
      console.log(
        [
          `${provider}: ${messages} messages, 4 worker processes (concurrency 4, lease 2 s), worker 0 SIGKILLed after ${endedAtKill} deliveries, worker 4 started; all delivered in ${(wallMs / 1000).toFixed(1)} s`,
          `lost: ${lost}; in hand of the killed worker: ${interrupted.size}; delivered twice: ${duplicates.length} (${duplicates.map(([id]) => id).join(', ') || 'none'}); duplicates of uninterrupted deliveries: ${unexplained.length}; two live handlers at once: ${overlaps}`,
        ].join('\n'),
      );
      expect(await undelivered(client)).toBe(0);
      expect(lost).toBe(0);
      expect(unexplained).toEqual([]);
      expect(overlaps).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await client.$disconnect();
      await db.drop();
    }
  }, 180_000);

  it('sends the e-mail of an invitation whose process was killed before any delivery, from a fresh process with only the database and the key; the link accepts', async () => {
    const db = await createTestDatabase(provider, { prefix: 'i15' });
    try {
      const got: ProcessMessage[] = [];
      const inviter = start({ mode: 'invite', provider, database: db.name, name: 'inviter' }, (m) =>
        got.push(m),
      );
      await until(
        () => got.some((m) => m.type === 'invited' || m.type === 'error'),
        30_000,
        'the invitation',
      );
      inviter.kill('SIGKILL');
      start({ mode: 'accept-invitations', provider, database: db.name, name: 'fresh' }, (m) =>
        got.push(m),
      );
      await until(
        () => got.some((m) => m.type === 'accepted' || m.type === 'error'),
        30_000,
        'the acceptance',
      );
      expect(got.filter((m) => m.type === 'error')).toEqual([]);
      expect(got.filter((m) => m.type === 'accepted')).toEqual([
        { type: 'accepted', email: 'dee@crash.io', status: 'active' },
      ]);
    } finally {
      await db.drop();
    }
  }, 90_000);
});
