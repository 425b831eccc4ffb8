import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaPg } from '@prisma/adapter-pg';
import mariadb from 'mariadb';
import pg from 'pg';
import { applyMigrations, type RosterkitProvider } from '../../src/index.js';
import { PrismaClient as MysqlClient } from '../generated/mysql/client/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client/client.js';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client/client.js';

/** The servers of this machine (CI requires them; the URLs can be overridden). */
export const postgresUrl =
  process.env.ROSTERKIT_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const mariadbUrl = process.env.ROSTERKIT_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A client generated from the fragment, for any provider (their APIs are the same). */
export type TestClient = PostgresClient;

/** A driver adapter of one of the three providers. */
export type TestAdapter = PrismaPg | PrismaMariaDb | PrismaBetterSqlite3;

/** The client option that makes Prisma emit an event per statement. */
interface PrismaLog {
  readonly log: { emit: 'event'; level: 'query' }[];
}

/** One empty database with rosterkit's tables, private to one test file or process. */
export interface TestDatabase {
  readonly provider: RosterkitProvider;
  readonly name: string;
  /**
   * Connects a new client (its own pool) to the database; `onStatement`, when
   * given, is called for every statement the client sends (Prisma's query
   * events), as the round-trip tests and the conformance suite count them.
   */
  connect(onStatement?: () => void): TestClient;
  /** A new driver adapter for the database, to build a client with other options. */
  adapter(): TestAdapter;
  /** Deletes every row, keeping the tables. */
  clear(client: TestClient): Promise<void>;
  /** Drops the database. */
  drop(): Promise<void>;
}

export const tables = [
  'rosterkit_organizations',
  'rosterkit_accounts',
  'rosterkit_spaces',
  'rosterkit_memberships',
  'rosterkit_membership_groups',
  'rosterkit_groups',
  'rosterkit_invitations',
  'rosterkit_audit_events',
  'rosterkit_outbox_messages',
  'rosterkit_roles',
  'rosterkit_provisioning_connections',
  'rosterkit_provisioning_links',
  'rosterkit_provisioning_group_members',
] as const;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function adminMariadb(sql: string): Promise<void> {
  const url = new URL(mariadbUrl);
  const connection = await mariadb.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/**
 * Creates a fresh database on `provider` (a new PostgreSQL or MariaDB
 * database, or a new SQLite file) and applies rosterkit's migrations to it
 * with {@link applyMigrations}, unless `migrate` is `false`.
 */
export async function createTestDatabase(
  provider: RosterkitProvider,
  options: {
    poolSize?: number;
    /** `false`: leave the database empty. */
    migrate?: boolean;
    /** The database name's prefix (a test's own, so parallel runs can tell them apart). */
    prefix?: string;
  } = {},
): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'rk'}_${randomBytes(6).toString('hex')}`;
  let adapter: () => TestAdapter;
  let connect: (log?: PrismaLog) => TestClient;
  let drop: () => Promise<void>;
  let quote: (table: string) => string;
  switch (provider) {
    case 'postgresql': {
      await adminPostgres(`CREATE DATABASE "${name}"`);
      const connectionString = withDatabase(postgresUrl, name);
      adapter = () => new PrismaPg({ connectionString, max: options.poolSize ?? 10 });
      connect = (log) => new PostgresClient({ adapter: adapter() as PrismaPg, ...log });
      drop = () => adminPostgres(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      quote = (table) => `"${table}"`;
      break;
    }
    case 'mysql': {
      await adminMariadb(`CREATE DATABASE \`${name}\``);
      const url = new URL(withDatabase(mariadbUrl, name));
      adapter = () =>
        new PrismaMariaDb({
          host: url.hostname,
          port: Number(url.port || 3306),
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
          database: name,
          connectionLimit: options.poolSize ?? 10,
        });
      connect = (log) =>
        new MysqlClient({ adapter: adapter() as PrismaMariaDb, ...log }) as unknown as TestClient;
      drop = () => adminMariadb(`DROP DATABASE IF EXISTS \`${name}\``);
      quote = (table) => `\`${table}\``;
      break;
    }
    case 'sqlite': {
      const file = join(tmpdir(), `${name}.db`);
      adapter = () => new PrismaBetterSqlite3({ url: `file:${file}` });
      connect = (log) =>
        new SqliteClient({
          adapter: adapter() as PrismaBetterSqlite3,
          ...log,
        }) as unknown as TestClient;
      drop = async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          rmSync(`${file}${suffix}`, { force: true });
      };
      quote = (table) => `"${table}"`;
      break;
    }
  }
  if (options.migrate !== false) {
    const setup = connect();
    try {
      await applyMigrations(setup, { provider });
    } finally {
      await setup.$disconnect();
    }
  }
  return {
    provider,
    name,
    connect(onStatement) {
      if (onStatement === undefined) return connect();
      const client = connect({ log: [{ emit: 'event', level: 'query' }] });
      (client as unknown as { $on(event: 'query', listener: () => void): void }).$on(
        'query',
        onStatement,
      );
      return client;
    },
    adapter: () => adapter(),
    async clear(client) {
      for (const table of tables) await client.$executeRawUnsafe(`DELETE FROM ${quote(table)}`);
    },
    drop,
  };
}
