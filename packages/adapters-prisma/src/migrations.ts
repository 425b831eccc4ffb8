import { RosterError } from '@rosterkit/core';
import mysqlInit from '../migrations/mysql/20261123000000_rosterkit_init/migration.sql';
import mysqlLiteralSearch from '../migrations/mysql/20261124120000_rosterkit_literal_search/migration.sql';
import mysqlOutboxBackoff from '../migrations/mysql/20261202000000_rosterkit_outbox_backoff/migration.sql';
import mysqlInvitations from '../migrations/mysql/20261203000000_rosterkit_invitations_and_structure/migration.sql';
import mysqlExternalIdSeats from '../migrations/mysql/20261203010000_rosterkit_accounts_external_id_seats/migration.sql';
import mysqlStoredRoles from '../migrations/mysql/20261203020000_rosterkit_stored_roles/migration.sql';
import mysqlOutboxLeases from '../migrations/mysql/20261203030000_rosterkit_outbox_leases/migration.sql';
import mysqlSearchTrigram from '../migrations/mysql/20261203040000_rosterkit_search_trigram/migration.sql';
import mysqlProvisioning from '../migrations/mysql/20261204000000_rosterkit_provisioning/migration.sql';
import mysqlGroupMembers from '../migrations/mysql/20261205000000_rosterkit_provisioning_group_members/migration.sql';
import postgresqlInit from '../migrations/postgresql/20261123000000_rosterkit_init/migration.sql';
import postgresqlLiteralSearch from '../migrations/postgresql/20261124120000_rosterkit_literal_search/migration.sql';
import postgresqlOutboxBackoff from '../migrations/postgresql/20261202000000_rosterkit_outbox_backoff/migration.sql';
import postgresqlInvitations from '../migrations/postgresql/20261203000000_rosterkit_invitations_and_structure/migration.sql';
import postgresqlExternalIdSeats from '../migrations/postgresql/20261203010000_rosterkit_accounts_external_id_seats/migration.sql';
import postgresqlStoredRoles from '../migrations/postgresql/20261203020000_rosterkit_stored_roles/migration.sql';
import postgresqlOutboxLeases from '../migrations/postgresql/20261203030000_rosterkit_outbox_leases/migration.sql';
import postgresqlSearchTrigram from '../migrations/postgresql/20261203040000_rosterkit_search_trigram/migration.sql';
import postgresqlProvisioning from '../migrations/postgresql/20261204000000_rosterkit_provisioning/migration.sql';
import postgresqlGroupMembers from '../migrations/postgresql/20261205000000_rosterkit_provisioning_group_members/migration.sql';
import sqliteInit from '../migrations/sqlite/20261123000000_rosterkit_init/migration.sql';
import sqliteLiteralSearch from '../migrations/sqlite/20261124120000_rosterkit_literal_search/migration.sql';
import sqliteOutboxBackoff from '../migrations/sqlite/20261202000000_rosterkit_outbox_backoff/migration.sql';
import sqliteInvitations from '../migrations/sqlite/20261203000000_rosterkit_invitations_and_structure/migration.sql';
import sqliteExternalIdSeats from '../migrations/sqlite/20261203010000_rosterkit_accounts_external_id_seats/migration.sql';
import sqliteStoredRoles from '../migrations/sqlite/20261203020000_rosterkit_stored_roles/migration.sql';
import sqliteOutboxLeases from '../migrations/sqlite/20261203030000_rosterkit_outbox_leases/migration.sql';
import sqliteSearchTrigram from '../migrations/sqlite/20261203040000_rosterkit_search_trigram/migration.sql';
import sqliteProvisioning from '../migrations/sqlite/20261204000000_rosterkit_provisioning/migration.sql';
import sqliteGroupMembers from '../migrations/sqlite/20261205000000_rosterkit_provisioning_group_members/migration.sql';

/** The database families rosterkit ships migrations for. MariaDB uses `mysql`. */
export type RosterkitProvider = 'postgresql' | 'mysql' | 'sqlite';

