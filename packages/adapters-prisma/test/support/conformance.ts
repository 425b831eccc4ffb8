import { runStoreConformance } from '@rosterkit/conformance';
import { afterAll } from 'vitest';
import { type PrismaStoreOptions, prismaStore, type RosterkitProvider } from '../../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './databases.js';
import { sqlRawReaders } from './raw-readers.js';

/**
 * Registers the whole conformance suite on `provider`: one database for the
 * file, emptied before every test.
 */
export function runConformance(
  provider: RosterkitProvider,
  options: PrismaStoreOptions = {},
): void {
  let database: Promise<{ db: TestDatabase; client: TestClient }> | undefined;
  const open = () => {
    database ??= createTestDatabase(provider).then((db) => ({ db, client: db.connect() }));
    return database;
  };

  afterAll(async () => {
    if (database === undefined) return;
    const { db, client } = await database;
    await client.$disconnect();
    await db.drop();
  });

  let current: TestClient | undefined;
  runStoreConformance(
    `prisma (${provider}${options.batchInserts ? `, ${options.batchInserts}` : ''})`,
    async () => {
      const { db, client } = await open();
      await db.clear(client);
      current = client;
      return prismaStore(client, options);
    },
    {
      raw: () => {
        if (current === undefined) throw new Error('makeStore has not run');
        return sqlRawReaders(current, provider);
      },
    },
  );
}
