import { z } from 'zod';
import { invalidInput, safeParseInput } from '../../model/define-model.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import { maxDueBatchSize } from '../../ports/limits.js';
import type { OutboxBackoff } from '../outbox-backoff.js';
import type { OutboxHandlers } from './outbox-topics.js';

/**
 * Something a worker did, for metrics and logs: `onEvent` gets each.
 *
 * @category Delivery
 */
export type OutboxWorkerEvent =
  | { readonly type: 'claimed'; readonly count: number }
  | { readonly type: 'delivered'; readonly message: OutboxMessage; readonly durationMs: number }
  | {
      readonly type: 'failed';
      readonly message: OutboxMessage;
      readonly error: unknown;
      readonly attempts: number;
      /** When it is tried again; `null`: parked dead. */
      readonly nextAttemptAt: Date | null;
    }
  /**
   * Parked dead without a handler call: no handler for its topic, no key to
   * build its link with, or its deliveries were interrupted `maxAttempts`
   * times (its workers died holding it; `reason` is its `lastError`).
   */
  | { readonly type: 'parked'; readonly message: OutboxMessage; readonly reason: string }
  /** Settled without a handler call: an invitation resent, accepted, revoked or expired since. */
  | { readonly type: 'skipped'; readonly message: OutboxMessage; readonly reason: string }
  /** Handed back undelivered (the worker stopped): due again at once, no failure counted. */
  | { readonly type: 'released'; readonly message: OutboxMessage }
  /** The lease could not be renewed (the message was claimed over): the handler's signal aborts. */
  | { readonly type: 'lease-lost'; readonly message: OutboxMessage }
  /** The store failed (a claim, a settlement): the worker carries on; an unsettled lease expires. */
  | { readonly type: 'error'; readonly error: unknown };

/**
 * Options of `startOutboxWorker`.
 *
 * @category Delivery
 */
export interface OutboxWorkerOptions {
  /** One handler per topic; a message of a topic without one is parked dead, not dropped. */
  readonly handlers: OutboxHandlers;
  /**
   * How many messages this worker delivers at once, 1 to 100.
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * How long the worker waits when nothing is due before it looks again, in
   * milliseconds (10 ms to 1 hour). `wake()` looks at once.
   * @default 1000
   */
  readonly pollMs?: number;
  /**
   * How long a claim holds a message, in milliseconds (1 second to 1 day):
   * renewed every third of it while its handler runs, so only a worker that
   * died (or hung its event loop) lets it lapse, and the message is then
   * due again for the others. Keep it well above the servers' clock skew.
   * @default 30000
   */
  readonly lease?: number;
  /**
   * How many failed deliveries park a message dead, 1 to 100. A delivery
   * interrupted by its worker's death (the lease lapsed before it was
   * settled) counts as one when the message is claimed again.
   * @default 10
   */
  readonly maxAttempts?: number;
  /** @default exponentialBackoff() */
  readonly backoff?: OutboxBackoff;
  /** Aborting it stops the worker, as `stop()` does. */
  readonly signal?: AbortSignal;
  /**
   * How long `stop()` waits for handlers in flight, in milliseconds (0 to 1
   * hour); then their `signal` aborts and the worker stops waiting (a
   * handler that keeps running holds its message until the lease lapses).
   * @default 10000
   */
  readonly gracePeriodMs?: number;
  /** Told of everything the worker does (it must not throw: what it throws is ignored). */
  readonly onEvent?: (event: OutboxWorkerEvent) => void;
}

/**
 * A running worker.
 *
 * @category Delivery
 */
export interface OutboxWorker {
  /** Stops claiming, lets handlers in flight finish (up to `gracePeriodMs`), hands back the rest. */
  stop(): Promise<void>;
  /** Looks for due messages now, without waiting for `pollMs` (the `afterCommit` hook may call it). */
  wake(): void;
  /** Resolves once the worker has stopped. */
  readonly stopped: Promise<void>;
}

const topics = [
  'invitation.created',
  'password.reset',
  'sessions.revoke',
  'organization.deleted',
  'reports.unassigned',
  'provisioning.owner-protected',
];
const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
  error: 'Must be a function',
});

const Options = z.strictObject({
  handlers: z.strictObject(Object.fromEntries(topics.map((topic) => [topic, fn.optional()]))),
  concurrency: z.int().min(1).max(100).default(4),
  pollMs: z.int().min(10).max(3_600_000).default(1000),
  lease: z.int().min(1000).max(86_400_000).default(30_000),
  maxAttempts: z.int().min(1).max(100).default(10),
  backoff: fn.optional(),
  signal: z.instanceof(AbortSignal).optional(),
  gracePeriodMs: z.int().min(0).max(3_600_000).default(10_000),
  onEvent: fn.optional(),
});

/** The options, checked and defaulted. @internal */
export interface ResolvedWorkerOptions {
  readonly handlers: OutboxHandlers;
  readonly concurrency: number;
  readonly pollMs: number;
  readonly lease: number;
  readonly maxAttempts: number;
  readonly backoff: OutboxBackoff | undefined;
  readonly signal: AbortSignal | undefined;
  readonly gracePeriodMs: number;
  readonly onEvent: ((event: OutboxWorkerEvent) => void) | undefined;
}

/** Parses the worker's options (`INVALID_INPUT` with the field paths). Batches stay within the port's limit. @internal */
export function parseWorkerOptions(raw: unknown): ResolvedWorkerOptions {
  const parsed = safeParseInput(Options, raw);
  if (!parsed.success) throw invalidInput('startOutboxWorker options', parsed.error);
  const data = parsed.data;
  return {
    handlers: data.handlers as OutboxHandlers,
    concurrency: Math.min(data.concurrency, maxDueBatchSize),
    pollMs: data.pollMs,
    lease: data.lease,
    maxAttempts: data.maxAttempts,
    backoff: data.backoff as OutboxBackoff | undefined,
    signal: data.signal,
    gracePeriodMs: data.gracePeriodMs,
    onEvent: data.onEvent as ((event: OutboxWorkerEvent) => void) | undefined,
  };
}
