import { describe, expect, it } from 'vitest';
import {
  createRoster,
  exponentialBackoff,
  OutboxMessage,
  outboxBackoffMaxMs,
  RosterError,
  type Store,
} from '../src/index.js';
import { outboxMessage } from './fixtures.js';

const message: OutboxMessage = OutboxMessage.parse(outboxMessage);

describe('exponentialBackoff', () => {
  it('doubles from baseMs up to maxMs, exactly when jitter is 0', () => {
    const backoff = exponentialBackoff({ baseMs: 1000, maxMs: 10_000, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 50, 5000].map((n) => backoff(n, message))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000,
    ]);
  });

  it('draws each wait between (1 - jitter) and all of the doubled wait', () => {
    const backoff = exponentialBackoff({ baseMs: 1000, maxMs: 60_000, jitter: 0.25 });
    const waits = Array.from({ length: 500 }, () => backoff(3, message));
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(3000);
      expect(wait).toBeLessThanOrEqual(4000);
    }
    // Random, not one fixed value: messages failing together spread out.
    expect(new Set(waits).size).toBeGreaterThan(100);
  });

  it('defaults to 30 s doubling to 1 hour, each wait between half and all of it', () => {
    const backoff = exponentialBackoff();
    for (let i = 0; i < 200; i += 1) {
      const first = backoff(1, message);
      expect(first).toBeGreaterThanOrEqual(15_000);
      expect(first).toBeLessThanOrEqual(30_000);
      const late = backoff(40, message);
      expect(late).toBeGreaterThanOrEqual(1_800_000);
      expect(late).toBeLessThanOrEqual(3_600_000);
    }
  });

  it('stays a finite number of milliseconds for any count, a zero base included', () => {
    for (const options of [
      { baseMs: 0 },
      { baseMs: outboxBackoffMaxMs, maxMs: outboxBackoffMaxMs },
    ]) {
      const backoff = exponentialBackoff(options);
      for (const attempts of [0, 1, 1023, 1024, 1_000_000]) {
        const wait = backoff(attempts, message);
        expect(Number.isFinite(wait)).toBe(true);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(outboxBackoffMaxMs);
      }
    }
  });

  it.each([
    [{ baseMs: -1 }, 'baseMs'],
    [{ maxMs: outboxBackoffMaxMs + 1 }, 'maxMs'],
    [{ baseMs: Number.NaN }, 'baseMs'],
    [{ jitter: 1.5 }, 'jitter'],
    [{ jitter: -0.1 }, 'jitter'],
    [{ base: 1000 }, ''],
  ])('refuses %o with INVALID_INPUT at %s', (options, path) => {
    let thrown: unknown;
    try {
      exponentialBackoff(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(RosterError.isInstance(thrown, 'INVALID_INPUT')).toBe(true);
    const issues = (thrown as RosterError<'INVALID_INPUT'>).details.issues;
    expect(issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('drainOutbox and listDeadOutboxMessages input', () => {
  // Bad input is refused before any transaction opens.
  const untouchable: Store = {
    transaction: () => Promise.reject(new Error('the store must not be used')),
  };
  const roster = createRoster({
    store: untouchable,
    policy: {
      roles: { ownerRole: { name: 'owner' }, roles: [{ name: 'owner' }] },
      can: () => ({ allowed: true }),
      readFilter: () => ({ kind: 'all' }),
    } as never,
  });

  it.each([
    [{ limit: 0 }],
    [{ limit: 2.5 }],
    [{ maxAttempts: 101 }],
    [{ backoff: 'exponential' }],
    [{ unknown: true }],
    ['fast'],
  ])('drainOutbox refuses options %o without touching the store', async (options) => {
    await expect(roster.drainOutbox(async () => {}, options as never)).rejects.toSatisfy(
      (error: unknown) => RosterError.isInstance(error, 'INVALID_INPUT'),
    );
  });

  it.each([[{ limit: 0 }], [{ cursor: '' }], [{ orgId: 7 }], [{ limit: 10, page: 2 }], [5]])(
    'listDeadOutboxMessages refuses %o without touching the store',
    async (input) => {
      await expect(roster.listDeadOutboxMessages(input as never)).rejects.toSatisfy(
        (error: unknown) => RosterError.isInstance(error, 'INVALID_INPUT'),
      );
    },
  );
});
