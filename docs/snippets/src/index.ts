// An adapter author's package, as "Writing a storage adapter" imports it
// (`../src/index.js`): the store's factory, its schema and its tables. So that
// the guide's harness runs in rosterkit's own docs check as written, the
// "author's store" here is rosterkit's Prisma store on the harness's database,
// the schema its shipped migrations, and the tables its own.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { prismaStore, rosterkitMigrations } from '@rosterkit/adapter-prisma';
import type { Store } from '@rosterkit/core';
import { PrismaClient as PostgresClient } from '../generated/.prisma/postgresql/client/client.js';
import { PrismaClient as SqliteClient } from '../generated/.prisma/sqlite/client/client.js';

/** The SQL scripts that create the store's tables, by provider. */
export const schema = {
  sqlite: rosterkitMigrations.sqlite.map((migration) => migration.sql),
  postgresql: rosterkitMigrations.postgresql.map((migration) => migration.sql),
};

/** Every table of the store. */
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

/** Where the store connects. */
export type StoreLocation = { readonly sqlite: string } | { readonly postgresql: string };

/** The author's store: it connects to `location` and reports each statement it sends. */
export function myStore(
  location: StoreLocation,
  options: { readonly onStatement?: () => void } = {},
): Store & { close(): Promise<void> } {
  const log = [{ emit: 'event' as const, level: 'query' as const }];
  const count = () => options.onStatement?.();
  if ('sqlite' in location) {
    const client = new SqliteClient({
      adapter: new PrismaBetterSqlite3({ url: `file:${location.sqlite}` }),
      log,
    });
    client.$on('query', count);
    const store = prismaStore(client);
    return { transaction: (work) => store.transaction(work), close: () => client.$disconnect() };
  }
  const client = new PostgresClient({
    adapter: new PrismaPg({ connectionString: location.postgresql }),
    log,
  });
  client.$on('query', count);
  const store = prismaStore(client);
  return { transaction: (work) => store.transaction(work), close: () => client.$disconnect() };
}
