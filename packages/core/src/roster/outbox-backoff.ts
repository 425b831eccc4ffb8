import { z } from 'zod';
import { invalidInput, safeParseInput } from '../model/define-model.js';
import type { OutboxMessage } from '../model/outbox-message.js';

/**
 * How long a message waits after a failed delivery before it is tried
 * again, in milliseconds: a number from 0 to {@link outboxBackoffMaxMs}.
 * Called once per failure, after the handler threw.
 *
 * @param attempts - the message's failures so far, this one included (1 after the first).
 * @param message - the message as it was handed to the handler.
 *
 * @example
 * ```ts
 * import type { OutboxBackoff } from '@rosterkit/core';
 *
 * // Every minute, whatever the count; session revocations every 5 seconds.
 * const backoff: OutboxBackoff = (_attempts, message) =>
 *   message.topic === 'sessions.revoke' ? 5_000 : 60_000;
 * await roster.drainOutbox(deliver, { backoff });
 * ```
 */
export type OutboxBackoff = (attempts: number, message: OutboxMessage) => number;

/** The longest wait an {@link OutboxBackoff} may ask for: 365 days, in milliseconds. */
export const outboxBackoffMaxMs = 365 * 24 * 60 * 60 * 1000;

/** Options of {@link exponentialBackoff}. */
export interface ExponentialBackoffOptions {
  /**
   * The wait after the first failure, in milliseconds; it doubles with each failure after that.
   * @default 30000 (30 seconds)
   */
  readonly baseMs?: number;
  /**
   * The longest wait, in milliseconds, however many failures.
   * @default 3600000 (1 hour)
   */
  readonly maxMs?: number;
  /**
   * The share of each wait drawn at random, from 0 (none: exactly the
   * doubled wait) to 1 (anywhere from 0 to it), so that messages that failed
   * together (a mail server down) are not all retried at the same instant.
   * @default 0.5 (each wait is between half and all of the doubled wait)
   */
  readonly jitter?: number;
}

const Ms = z.number().min(0).max(outboxBackoffMaxMs);
const ExponentialBackoffOptions = z.strictObject({
  baseMs: Ms.default(30_000),
  maxMs: Ms.default(3_600_000),
  jitter: z.number().min(0).max(1).default(0.5),
});

/**
 * Exponential back-off with jitter, the default of `drainOutbox`: after
 * failure `n` the message waits `min(maxMs, baseMs × 2^(n-1))`, less a random
 * share of up to `jitter` of it. With the defaults: about 30 s, 1 min, 2 min,
 * 4 min, … then 1 hour at most, each between half and all of that.
 *
 * @param options - the first wait, the longest, and the random share.
 * @returns the back-off, to pass as `drainOutbox`'s `backoff`.
 * @throws `INVALID_INPUT` for a wait outside 0 to {@link outboxBackoffMaxMs}, a
 * jitter outside 0 to 1, or an unknown option.
 *
 * @example
 * ```ts
 * import { exponentialBackoff } from '@rosterkit/core';
 *
 * // 5 s, 10 s, 20 s, … up to 10 minutes, never less than 3/4 of that.
 * const backoff = exponentialBackoff({ baseMs: 5_000, maxMs: 600_000, jitter: 0.25 });
 * await roster.drainOutbox(deliver, { backoff });
 * ```
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): OutboxBackoff {
  const parsed = safeParseInput(ExponentialBackoffOptions, options);
  if (!parsed.success) throw invalidInput('exponentialBackoff options', parsed.error);
  const { baseMs, maxMs, jitter } = parsed.data;
  return (attempts) => {
    // The exponent is capped so the product stays finite (0 × Infinity is NaN).
    const wait = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(0, attempts - 1), 64));
    return wait * (1 - jitter * Math.random());
  };
}
