// One fresh database per provider (prefix i18_), with rosterkit's migrations
// applied, a Prisma store on it, and a bare driver connection for the
// hand-written baseline.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations, prismaStore } from '@rosterkit/adapter-prisma';
import type { Store } from '@rosterkit/core';
import Database from 'better-sqlite3';
import mariadb from 'mariadb';
import pg from 'pg';
import { PrismaClient as MysqlClient } from '../generated/mysql/client/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client/client.js';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client/client.js';
import { newDatabase, onServer } from '../support/postgres.js';
import type { PageResult } from './main.js';
import type { Dialect, PageStatements, Statement } from './sql-baseline.js';

/** A database with rosterkit's tables, its store and a bare connection. */
export interface SqlTarget {
  readonly title: string;
  readonly store: Store;
  /** Refreshes the planner's statistics after seeding. */
  analyze(): Promise<void>;
  /** The names of the trigram (GIN pg_trgm) indexes; empty elsewhere. */
  trigramIndexes(): Promise<string[]>;
  /** Runs a page's three statements through the bare driver. */
  page(statements: PageStatements, limit: number): Promise<PageResult>;
  /** Runs `work` in a transaction in which `indexes` are dropped, then rolls it back. */
  withoutIndexes(indexes: readonly string[], work: () => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

const mariadbUrl = process.env.ROSTERKIT_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';

type Query = (s: Statement) => Promise<Record<string, unknown>[]>;

async function threeStatements(
  query: Query,
  s: PageStatements,
  limit: number,
): Promise<PageResult> {
  const [count] = await query(s.count);
  const rows = await query(s.page);
  const ids = rows.slice(0, limit).map((row) => row.id as string);
  await query(s.memberships(ids));
  return { ids, total: Number(count?.total ?? 0) };
}

/** Connects to a new database of `dialect`. */
export async function connectSql(dialect: Dialect): Promise<SqlTarget> {
  switch (dialect) {
    case 'postgresql': {
      const { name, url } = newDatabase('i18_lists');
      await onServer(`CREATE DATABASE "${name}"`);
      const prisma = new PostgresClient({
        adapter: new PrismaPg({ connectionString: url, max: 4 }),
      });
      await applyMigrations(prisma, { provider: 'postgresql' });
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const client = await pool.connect();
      const query: Query = async (s) => (await client.query(s.sql, s.values)).rows;
      return {
        title: 'PostgreSQL (Prisma 7, @prisma/adapter-pg; baseline through pg)',
        store: prismaStore(prisma),
        // VACUUM also merges the GIN pending lists, as autovacuum does on a live database.
        analyze: async () => void (await client.query('VACUUM ANALYZE')),
        trigramIndexes: async () =>
          (
            await client.query<{ indexname: string }>(
              `SELECT indexname FROM pg_indexes WHERE tablename = 'rosterkit_accounts' AND indexdef LIKE '%gin_trgm_ops%'`,
            )
          ).rows.map((row) => row.indexname),
        page: (s, limit) => threeStatements(query, s, limit),
        async withoutIndexes(indexes, work) {
          await client.query('BEGIN');
          try {
            for (const index of indexes) await client.query(`DROP INDEX "${index}"`);
            await work();
          } finally {
            await client.query('ROLLBACK');
          }
        },
        async close() {
          client.release();
          await pool.end();
          await prisma.$disconnect();
          await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      };
    }
    case 'mysql': {
      const name = `i18_lists_${randomBytes(5).toString('hex')}`;
      const url = new URL(mariadbUrl);
      const options = {
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      };
      const admin = await mariadb.createConnection(options);
      await admin.query(`CREATE DATABASE \`${name}\``);
      const prisma = new MysqlClient({
        adapter: new PrismaMariaDb({ ...options, database: name, connectionLimit: 4 }),
      });
      await applyMigrations(prisma as unknown as PostgresClient, { provider: 'mysql' });
      const connection = await mariadb.createConnection({ ...options, database: name });
      const query: Query = async (s) =>
        (await connection.query(s.sql, s.values)) as Record<string, unknown>[];
      return {
        title: 'MariaDB (Prisma 7, @prisma/adapter-mariadb; baseline through mariadb)',
        store: prismaStore(prisma as unknown as PostgresClient),
        analyze: async () =>
          void (await connection.query('ANALYZE TABLE rosterkit_accounts, rosterkit_memberships')),
        trigramIndexes: async () => [],
        page: (s, limit) => threeStatements(query, s, limit),
        withoutIndexes: async (_, work) => void (await work()),
        async close() {
          await connection.end();
          await prisma.$disconnect();
          await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
          await admin.end();
        },
      };
    }
    case 'sqlite': {
      const file = join(tmpdir(), `i18_lists_${randomBytes(5).toString('hex')}.db`);
      const prisma = new SqliteClient({
        adapter: new PrismaBetterSqlite3({ url: `file:${file}` }),
      });
      await applyMigrations(prisma as unknown as PostgresClient, { provider: 'sqlite' });
      const db = new Database(file);
      const query: Query = async (s) =>
        db.prepare(s.sql).all(...(s.values as unknown[])) as Record<string, unknown>[];
      return {
        title: 'SQLite (Prisma 7, @prisma/adapter-better-sqlite3; baseline through better-sqlite3)',
        store: prismaStore(prisma as unknown as PostgresClient),
        analyze: async () => void db.exec('ANALYZE'),
        trigramIndexes: async () => [],
        page: (s, limit) => threeStatements(query, s, limit),
        withoutIndexes: async (_, work) => void (await work()),
        async close() {
          db.close();
          await prisma.$disconnect();
          for (const suffix of ['', '-wal', '-shm', '-journal'])
            rmSync(`${file}${suffix}`, { force: true });
        },
      };
    }
  }
}
