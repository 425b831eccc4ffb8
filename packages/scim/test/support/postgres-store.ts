import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations, prismaStore } from '@rosterkit/adapter-prisma';
import type { Store } from '@rosterkit/core';
import pg from 'pg';
import { PrismaClient } from '../generated/postgresql/client/client.js';

/** The PostgreSQL server of this machine (CI requires it; the URL can be overridden). */
export const postgresUrl =
  process.env.ROSTERKIT_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A Prisma store on a new PostgreSQL database with rosterkit's migrations applied; `drop` removes it. */
export async function postgresStore(): Promise<{ store: Store; drop(): Promise<void> }> {
  const name = `rosterkit_scim_${randomBytes(5).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  await applyMigrations(client, { provider: 'postgresql' });
  return {
    store: prismaStore(client),
    async drop() {
      await client.$disconnect();
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
