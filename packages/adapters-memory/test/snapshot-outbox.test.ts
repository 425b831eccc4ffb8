import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rosterkit-memory-outbox-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A snapshot file (format version 1) holding only these outbox rows. */
function writeSnapshot(file: string, outbox: readonly object[]): void {
  const tables = ['organizations', 'accounts', 'spaces', 'memberships', 'groups', 'invitations'];
  const snapshot: Record<string, unknown> = {
    format: 'rosterkit-memory-store',
    version: 1,
    auditEvents: [],
    outbox,
  };
  for (const table of tables) snapshot[table] = [];
  writeFileSync(file, JSON.stringify(snapshot));
}

describe('memoryStore snapshot outbox rows', () => {
  it('reads rows written before the delivery schedule as due since created, no error, not dead', async () => {
    const file = join(dir, 'roster.json');
    const old = (id: string, deliveredAt: string | null, attempts: number) => ({
      id,
      orgId: 'org_1',
      topic: 'sessions.revoke',
      payload: { accountId: 'acc_1' },
      createdAt: '2026-01-15T09:30:00.000Z',
      deliveredAt,
      attempts,
    });
    writeSnapshot(file, [old('out_1', null, 3), old('out_2', '2026-01-15T10:00:00.000Z', 0)]);
    const store = memoryStore({ file });
    const created = new Date('2026-01-15T09:30:00.000Z');
    expect(
      store
        .inspect()
        .outbox()
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    ).toEqual([
      {
        ...old('out_1', null, 3),
        createdAt: created,
        nextAttemptAt: created,
        lastError: null,
        deadAt: null,
        leaseId: null,
      },
      {
        ...old('out_2', null, 0),
        createdAt: created,
        deliveredAt: new Date('2026-01-15T10:00:00.000Z'),
        nextAttemptAt: created,
        lastError: null,
        deadAt: null,
        leaseId: null,
      },
    ]);
    const due = await store.transaction((tx) => tx.outbox.listDue(created, 10));
    expect(due.map((message) => message.id)).toEqual(['out_1']);
    // Rows written before leases hold none, and can be claimed.
    const claimed = await store.transaction((tx) =>
      tx.outbox.claim({
        now: created,
        limit: 10,
        leaseId: 'lease_1',
        until: new Date(created.getTime() + 1000),
        maxAttempts: 10,
        interruptedError: 'Interrupted',
      }),
    );
    expect(claimed.map((message) => message.id)).toEqual(['out_1']);
  });

  it('still refuses a row with a bad schedule', () => {
    const file = join(dir, 'roster.json');
    writeSnapshot(file, [
      {
        id: 'out_1',
        orgId: 'org_1',
        topic: 'sessions.revoke',
        payload: {},
        createdAt: '2026-01-15T09:30:00.000Z',
        deliveredAt: null,
        attempts: 0,
        nextAttemptAt: 'soon',
        lastError: null,
        deadAt: null,
      },
    ]);
    expect(() => memoryStore({ file })).toThrow(/nextAttemptAt/);
  });
});
