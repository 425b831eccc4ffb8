import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the benches create their databases on (the user must be allowed to create databases). */
export const serverUrl =
  process.env.ROSTERKIT_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** Runs one statement on the server's own database (CREATE / DROP DATABASE). */
export async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database name with `prefix`, and its URL on the server. */
export function newDatabase(prefix: string): { name: string; url: string } {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** A new, empty database; `work` gets its URL; dropped afterwards, whatever happens. */
export async function freshPostgres<T>(
  prefix: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const { name, url } = newDatabase(prefix);
  await onServer(`CREATE DATABASE "${name}"`);
  try {
    return await work(url);
  } finally {
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
