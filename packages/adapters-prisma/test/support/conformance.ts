import { runStoreConformance, type StoreConformanceOptions } from '@rosterkit/conformance';
import type { Store } from '@rosterkit/core';
import { afterAll } from 'vitest';
import { type PrismaStoreOptions, prismaStore, type RosterkitProvider } from '../../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './databases.js';
import { sqlRawReaders } from './raw-readers.js';

/** How a test file changes the store it proves (to show that the suite catches a broken one). */
export interface ConformanceHarness {
  /** Shown in the suite's name. */
  readonly label?: string;
  /** The client the store is given, in place of the database's own. */
  readonly client?: (client: TestClient) => TestClient;
  /** The store the suite runs, in place of the Prisma store. */
  readonly store?: (store: Store) => Store;
  /** Passed to `runStoreConformance` as they are. */
  readonly options?: Pick<StoreConformanceOptions<Store>, 'only' | 'failing'>;
}

/**
 * Registers the whole conformance suite on `provider`: one database for the
 * file, emptied before every test, with every statement the client sends
 * counted for the batch-write tests.
 */
export function runConformance(
  provider: RosterkitProvider,
  options: PrismaStoreOptions = {},
  harness: ConformanceHarness = {},
): void {
  let statements = 0;
  let database: Promise<{ db: TestDatabase; client: TestClient }> | undefined;
  const open = () => {
    database ??= createTestDatabase(provider).then((db) => ({
      db,
      client: db.connect(() => {
        statements += 1;
      }),
    }));
    return database;
  };

  afterAll(async () => {
    if (database === undefined) return;
    const { db, client } = await database;
    await client.$disconnect();
    await db.drop();
  });

  let current: TestClient | undefined;
  const label = [provider, options.batchInserts, harness.label].filter(Boolean).join(', ');
  runStoreConformance(
    `prisma (${label})`,
    async () => {
      const { db, client } = await open();
      await db.clear(client);
      current = client;
      const store = prismaStore(harness.client?.(client) ?? client, options);
      return harness.store?.(store) ?? store;
    },
    {
      raw: () => {
        if (current === undefined) throw new Error('makeStore has not run');
        return sqlRawReaders(current, provider);
      },
      statements: () => statements,
      ...harness.options,
    },
  );
}
