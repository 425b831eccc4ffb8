import { randomBytes } from 'node:crypto';
import {
  promises as fs,
  linkSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { RosterError } from '@rosterkit/core';
import { snapshotLocked } from './errors.js';

const format = 'rosterkit-memory-store-lock';

interface LockContent {
  readonly format: typeof format;
  readonly pid: number;
  readonly hostname: string;
  readonly nonce: string;
  readonly since: string;
}

/** The exclusive hold of one snapshot file by one store. @internal */
export interface SnapshotLock {
  /** The snapshot file, as resolved (its folder's real path). */
  readonly file: string;
  /** The lock file next to it: `<file>.lock`. */
  readonly lockFile: string;
  /** Rejects with `CONFLICT` (reason `locked`) unless the lock file is still this store's. */
  verify(): Promise<void>;
  /** Removes the lock file if it is still this store's. Idempotent. */
  release(): void;
}

// Lock files held by this process, shared by every copy of the package loaded
// in it (ESM next to CJS), so that a second store on a file is refused even
// from another copy, and every lock is released at exit.
interface Registry {
  readonly held: Map<string, () => void>;
  exitHook: boolean;
}
const registryKey = Symbol.for('rosterkit.adapter-memory.snapshot-locks');
const registry: Registry = ((globalThis as Record<symbol, unknown>)[registryKey] as
  | Registry
  | undefined) ?? { held: new Map(), exitHook: false };
(globalThis as Record<symbol, unknown>)[registryKey] = registry;

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return errnoOf(error) === 'EPERM';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function parse(text: string): LockContent | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockContent> | null;
    if (
      value?.format === format &&
      Number.isSafeInteger(value.pid) &&
      typeof value.hostname === 'string' &&
      typeof value.nonce === 'string'
    ) {
      return value as LockContent;
    }
  } catch {
    // Not JSON: not a lock this package wrote.
  }
  return undefined;
}

// Why the lock in `text` must be respected, or `undefined` if it is stale.
function whyHeld(text: string, lockFile: string): string | undefined {
  const holder = parse(text);
  const advice = `if you are sure no process uses the snapshot any more, delete ${lockFile}.`;
  if (holder === undefined) return `${lockFile} exists but is not a rosterkit lock; ${advice}`;
  if (holder.hostname !== hostname()) {
    return `process ${holder.pid} on host ${holder.hostname} holds it (${lockFile}, since ${holder.since}); a lock taken on another machine is never taken over: ${advice}`;
  }
  if (holder.pid === process.pid) {
    // The same pid but not ours: a previous process that had this pid (a
    // container's process often has the same one on every start).
    if (!registry.held.has(lockFile)) return undefined;
    return `another memoryStore in this process (pid ${holder.pid}) has it open (${lockFile}); close() that store first.`;
  }
  if (isAlive(holder.pid)) {
    return `process ${holder.pid} has it open (${lockFile}, since ${holder.since}); a snapshot file has one writer at a time. Stop that process or close its store; ${advice}`;
  }
  return undefined;
}

