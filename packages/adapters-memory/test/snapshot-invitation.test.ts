import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rosterkit-memory-invitation-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A snapshot file (format version 1) holding only these invitation rows. */
function writeSnapshot(file: string, invitations: readonly object[]): void {
  const tables = ['organizations', 'accounts', 'spaces', 'memberships', 'groups', 'auditEvents'];
  const snapshot: Record<string, unknown> = {
    format: 'rosterkit-memory-store',
    version: 1,
    outbox: [],
    invitations,
  };
  for (const table of tables) snapshot[table] = [];
  writeFileSync(file, JSON.stringify(snapshot));
}

const old = {
  id: 'inv_1',
  orgId: 'org_1',
  accountId: 'acc_1',
  spaceId: 'spc_1',
  email: 'bo@acme.io',
  role: 'agent',
  groupIds: [],
  managerId: null,
  invitedBy: 'acc_0',
  tokenHash: 'a'.repeat(64),
  status: 'pending',
  expiresAt: '2026-01-22T09:30:00.000Z',
  createdAt: '2026-01-15T09:30:00.000Z',
  version: 1,
};

describe('memoryStore snapshot invitation rows', () => {
  it('reads rows written before invitations had restrictions as having none', async () => {
    const file = join(dir, 'roster.json');
    writeSnapshot(file, [old]);
    const store = memoryStore({ file });
    expect(store.inspect().invitation('org_1', 'inv_1')).toEqual({
      ...old,
      restrictions: [],
      expiresAt: new Date(old.expiresAt),
      createdAt: new Date(old.createdAt),
    });
    await store.close();
  });

  it('keeps the restrictions a row has, and still refuses bad ones', async () => {
    const file = join(dir, 'roster.json');
    writeSnapshot(file, [{ ...old, restrictions: ['no-export'] }]);
    const store = memoryStore({ file });
    expect(store.inspect().invitation('org_1', 'inv_1')?.restrictions).toEqual(['no-export']);
    await store.close();
    writeSnapshot(file, [{ ...old, restrictions: [''] }]);
    expect(() => memoryStore({ file })).toThrow(/restrictions/);
  });
});