/** One migration: a folder of `migrations/<provider>/` in the package. */
export interface RosterkitMigration {
  /** The folder name, e.g. `20261123000000_rosterkit_init`: applied in this order. */
  readonly name: string;
  /** The SQL of `migration.sql`. */
  readonly sql: string;
}

// Every provider has the same migrations, by the same names. Shipped ones are
// never edited: hosts have applied them; a change is a new migration.
const init = '20261123000000_rosterkit_init';
// Outbox back-off and dead messages: nextAttemptAt, lastError, deadAt.
const literalSearch = '20261124120000_rosterkit_literal_search';
const outboxBackoff = '20261202000000_rosterkit_outbox_backoff';
// Invitations carry restrictions (restrictionsJson) and are listed (two indexes).
const invitationsAndStructure = '20261203000000_rosterkit_invitations_and_structure';
// The roles an organization stores at run time: rosterkit_roles.
const storedRoles = '20261203020000_rosterkit_stored_roles';
// Accounts' externalId (unique per organization) and the pending invitations' index.
const externalIdSeats = '20261203010000_rosterkit_accounts_external_id_seats';
// Outbox leases: leaseId (the lease's end is nextAttemptAt).
const outboxLeases = '20261203030000_rosterkit_outbox_leases';
// PostgreSQL: pg_trgm GIN indexes on the search keys (nothing elsewhere).
const searchTrigram = '20261203040000_rosterkit_search_trigram';
// SCIM provisioning: rosterkit_provisioning_connections and rosterkit_provisioning_links.
const provisioning = '20261204000000_rosterkit_provisioning';
// SCIM group members: rosterkit_provisioning_group_members; links' externalId index no longer unique.
const groupMembers = '20261205000000_rosterkit_provisioning_group_members';

/**
 * rosterkit's SQL migrations for each provider, oldest first: the same text
 * as the files in the package's `migrations/<provider>/` folders, which are
 * laid out as Prisma Migrate expects (copy them into your own `migrations`
 * folder if you run `prisma migrate`).
 */
export const rosterkitMigrations: Readonly<
  Record<RosterkitProvider, readonly RosterkitMigration[]>
> = Object.freeze({
  postgresql: [
    { name: init, sql: postgresqlInit },
    { name: literalSearch, sql: postgresqlLiteralSearch },
    { name: outboxBackoff, sql: postgresqlOutboxBackoff },
    { name: invitationsAndStructure, sql: postgresqlInvitations },
    { name: externalIdSeats, sql: postgresqlExternalIdSeats },
    { name: storedRoles, sql: postgresqlStoredRoles },
    { name: outboxLeases, sql: postgresqlOutboxLeases },
    { name: searchTrigram, sql: postgresqlSearchTrigram },
    { name: provisioning, sql: postgresqlProvisioning },
    { name: groupMembers, sql: postgresqlGroupMembers },
  ],
  mysql: [
    { name: init, sql: mysqlInit },
    { name: literalSearch, sql: mysqlLiteralSearch },
    { name: outboxBackoff, sql: mysqlOutboxBackoff },
    { name: invitationsAndStructure, sql: mysqlInvitations },
    { name: externalIdSeats, sql: mysqlExternalIdSeats },
    { name: storedRoles, sql: mysqlStoredRoles },
    { name: outboxLeases, sql: mysqlOutboxLeases },
    { name: searchTrigram, sql: mysqlSearchTrigram },
    { name: provisioning, sql: mysqlProvisioning },
    { name: groupMembers, sql: mysqlGroupMembers },
  ],
  sqlite: [
    { name: init, sql: sqliteInit },
    { name: literalSearch, sql: sqliteLiteralSearch },
    { name: outboxBackoff, sql: sqliteOutboxBackoff },
    { name: invitationsAndStructure, sql: sqliteInvitations },
    { name: externalIdSeats, sql: sqliteExternalIdSeats },
    { name: storedRoles, sql: sqliteStoredRoles },
    { name: outboxLeases, sql: sqliteOutboxLeases },
    { name: searchTrigram, sql: sqliteSearchTrigram },
    { name: provisioning, sql: sqliteProvisioning },
    { name: groupMembers, sql: sqliteGroupMembers },
  ],
});

