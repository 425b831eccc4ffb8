/**
 * The port rosterkit reads time through (expiry, last seen, audit times), so
 * that tests and simulations can control it.
 *
 * @example
 * ```ts
 * import type { Clock } from '@rosterkit/core';
 * const frozen: Clock = { now: () => new Date('2026-01-01T00:00:00Z') };
 * ```
 */
export interface Clock {
  /** The current time. */
  now(): Date;
}

/**
 * The default {@link Clock}: the system's time.
 *
 * @example
 * ```ts
 * import { systemClock } from '@rosterkit/core';
 * systemClock.now();
 * ```
 */
export const systemClock: Clock = { now: () => new Date() };
