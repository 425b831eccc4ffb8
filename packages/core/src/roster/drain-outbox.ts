import { z } from 'zod';
import { RosterError } from '../errors/roster-error.js';
import { invalidInput, safeParseInput } from '../model/define-model.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import { Id } from '../model/primitives.js';
import type { Clock } from '../ports/clock.js';
import { maxDueBatchSize, maxPageSize } from '../ports/limits.js';
import type { Page, Store } from '../ports/store.js';
import { newLeaseId } from './delivery/lease-id.js';
import { interruptedDelivery, settleFailure } from './delivery/settle-failure.js';
import { exponentialBackoff, type OutboxBackoff } from './outbox-backoff.js';

const readCommitted = { isolation: 'read-committed' } as const;

/** Options of `roster.drainOutbox`. */
export interface DrainOutboxOptions {
  /**
   * How many due messages this call tries at most, an integer from 1 to 1000.
   * @default 100
   */
  readonly limit?: number;
  /**
   * How many failed deliveries park a message dead, an integer from 1 to 100:
   * the failure that brings `attempts` to this number parks it instead of
   * scheduling another try. A delivery interrupted by its drainer's death
   * (its lease lapsed) counts as a failure when the message is claimed again.
   * @default 10
   */
  readonly maxAttempts?: number;
  /**
   * How long a message waits after a failure before it is due again.
   * @default exponentialBackoff() (about 30 s doubling to at most 1 hour, with jitter)
   */
  readonly backoff?: OutboxBackoff;
  /**
   * How long the call holds the messages it claimed, in milliseconds (1
   * second to 1 day): its whole batch must be delivered within it, or the
   * rest may be handed to another drainer too.
   * @default 300000 (5 minutes)
   */
  readonly leaseMs?: number;
}

/** What one `roster.drainOutbox` call did. */
export interface DrainOutboxResult {
  /** Messages marked delivered by this call (its handler resolved, and no other drainer marked them first). */
  readonly delivered: number;
  /**
   * Messages whose handler threw in this call (each waits out its back-off,
   * or was parked dead), and those this call's claim parked dead because
   * their deliveries were interrupted `maxAttempts` times (their workers died).
   */
  readonly failed: number;
  /** Of the failed, how many this call parked dead (their last allowed attempt failed). */
  readonly dead: number;
}

/** Input of `roster.listDeadOutboxMessages`. */
export interface ListDeadOutboxMessagesInput {
  /** Only this organization's dead messages; every organization's when absent. */
  readonly orgId?: string;
  /** From `nextCursor` of the previous page. */
  readonly cursor?: string;
  /**
   * Rows per page, an integer from 1 to 500.
   * @default 50
   */
  readonly limit?: number;
}

const DrainOptions = z.strictObject({
  limit: z.int().min(1).max(maxDueBatchSize).default(100),
  leaseMs: z.int().min(1000).max(86_400_000).default(300_000),
  maxAttempts: z.int().min(1).max(100).default(10),
  backoff: z
    .custom<OutboxBackoff>((value) => typeof value === 'function', { error: 'Must be a function' })
    .optional(),
});

const ListDeadInput = z.strictObject({
  orgId: Id.schema.optional(),
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.int().min(1).max(maxPageSize).default(50),
});

const defaultBackoff = exponentialBackoff();

/**
 * Claims up to `limit` due messages with one lease (so a second drainer,
 * here or on another server, takes others), then tries each once through
 * `handler`, in due order. Success marks it delivered; a failure is
 * recorded with the next attempt time `backoff` gives, or parks the message
 * dead on its `maxAttempts`-th failure. Messages the call did not reach (a
 * broken back-off threw) are handed back.
 *
 * @internal
 */
export async function drainOutbox(
  store: Store,
  clock: Clock,
  handler: (message: OutboxMessage) => Promise<void>,
  rawOptions: unknown,
): Promise<DrainOutboxResult> {
  if (typeof handler !== 'function') {
    throw new RosterError('INVALID_INPUT', 'drainOutbox: handler must be a function.', {
      issues: [{ path: ['handler'], message: 'Must be a function' }],
    });
  }
  const parsed = safeParseInput(DrainOptions, rawOptions ?? {});
  if (!parsed.success) throw invalidInput('drainOutbox options', parsed.error);
  const { limit, maxAttempts, leaseMs } = parsed.data;
  const policy = {
    maxAttempts,
    backoff: parsed.data.backoff ?? defaultBackoff,
    caller: 'drainOutbox',
  };
  const leaseId = newLeaseId();
  const claimed = await store.transaction((tx) => {
    // Read inside the transaction: a claim that waited for a connection must
    // not write a lease that has already run out.
    const now = clock.now();
    return tx.outbox.claim({
      now,
      limit,
      leaseId,
      until: new Date(now.getTime() + leaseMs),
      maxAttempts,
      interruptedError: interruptedDelivery,
    });
  }, readCommitted);
  // Interrupted too often (their workers died holding them): the claim parked them.
  const parked = claimed.filter((message) => message.deadAt !== null).length;
  const messages = claimed.filter((message) => message.deadAt === null);
  let delivered = 0;
  let failed = parked;
  let dead = parked;
  let next = 0;
  try {
    for (; next < messages.length; next += 1) {
      const message = messages[next] as OutboxMessage;
      try {
        await handler(message);
      } catch (error) {
        failed += 1;
        const settled = await settleFailure(store, clock, message, error, policy);
        if (settled.recorded && settled.nextAttemptAt === null) dead += 1;
        continue;
      }
      const at = clock.now();
      if (await store.transaction((tx) => tx.outbox.markDelivered(message.id, at), readCommitted))
        delivered += 1;
    }
  } finally {
    for (const message of messages.slice(next)) {
      const at = clock.now();
      await store.transaction((tx) => tx.outbox.release(message.id, leaseId, at), readCommitted);
    }
  }
  return { delivered, failed, dead };
}

/** One page of dead messages, the most recently parked first. @internal */
export async function listDeadOutboxMessages(
  store: Store,
  raw: unknown,
): Promise<Page<OutboxMessage>> {
  const parsed = safeParseInput(ListDeadInput, raw ?? {});
  if (!parsed.success) throw invalidInput('listDeadOutboxMessages input', parsed.error);
  const { orgId, cursor, limit } = parsed.data;
  return store.transaction((tx) =>
    tx.outbox.listDead({
      limit,
      ...(orgId === undefined ? {} : { orgId }),
      ...(cursor === undefined ? {} : { cursor }),
    }),
  );
}
