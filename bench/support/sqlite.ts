import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new SQLite file path; `work` gets it; the file is removed afterwards. */
export async function freshSqlite<T>(
  prefix: string,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const path = join(tmpdir(), `${prefix}_${randomBytes(5).toString('hex')}.db`);
  try {
    return await work(path);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${path}${suffix}`, { force: true });
  }
}
