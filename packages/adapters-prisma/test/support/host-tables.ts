import type { RosterkitProvider } from '../../src/index.js';
import type { TestClient } from './databases.js';

// The tables of the host's own models (host.prisma), created as a host's
// migrations would, beside rosterkit's.

const ddl: Record<RosterkitProvider, readonly string[]> = {
  postgresql: [
    'CREATE TABLE "host_contacts" ("id" TEXT PRIMARY KEY, "ownerId" TEXT)',
    'CREATE TABLE "host_handovers" ("id" TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "reason" TEXT NOT NULL, "toId" TEXT)',
  ],
  mysql: [
    'CREATE TABLE `host_contacts` (`id` VARCHAR(191) PRIMARY KEY, `ownerId` VARCHAR(191) NULL)',
    'CREATE TABLE `host_handovers` (`id` VARCHAR(191) PRIMARY KEY, `accountId` VARCHAR(191) NOT NULL, `reason` VARCHAR(32) NOT NULL, `toId` VARCHAR(191) NULL)',
  ],
  sqlite: [
    'CREATE TABLE "host_contacts" ("id" TEXT NOT NULL PRIMARY KEY, "ownerId" TEXT)',
    'CREATE TABLE "host_handovers" ("id" TEXT NOT NULL PRIMARY KEY, "accountId" TEXT NOT NULL, "reason" TEXT NOT NULL, "toId" TEXT)',
  ],
};

/** Creates the host's tables in the test database. */
export async function createHostTables(
  client: TestClient,
  provider: RosterkitProvider,
): Promise<void> {
  for (const statement of ddl[provider]) await client.$executeRawUnsafe(statement);
}
