import { z } from 'zod';
import { RosterError } from '../errors/roster-error.js';
import { invalidInput, safeParseInput } from '../model/define-model.js';
import { type OutboxMessage, outboxErrorMaxLength } from '../model/outbox-message.js';
import { Id } from '../model/primitives.js';
import type { Clock } from '../ports/clock.js';
import { maxDueBatchSize, maxPageSize } from '../ports/limits.js';
import type { Page, Store } from '../ports/store.js';
import { exponentialBackoff, type OutboxBackoff, outboxBackoffMaxMs } from './outbox-backoff.js';

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
   * scheduling another try.
   * @default 10
   */
  readonly maxAttempts?: number;
  /**
   * How long a message waits after a failure before it is due again.
   * @default exponentialBackoff() (about 30 s doubling to at most 1 hour, with jitter)
   */
  readonly backoff?: OutboxBackoff;
}

/** What one `roster.drainOutbox` call did. */
export interface DrainOutboxResult {
  /** Messages marked delivered by this call (its handler resolved, and no other drainer marked them first). */
  readonly delivered: number;
  /** Messages whose handler threw in this call: each waits out its back-off, or was parked dead. */
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

/** What the handler threw, as text for `lastError`, cut to fit (never in the middle of a surrogate pair). */
function describeFailure(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = 'The handler threw a value that cannot be shown as text';
  }
  if (text.length <= outboxErrorMaxLength) return text;
  let cut = text.slice(0, outboxErrorMaxLength - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function backoffDelay(backoff: OutboxBackoff, attempts: number, message: OutboxMessage): number {
  let delay: unknown;
  try {
    delay = backoff(attempts, message);
  } catch (error) {
    throw new RosterError(
      'INVALID_INPUT',
      'drainOutbox: the backoff function threw.',
      { issues: [{ path: ['backoff'], message: 'Must not throw' }] },
      { cause: error },
    );
  }
  if (typeof delay !== 'number' || !(delay >= 0 && delay <= outboxBackoffMaxMs)) {
    throw new RosterError(
      'INVALID_INPUT',
      `drainOutbox: the backoff function returned ${String(delay)}, not a number of milliseconds from 0 to ${outboxBackoffMaxMs}.`,
      {
        issues: [
          {
            path: ['backoff'],
            message: `Must return a number of milliseconds from 0 to ${outboxBackoffMaxMs}`,
          },
        ],
      },
    );
  }
  return delay;
}

/**
 * Tries each due message once through `handler`, in the order the store
 * lists them. Success marks it delivered; a failure is recorded with the
 * next attempt time `backoff` gives, or parks the message dead on its
 * `maxAttempts`-th failure. A message waiting out its back-off is not due,
 * so failing messages never hold back the ones behind them.
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
  const { limit, maxAttempts } = parsed.data;
  const backoff = parsed.data.backoff ?? defaultBackoff;
  const messages = await store.transaction((tx) => tx.outbox.listDue(clock.now(), limit));
  let delivered = 0;
  let failed = 0;
  let dead = 0;
  for (const message of messages) {
    try {
      await handler(message);
    } catch (error) {
      failed += 1;
      const attempts = message.attempts + 1;
      const parks = attempts >= maxAttempts;
      // Before any write: a broken backoff throws with nothing recorded.
      const delay = parks ? 0 : backoffDelay(backoff, attempts, message);
      const at = clock.now();
      const recorded = await store.transaction((tx) =>
        tx.outbox.recordFailure(message.id, {
          attempts,
          error: describeFailure(error),
          nextAttemptAt: new Date(at.getTime() + delay),
          deadAt: parks ? at : null,
        }),
      );
      if (recorded && parks) dead += 1;
      continue;
    }
    if (await store.transaction((tx) => tx.outbox.markDelivered(message.id, clock.now())))
      delivered += 1;
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
