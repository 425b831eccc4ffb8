import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaPg } from '@prisma/adapter-pg';
import type { RosterkitProvider } from '../../src/index.js';
import { PrismaClient as MysqlClient } from '../generated/mysql/client/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client/client.js';

// A worker's own client (its own pool) on the database the parent created.
// Not ../support/databases.ts: that module imports the SQL migrations as
// text, which only vitest's plugin can load, and the workers run under tsx.

/** The same defaults as ../support/databases.ts. */
const urls = {
  postgresql: process.env.ROSTERKIT_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test',
  mysql: process.env.ROSTERKIT_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test',
};

export type RaceClient = PostgresClient;

/** A new client with a pool of `poolSize` connections to `database`. */
export function connectRaceClient(
  provider: RosterkitProvider,
  database: string,
  poolSize: number,
): RaceClient {
  if (provider === 'sqlite') throw new Error('The race runs on PostgreSQL and MariaDB only');
  const url = new URL(urls[provider]);
  url.pathname = `/${database}`;
  if (provider === 'postgresql') {
    return new PostgresClient({
      adapter: new PrismaPg({ connectionString: url.toString(), max: poolSize }),
    });
  }
  return new MysqlClient({
    adapter: new PrismaMariaDb({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database,
      connectionLimit: poolSize,
    }),
  }) as unknown as RaceClient;
}