/** The client calls {@link applyMigrations} makes: raw SQL only. */
export interface MigrationClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe(query: string, ...values: unknown[]): PromiseLike<unknown>;
}

/** Options of {@link applyMigrations}. */
export interface ApplyMigrationsOptions {
  /** The database behind the client. */
  readonly provider: RosterkitProvider;
}

/** What {@link applyMigrations} did. */
export interface ApplyMigrationsResult {
  /** The migrations it ran now, in order. */
  readonly applied: readonly string[];
  /** The migrations found already applied. */
  readonly skipped: readonly string[];
}

const ledger = 'rosterkit_migrations';

/**
 * The statements of a migration's SQL. They are separated by a semicolon at
 * the end of a line; the files hold plain DDL and updates (no functions or
 * triggers), so that split is exact.
 *
 * @internal
 */
export function migrationStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((part) =>
      part
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((part) => part !== '');
}

function quote(provider: RosterkitProvider, name: string): string {
  return provider === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

/**
 * Creates rosterkit's tables, for hosts that do not run `prisma migrate`:
 * runs each migration of {@link rosterkitMigrations} not yet recorded in the
 * table `rosterkit_migrations` (which it creates), in order, and records it.
 * Running it again applies only what is new. Run it once per deployment,
 * not from several processes at the same time.
 *
 * @param client - your PrismaClient (any client with `$executeRawUnsafe` and `$queryRawUnsafe`).
 * @param options - the provider of its database.
 * @returns which migrations ran and which were already there.
 * @throws `INVALID_INPUT` for an unknown provider.
 *
 * @example
 * ```ts
 * import { applyMigrations } from '@rosterkit/adapter-prisma';
 *
 * await applyMigrations(prisma, { provider: 'postgresql' });
 * ```
 */
export async function applyMigrations(
  client: MigrationClient,
  options: ApplyMigrationsOptions,
): Promise<ApplyMigrationsResult> {
  const { provider } = options;
  const migrations = Object.hasOwn(rosterkitMigrations, provider)
    ? rosterkitMigrations[provider]
    : undefined;
  if (migrations === undefined) {
    throw new RosterError('INVALID_INPUT', `Unknown provider "${String(provider)}".`, {
      issues: [{ path: ['provider'], message: 'Must be postgresql, mysql or sqlite' }],
    });
  }
  return applyMigrationList(client, provider, migrations);
}

/**
 * Runs those of `migrations` not yet in the ledger, in order: the work of
 * {@link applyMigrations}, on a list of the test's choosing (the upgrade
 * test stops at an older migration first).
 *
 * @internal
 */
export async function applyMigrationList(
  client: MigrationClient,
  provider: RosterkitProvider,
  migrations: readonly RosterkitMigration[],
): Promise<ApplyMigrationsResult> {
  const table = quote(provider, ledger);
  const name = quote(provider, 'name');
  const appliedAt = quote(provider, 'appliedAt');
  const timestamp =
    provider === 'mysql' ? 'DATETIME(3)' : provider === 'sqlite' ? 'DATETIME' : 'TIMESTAMP(3)';
  await client.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS ${table} (${name} VARCHAR(200) NOT NULL PRIMARY KEY, ${appliedAt} ${timestamp} NOT NULL)`,
  );
  const rows = (await client.$queryRawUnsafe(`SELECT ${name} AS name FROM ${table}`)) as {
    name: string;
  }[];
  const done = new Set(rows.map((row) => row.name));
  const applied: string[] = [];
  const skipped: string[] = [];
  const placeholder = provider === 'postgresql' ? '$1' : '?';
  for (const migration of migrations) {
    if (done.has(migration.name)) {
      skipped.push(migration.name);
      continue;
    }
    for (const statement of migrationStatements(migration.sql))
      await client.$executeRawUnsafe(statement);
    await client.$executeRawUnsafe(
      `INSERT INTO ${table} (${name}, ${appliedAt}) VALUES (${placeholder}, CURRENT_TIMESTAMP)`,
      migration.name,
    );
    applied.push(migration.name);
  }
  return { applied, skipped };
}
