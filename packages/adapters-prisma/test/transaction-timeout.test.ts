import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaStore } from '../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';

// A transaction whose own work runs past the store's timeout is not run
// again: it would take the whole timeout once more on every attempt (6 × 15 s
// with the defaults) and fail the same way. Retries are for conflicts.

describe('a transaction that runs past its timeout', () => {
  let db: TestDatabase;
  let client: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    client = db.connect();
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  it('fails once, with Prisma’s timeout error, and its work ran once', async () => {
    const store = prismaStore(client, { transactionTimeoutMs: 150, maxAttempts: 4 });
    let runs = 0;
    const started = Date.now();
    const failure = await store
      .transaction(async (tx) => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 400));
        return tx.organizations.get('org_none');
      })
      .catch((error: unknown) => error);
    expect(runs).toBe(1);
    expect(failure).toMatchObject({ code: 'P2028', meta: { timeout: 150 } });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
