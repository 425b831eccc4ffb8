import {
  buildAccount,
  buildInvitation,
  buildOrganization,
  buildOutboxMessage,
} from '@rosterkit/conformance';
import { RosterError } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index.js';

const never = () => new Promise<never>(() => {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// How a promise ends within `ms`: its value, its error, or still pending.
async function within<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ value: T } | { error: unknown } | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      pending,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('memoryStore transaction timeout', () => {
  it('ends a transaction whose work never settles with CONFLICT (reason timeout), and the store goes on', async () => {
    const store = memoryStore({ transactionTimeoutMs: 50 });
    const hung = store.transaction(async (tx) => {
      await tx.accounts.get('org_a', 'acc_1');
      return never();
    });
    const outcome = await within(hung, 1000);
    expect(outcome).not.toBe('pending');
    const error = (outcome as { error: unknown }).error;
    expect(RosterError.isInstance(error, 'CONFLICT')).toBe(true);
    expect((error as RosterError<'CONFLICT'>).details).toEqual({
      subject: 'Transaction',
      reason: 'timeout',
    });
    expect((error as Error).message).toMatch(/50 ms/);
    // The same organization is usable again.
    const ana = buildAccount({ orgId: 'org_a' });
    const next = await within(
      store.transaction((tx) => tx.accounts.insert(ana)),
      1000,
    );
    expect(next).toEqual({ value: ana });
  });

  it('never commits the writes of a timed-out transaction, even when its work resolves later', async () => {
    const store = memoryStore({ transactionTimeoutMs: 30 });
    const ana = buildAccount({ orgId: 'org_a' });
    let release: () => void = () => {};
    const late = store.transaction(async (tx) => {
      await tx.accounts.insert(ana);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return 'finished';
    });
    const outcome = await within(late, 1000);
    expect(outcome).not.toBe('pending');
    expect(RosterError.isInstance((outcome as { error: unknown }).error, 'CONFLICT')).toBe(true);
    release();
    await sleep(20);
    expect(store.inspect().account('org_a', ana.id)).toBeUndefined();
    expect(
      await store.transaction((tx) => tx.accounts.findByEmail('org_a', ana.email)),
    ).toBeUndefined();
  });

  it('refuses writes through the transaction of work that timed out', async () => {
    const store = memoryStore({ transactionTimeoutMs: 30 });
    const ana = buildAccount({ orgId: 'org_a' });
    let afterTimeout: Promise<unknown> = Promise.resolve();
    const late = store.transaction(async (tx) => {
      await tx.accounts.get('org_a', ana.id);
      await sleep(80);
      afterTimeout = tx.accounts.insert(ana);
      await afterTimeout.catch(() => undefined);
    });
    await expect(late).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'timeout' } });
    await sleep(100);
    await expect(afterTimeout).rejects.toThrow(/transaction has ended/);
    expect(store.inspect().account('org_a', ana.id)).toBeUndefined();
  });

  it('defaults to 15 seconds and validates the option', () => {
    expect(() => memoryStore({ transactionTimeoutMs: 0 })).toThrow(RosterError);
    expect(() => memoryStore({ transactionTimeoutMs: 1.5 })).toThrow(RosterError);
    expect(() => memoryStore({ transactionTimeoutMs: 2 ** 31 })).toThrow(RosterError);
    try {
      memoryStore({ transactionTimeoutMs: -1 });
    } catch (error) {
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        details: { issues: [{ path: ['transactionTimeoutMs'] }] },
      });
    }
    expect(() => memoryStore({ transactionTimeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe('memoryStore per-organization serialization', () => {
  it('does not make another organization wait for a hung transaction', async () => {
    const store = memoryStore({ transactionTimeoutMs: 10_000 });
    const hung = store.transaction(async (tx) => {
      await tx.accounts.get('org_a', 'acc_1');
      return never();
    });
    hung.catch(() => undefined);
    await sleep(5);
    const bo = buildAccount({ orgId: 'org_b' });
    const other = await within(
      store.transaction(async (tx) => {
        await tx.organizations.insert(buildOrganization({ id: 'org_b' }));
        return tx.accounts.insert(bo);
      }),
      1000,
    );
    expect(other).toEqual({ value: bo });
  });

  it('still runs two transactions of one organization one after the other', async () => {
    const store = memoryStore();
    const order: string[] = [];
    const slow = store.transaction(async (tx) => {
      await tx.accounts.get('org_a', 'acc_1');
      order.push('slow start');
      await sleep(20);
      order.push('slow end');
    });
    await sleep(1);
    const fast = store.transaction(async (tx) => {
      await tx.accounts.get('org_a', 'acc_2');
      order.push('fast');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow start', 'slow end', 'fast']);
  });

  it('serializes an invitation found by token hash with its organization’s other transactions', async () => {
    const store = memoryStore();
    const invitation = buildInvitation({ orgId: 'org_a' });
    await store.transaction((tx) => tx.invitations.insert(invitation));
    const order: string[] = [];
    const holder = store.transaction(async (tx) => {
      const current = await tx.invitations.get('org_a', invitation.id);
      await sleep(20);
      if (current) await tx.invitations.update({ ...current, status: 'revoked' });
      order.push('revoked');
    });
    await sleep(1);
    const reader = store.transaction(async (tx) => {
      const found = await tx.invitations.findByTokenHash(invitation.tokenHash);
      order.push(`read version ${found?.version}`);
    });
    await Promise.all([holder, reader]);
    expect(order).toEqual(['revoked', 'read version 2']);
  });

  it('runs transactions that lock two organizations in opposite orders without deadlock', async () => {
    const store = memoryStore({ transactionTimeoutMs: 2000 });
    const a = buildAccount({ orgId: 'org_a' });
    const b = buildAccount({ orgId: 'org_b' });
    await store.transaction(async (tx) => {
      await tx.accounts.insert(a);
      await tx.accounts.insert(b);
    });
    let runs = 0;
    const rename = (first: typeof a, second: typeof a, name: string) =>
      store.transaction(async (tx) => {
        runs += 1;
        const one = await tx.accounts.get(first.orgId, first.id);
        await sleep(10);
        const two = await tx.accounts.get(second.orgId, second.id);
        if (!one || !two) throw new Error('missing');
        await tx.accounts.update({ ...one, firstName: name });
        await tx.accounts.update({ ...two, firstName: name });
        return name;
      });
    const outcome = await within(Promise.all([rename(a, b, 'Left'), rename(b, a, 'Right')]), 1500);
    expect(outcome).toEqual({ value: ['Left', 'Right'] });
    // Each found the other's organization taken at most once, and ran again taking both first.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(4);
    const raw = store.inspect();
    // Serializable: both rows carry the name of whichever ran last.
    expect(raw.account('org_a', a.id)?.firstName).toBe(raw.account('org_b', b.id)?.firstName);
    expect(raw.account('org_a', a.id)?.version).toBe(3);
  });

  it('keeps every organization’s commits in the snapshot file when they commit concurrently', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'rosterkit-memory-'));
    try {
      const file = join(dir, 'roster.json');
      const store = memoryStore({ file });
      const writes = ['org_a', 'org_b', 'org_c', 'org_a', 'org_b', 'org_c'].map((orgId, i) =>
        store.transaction(async (tx) => {
          await tx.accounts.get(orgId, 'x');
          await sleep(i % 3);
          await tx.accounts.insert(buildAccount({ orgId }));
        }),
      );
      await Promise.all(writes);
      expect(JSON.parse(readFileSync(file, 'utf8')).accounts).toHaveLength(6);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a transaction waiting behind a timed-out one through, and drops one that timed out waiting', async () => {
    const store = memoryStore({ transactionTimeoutMs: 60 });
    // Starts first but asks for org_a only after the hung one took it, so its
    // deadline comes first: it times out waiting, never having had org_a.
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (error: unknown) => error,
      );
    const starved = outcome(
      store.transaction(async (tx) => {
        await sleep(10);
        return tx.accounts.get('org_a', 'acc_2');
      }),
    );
    const hung = outcome(
      store.transaction(async (tx) => {
        await tx.accounts.get('org_a', 'acc_1');
        return never();
      }),
    );
    await sleep(40);
    // Starts later: gets org_a once the hung one timed out, with time to spare.
    const patient = store.transaction(async (tx) => {
      await tx.accounts.get('org_a', 'acc_3');
      return 'ran';
    });
    const [hungError, starvedError] = await Promise.all([hung, starved]);
    expect(hungError).toMatchObject({ details: { reason: 'timeout' } });
    expect(starvedError).toMatchObject({ details: { reason: 'timeout' } });
    expect(await patient).toBe('ran');
    // Nothing is left holding or waiting for org_a.
    expect(
      await within(
        store.transaction((tx) => tx.accounts.get('org_a', 'x')),
        200,
      ),
    ).toEqual({
      value: undefined,
    });
  });

  it('refuses one of two organizations’ concurrent inserts of one id or one token hash (CONFLICT unique)', async () => {
    const store = memoryStore();
    const insertBoth = <T>(
      rows: [T, T],
      insert: (tx: import('@rosterkit/core').StoreTransaction, row: T) => Promise<unknown>,
    ) =>
      Promise.allSettled(
        rows.map((row, i) =>
          store.transaction(async (tx) => {
            await insert(tx, row);
            await sleep(10 - i * 5);
          }),
        ),
      );
    const sameId = await insertBoth(
      [
        buildAccount({ id: 'acc_same', orgId: 'org_a' }),
        buildAccount({ id: 'acc_same', orgId: 'org_b' }),
      ],
      (tx, row) => tx.accounts.insert(row),
    );
    expect(sameId.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const idError = sameId.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(idError.reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'unique' } });
    const kept = [
      store.inspect().account('org_a', 'acc_same'),
      store.inspect().account('org_b', 'acc_same'),
    ];
    expect(kept.filter((row) => row !== undefined)).toHaveLength(1);

    const tokenHash = 'f'.repeat(64);
    const sameToken = await insertBoth(
      [
        buildInvitation({ orgId: 'org_a', tokenHash }),
        buildInvitation({ orgId: 'org_b', tokenHash }),
      ],
      (tx, row) => tx.invitations.insert(row),
    );
    expect(sameToken.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const found = await store.transaction((tx) => tx.invitations.findByTokenHash(tokenHash));
    const winner = sameToken.findIndex((result) => result.status === 'fulfilled');
    expect(found?.orgId).toBe(winner === 0 ? 'org_a' : 'org_b');
  });

  it('lets one of two racing drainers mark a message delivered, while organizations append', async () => {
    const store = memoryStore();
    const message = buildOutboxMessage({ orgId: 'org_a' });
    await store.transaction((tx) => tx.outbox.append(message));
    // Each drainer lists, then marks the message it listed: only one may find it undelivered.
    const drain = () =>
      store.transaction(async (tx) => {
        const listed = await tx.outbox.listDue(new Date(), 10);
        await sleep(5);
        if (!listed.some((row) => row.id === message.id)) return false;
        return tx.outbox.markDelivered(message.id, new Date());
      });
    const append = store.transaction(async (tx) => {
      await tx.accounts.get('org_b', 'x');
      await tx.outbox.append(buildOutboxMessage({ orgId: 'org_b' }));
    });
    const results = await Promise.all([drain(), drain(), append]);
    expect(results.slice(0, 2).sort()).toEqual([false, true]);
    expect(store.inspect().outbox()).toHaveLength(2);
    expect(await store.transaction((tx) => tx.outbox.listDue(new Date(), 10))).toHaveLength(1);
  });
});
