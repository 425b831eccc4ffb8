import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAccount, buildOrganization } from '@rosterkit/conformance';
import { RosterError } from '@rosterkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index.js';

const script = fileURLToPath(new URL('./fixtures/snapshot-process.ts', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  /** The next message the child sends. */
  next(): Promise<Record<string, unknown>>;
  /** Resolves with the exit code or signal once the child has ended. */
  readonly ended: Promise<number | string | null>;
}

const children: ChildProcess[] = [];

function start(file: string): Child {
  const child = fork(script, [file], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  children.push(child);
  const inbox: Record<string, unknown>[] = [];
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  child.on('message', (message) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message as Record<string, unknown>);
    else inbox.push(message as Record<string, unknown>);
  });
  const ended = new Promise<number | string | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? code));
  });
  return {
    process: child,
    next: () => {
      const queued = inbox.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        waiting.push(resolve);
        void ended.then((how) => reject(new Error(`child ended (${how}) before answering`)));
      });
    },
    ended,
  };
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rosterkit-memory-lock-'));
  file = join(dir, 'roster.json');
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const lockFile = () => `${file}.lock`;
const lockPid = () => (JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number }).pid;

describe('memoryStore snapshot file: one writer', () => {
  it('refuses a second store on the same file in this process, with CONFLICT (reason locked), until the first is closed', async () => {
    const first = memoryStore({ file });
    expect(lockPid()).toBe(process.pid);
    let refusal: unknown;
    try {
      memoryStore({ file: join(dir, '.', 'roster.json') });
    } catch (error) {
      refusal = error;
    }
    expect(RosterError.isInstance(refusal, 'CONFLICT')).toBe(true);
    expect((refusal as RosterError<'CONFLICT'>).details).toMatchObject({ reason: 'locked' });
    expect((refusal as Error).message).toContain(`${file}.lock`);
    expect((refusal as Error).message).toContain(String(process.pid));
    await first.transaction((tx) => tx.organizations.insert(buildOrganization({ id: 'org_1' })));
    await first.close();
    expect(existsSync(lockFile())).toBe(false);
    const second = memoryStore({ file });
    expect(second.inspect().organization('org_1')).toBeDefined();
    await second.close();
  });

  it('loses no committed write when two processes open one snapshot file at once', async () => {
    const left = start(file);
    const right = start(file);
    const answers = await Promise.all([left.next(), right.next()]);
    const opened = answers.filter((answer) => answer.opened === true);
    const refused = answers.flatMap((answer) =>
      answer.refused === undefined ? [] : [answer.refused],
    );
    expect(opened).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ code: 'CONFLICT', reason: 'locked' })]);
    // Each process that opened writes 60 accounts; every committed one must be in the file.
    const writers = [left, right].filter((_, i) => answers[i]?.opened === true);
    const counts = await Promise.all(
      writers.map(async (writer) => {
        writer.process.send({ insert: 60, orgId: 'org_a' });
        return (await writer.next()).committed as number;
      }),
    );
    const committed = counts.reduce((sum, n) => sum + n, 0);
    expect(committed).toBe(60);
    expect(JSON.parse(readFileSync(file, 'utf8')).accounts).toHaveLength(committed);
  });

  it('refuses while another live process holds the file, and opens once it closed the store or exited', async () => {
    const holder = start(file);
    expect(await holder.next()).toMatchObject({ opened: true });
    expect(lockPid()).toBe(holder.process.pid);
    expect(() => memoryStore({ file })).toThrow(/locked|in use/i);
    holder.process.send('close');
    expect(await holder.next()).toEqual({ closed: true });
    await holder.ended;
    const mine = memoryStore({ file });
    await mine.close();

    // A process that exits without closing releases the lock too.
    const quitter = start(file);
    expect(await quitter.next()).toMatchObject({ opened: true });
    quitter.process.send('exit');
    await quitter.ended;
    expect(existsSync(lockFile())).toBe(false);
    const again = memoryStore({ file });
    await again.close();
  });

  it('takes over the stale lock of a process killed with SIGKILL, keeping what it committed', async () => {
    const victim = start(file);
    expect(await victim.next()).toMatchObject({ opened: true });
    victim.process.send({ insert: 3, orgId: 'org_a' });
    expect(await victim.next()).toEqual({ committed: 3 });
    const victimPid = victim.process.pid;
    victim.process.kill('SIGKILL');
    expect(await victim.ended).toBe('SIGKILL');
    // The killed process could not clean up: its lock is still there.
    expect(lockPid()).toBe(victimPid);

    const heir = memoryStore({ file });
    expect(lockPid()).toBe(process.pid);
    const page = await heir.transaction((tx) =>
      tx.accounts.list({
        orgId: 'org_a',
        readFilter: { kind: 'all' },
        sort: { field: 'email', direction: 'asc' },
        limit: 10,
      }),
    );
    expect(page.total).toBe(3);
    // A second heir in another process is refused: the lock is live again.
    const late = start(file);
    expect(await late.next()).toMatchObject({ refused: { code: 'CONFLICT', reason: 'locked' } });
    await heir.close();
  });

  it('removes the temporary files a crashed writer left, and nothing else', async () => {
    writeFileSync(`${file}.4242.7.tmp`, '{"half":');
    writeFileSync(`${file}.99.1.tmp`, '');
    writeFileSync(join(dir, 'other.json.1.1.tmp'), 'keep');
    writeFileSync(join(dir, 'notes.txt'), 'keep');
    const store = memoryStore({ file });
    expect(readdirSync(dir).sort()).toEqual(
      ['notes.txt', 'other.json.1.1.tmp', 'roster.json.lock'].sort(),
    );
    await store.close();
  });

  it('close waits for running transactions, then refuses new ones and releases the file; closing twice is fine', async () => {
    const store = memoryStore({ file });
    let finish: () => void = () => {};
    const running = store.transaction(async (tx) => {
      await tx.accounts.insert(buildAccount({ orgId: 'org_a' }));
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = store.close();
    await expect(store.transaction(async () => 'late')).rejects.toThrow(/closed/);
    expect(existsSync(lockFile())).toBe(true);
    finish();
    await running;
    await closing;
    expect(existsSync(lockFile())).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).accounts).toHaveLength(1);
    await store.close();
  });

  it('a store without a file can be closed too', async () => {
    const store = memoryStore();
    await store.transaction((tx) => tx.organizations.insert(buildOrganization()));
    await store.close();
    await expect(store.transaction(async () => 1)).rejects.toThrow(/closed/);
  });

  it('takes over a lock naming this process’s pid that no store of this process holds (a restarted container), but never one from another host or one it cannot read', async () => {
    const lock = (fields: Record<string, unknown>) =>
      writeFileSync(
        lockFile(),
        JSON.stringify({
          format: 'rosterkit-memory-store-lock',
          pid: process.pid,
          hostname: hostname(),
          nonce: 'from-an-earlier-process',
          since: '2026-01-01T00:00:00.000Z',
          ...fields,
        }),
      );
    lock({});
    const store = memoryStore({ file });
    expect(readFileSync(lockFile(), 'utf8')).not.toContain('from-an-earlier-process');
    await store.close();

    lock({ hostname: `not-${hostname()}` });
    expect(() => memoryStore({ file })).toThrow(/on host not-/);
    writeFileSync(lockFile(), 'hand-made');
    expect(() => memoryStore({ file })).toThrow(/not a rosterkit lock/);
    // Refused openers leave the lock as it was.
    expect(readFileSync(lockFile(), 'utf8')).toBe('hand-made');
  });
});
