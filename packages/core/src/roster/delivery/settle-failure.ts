import { RosterError } from '../../errors/roster-error.js';
import { type OutboxMessage, outboxErrorMaxLength } from '../../model/outbox-message.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { type OutboxBackoff, outboxBackoffMaxMs } from '../outbox-backoff.js';

/**
 * The `lastError` of a message claimed again after its lease lapsed: the
 * worker that held it died, hung or lost the store before settling it, so
 * the delivery may or may not have happened. @internal
 */
export const interruptedDelivery =
  'Interrupted: the worker delivering this message stopped before settling it (it died, hung or lost the store) and its lease lapsed; the handler may or may not have finished.';

/** What the handler threw, as text for `lastError`, cut to fit (never in the middle of a surrogate pair). @internal */
export function describeFailure(error: unknown): string {
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

/** The wait `backoff` asks for, checked: `INVALID_INPUT` (path `backoff`) when it throws or returns no wait. @internal */
export function backoffDelay(
  backoff: OutboxBackoff,
  attempts: number,
  message: OutboxMessage,
  caller: string,
): number {
  let delay: unknown;
  try {
    delay = backoff(attempts, message);
  } catch (error) {
    throw new RosterError(
      'INVALID_INPUT',
      `${caller}: the backoff function threw.`,
      { issues: [{ path: ['backoff'], message: 'Must not throw' }] },
      { cause: error },
    );
  }
  if (typeof delay !== 'number' || !(delay >= 0 && delay <= outboxBackoffMaxMs)) {
    throw new RosterError(
      'INVALID_INPUT',
      `${caller}: the backoff function returned ${String(delay)}, not a number of milliseconds from 0 to ${outboxBackoffMaxMs}.`,
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

/** How one failure was settled. @internal */
export interface SettledFailure {
  /** Whether this call recorded it (another settler may have first). */
  readonly recorded: boolean;
  readonly attempts: number;
  /** When it is due again; `null` when parked dead. */
  readonly nextAttemptAt: Date | null;
  readonly error: string;
}

/**
 * Records one failed delivery: the next attempt after the back-off, or
 * parked dead on the `maxAttempts`-th failure (or at once, `park`: a
 * message no handler can deliver). The back-off is asked before any write,
 * so a broken one throws with nothing recorded.
 * @internal
 */
export async function settleFailure(
  store: Store,
  clock: Clock,
  message: OutboxMessage,
  error: unknown,
  policy: {
    readonly maxAttempts: number;
    readonly backoff: OutboxBackoff;
    readonly caller: string;
  },
  park = false,
): Promise<SettledFailure> {
  const attempts = message.attempts + 1;
  const parks = park || attempts >= policy.maxAttempts;
  const delay = parks ? 0 : backoffDelay(policy.backoff, attempts, message, policy.caller);
  const at = clock.now();
  const text = typeof error === 'string' && park ? error : describeFailure(error);
  const nextAttemptAt = new Date(at.getTime() + delay);
  const recorded = await store.transaction(
    (tx) =>
      tx.outbox.recordFailure(message.id, {
        attempts,
        error: text,
        nextAttemptAt,
        deadAt: parks ? at : null,
      }),
    { isolation: 'read-committed' },
  );
  return { recorded, attempts, nextAttemptAt: parks ? null : nextAttemptAt, error: text };
}