// Creates `lockFile` with `content` if it does not exist. A hard link of a
// fully written file makes it appear complete; where links are unsupported,
// an exclusive create (`wx`) then a write.
function create(lockFile: string, content: string, candidate: string): boolean {
  try {
    linkSync(candidate, lockFile);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errnoOf(error) ?? '')) {
      throw error;
    }
  }
  try {
    writeFileSync(lockFile, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
}

// Removes the stale lock whose text was `seen`. Renaming it away first makes
// the removal atomic: of two processes taking over the same stale lock, one
// renames it, the other finds it gone. If what was renamed is no longer what
// was seen (a third process took the lock over in between), it is put back.
function removeStale(lockFile: string, seen: string): void {
  const grave = `${lockFile}.${process.pid}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(lockFile, grave);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return;
    throw error;
  }
  const moved = readText(grave);
  if (moved !== undefined && moved !== seen) create(lockFile, moved, grave);
  rmSync(grave, { force: true });
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Leftovers of a process that died writing: snapshot temporaries (only this
// store writes them now that it holds the lock) and the lock files of dead
// processes' attempts to take the lock.
function removeLeftovers(directory: string, name: string): void {
  const temporary = new RegExp(`^${literal(name)}\\.\\d+\\.\\d+\\.tmp$`);
  const attempt = new RegExp(`^${literal(name)}\\.lock\\.(\\d+)\\.[0-9a-f]+\\.(?:tmp|stale)$`);
  for (const entry of readdirSync(directory)) {
    const pid = attempt.exec(entry)?.[1];
    const leftover =
      temporary.test(entry) ||
      (pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid)));
    if (leftover) rmSync(join(directory, entry), { force: true });
  }
}

function releaseAllAtExit(): void {
  for (const release of [...registry.held.values()]) {
    try {
      release();
    } catch {
      // Exiting anyway; a lock left behind is stale and will be taken over.
    }
  }
}

/**
 * Takes the exclusive lock of a snapshot file: `<file>.lock`, holding this
 * process's pid, host name and a random nonce, created only if absent. A lock
 * whose process is gone (same host, pid no longer running) is taken over; any
 * other is refused with `CONFLICT` (reason `locked`). Then removes the
 * temporary files a crashed writer left.
 *
 * @internal
 */
export function lockSnapshot(file: string): SnapshotLock {
  let directory: string;
  try {
    directory = realpathSync(dirname(resolve(file)));
  } catch (error) {
    throw new RosterError(
      'INVALID_INPUT',
      `Invalid file: the folder of ${file} does not exist or cannot be read.`,
      { issues: [{ path: ['file'], message: 'Its folder must exist' }] },
      { cause: error },
    );
  }
  const name = basename(file);
  const snapshot = join(directory, name);
  const lockFile = `${snapshot}.lock`;
  const content = `${JSON.stringify({
    format,
    pid: process.pid,
    hostname: hostname(),
    nonce: randomBytes(16).toString('hex'),
    since: new Date().toISOString(),
  } satisfies LockContent)}\n`;

  const candidate = `${lockFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(candidate, content, { flag: 'wx' });
  try {
    let taken = false;
    for (let round = 0; round < 8 && !taken; round += 1) {
      taken = create(lockFile, content, candidate);
      if (taken) continue;
      const seen = readText(lockFile);
      if (seen === undefined) continue;
      const why = whyHeld(seen, lockFile);
      if (why !== undefined) throw snapshotLocked(snapshot, why);
      removeStale(lockFile, seen);
    }
    if (!taken) {
      throw snapshotLocked(
        snapshot,
        `${lockFile} kept changing hands while this store tried to take it; try again.`,
      );
    }
  } finally {
    rmSync(candidate, { force: true });
  }

  const release = () => {
    if (registry.held.get(lockFile) !== release) return;
    registry.held.delete(lockFile);
    if (readText(lockFile) === content) rmSync(lockFile, { force: true });
  };
  registry.held.set(lockFile, release);
  if (!registry.exitHook) {
    registry.exitHook = true;
    process.on('exit', releaseAllAtExit);
  }

  try {
    removeLeftovers(directory, name);
  } catch (error) {
    release();
    throw error;
  }

  return {
    file: snapshot,
    lockFile,
    async verify() {
      let text: string | undefined;
      try {
        text = await fs.readFile(lockFile, 'utf8');
      } catch (error) {
        if (errnoOf(error) !== 'ENOENT') throw error;
      }
      if (text !== content || registry.held.get(lockFile) !== release) {
        throw snapshotLocked(
          snapshot,
          `this store's lock (${lockFile}) was removed or replaced by another process, so it writes nothing more; close it and open the file again.`,
        );
      }
    },
    release,
  };
}
