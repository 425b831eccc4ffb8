import type { OutboxMessage } from '../../model/outbox-message.js';
import type { Page } from './page.js';

/**
 * The outbox: messages for the host to deliver, written with the change that
 * caused them, across every organization (the host drains them, not a tenant).
 *
 * The store keeps the delivery schedule; core computes it. A message is
 * **due** at `now` when `deliveredAt` and `deadAt` are `null` and
 * `nextAttemptAt <= now`. `recordFailure` stores what core decided (the next
 * attempt time, or dead), so an adapter does no back-off arithmetic.
 *
 * Rows are never deleted, not even with their organization (a
 * `sessions.revoke` or `organization.deleted` must still go out), so an id
 * that `markDelivered` or `recordFailure` does not know is a caller's
 * mistake: `NOT_FOUND`.
 *
 * @category Store port (for adapter authors)
 */
export interface OutboxRepository {
  /**
   * Appends one message exactly as given, every field included: `deliveredAt`,
   * `attempts`, `lastError`, `nextAttemptAt` and `deadAt` are stored as they
   * are, not reset. (Core appends new messages: undelivered, 0 attempts,
   * `nextAttemptAt` = `createdAt`.)
   */
  append(message: OutboxMessage): Promise<void>;
  /** Appends several messages as given, in one round trip; an empty array is a no-op. */
  appendMany(messages: readonly OutboxMessage[]): Promise<void>;
  /**
   * One message of the organization, as stored, or `undefined` when no
   * message has this id in it (another organization's message included:
   * DESIGN rule 11). What the actor's outbox calls read before they act.
   */
  get(orgId: string, id: string): Promise<OutboxMessage | undefined>;
  /**
   * Up to `limit` messages of every organization due at `now` (undelivered,
   * not dead, `nextAttemptAt <= now`), in the order they became due:
   * `nextAttemptAt`, then `createdAt`, then `id`, each ascending. A message
   * waiting out its back-off is not listed, so it never holds back the ones
   * behind it.
   *
   * @param now - the drainer's current time.
   * @param limit - at most this many (a positive integer; core passes 1 to 1000, the adapter kit's `maxDueBatchSize`).
   */
  listDue(now: Date, limit: number): Promise<OutboxMessage[]>;
  /**
   * Claims up to `claim.limit` messages due at `claim.now`, in due order (as
   * {@link OutboxRepository.listDue}), for the lease `claim.leaseId`: each
   * gets `leaseId` = `claim.leaseId` and `nextAttemptAt` = `claim.until`, so
   * it is not due for anyone else until the lease expires.
   *
   * A message whose lease expired (its worker died, hung or lost the store
   * before it settled the message: its `leaseId` is still set) is due again
   * and claimed over, and that interrupted delivery counts as an attempt:
   * `attempts` + 1 and `lastError` = `claim.interruptedError`. When that
   * brings `attempts` to `claim.maxAttempts`, the message is parked dead
   * instead of claimed (`deadAt` = `nextAttemptAt` = `claim.now`, `leaseId`
   * `null`), so a message that kills its worker every time stops doing so.
   *
   * Returns the messages claimed, and those parked (their `deadAt` set), as
   * stored after the claim, in the order they were due.
   *
   * Two claims racing on several connections never claim one message
   * twice: a SQL store skips rows another claim has locked (`FOR UPDATE
   * SKIP LOCKED` on PostgreSQL and MySQL 8 / MariaDB 10.6+) or claims with
   * a conditional write and returns only what it won. Core runs a claim in
   * its own transaction, opened with `{ isolation: 'read-committed' }`.
   */
  claim(claim: OutboxClaim): Promise<OutboxMessage[]>;
  /**
   * Extends a lease still held: sets `nextAttemptAt` = `until` if the
   * message is undelivered, not dead, and its `leaseId` is still `leaseId`.
   *
   * @returns `false` (nothing changes) when the lease is no longer held.
   * @throws `NOT_FOUND` when no message has this id.
   */
  renewLease(id: string, leaseId: string, until: Date): Promise<boolean>;
  /**
   * Hands a claimed message back undelivered (a worker stopping): if it is
   * undelivered, not dead, and still held by `leaseId`, clears `leaseId` and
   * sets `nextAttemptAt` = `at`; `attempts` is unchanged.
   *
   * @returns `false` (nothing changes) when the lease is no longer held.
   * @throws `NOT_FOUND` when no message has this id.
   */
  release(id: string, leaseId: string, at: Date): Promise<boolean>;
  /**
   * Puts a dead message back in the queue: if it is dead and undelivered,
   * sets `deadAt` and `leaseId` to `null`, `attempts` to 0 and
   * `nextAttemptAt` to `at`, keeping `lastError`.
   *
   * @returns `false` (nothing changes) when it is not dead, or delivered.
   * @throws `NOT_FOUND` when no message has this id.
   */
  retryDead(id: string, at: Date): Promise<boolean>;
  /**
   * Marks a message delivered at `at`, dead or not (a handler that succeeded
   * did deliver it; a delivered message is no longer listed dead), and
   * clears its `leaseId`.
   *
   * @returns `false` if it was already delivered (another drainer won).
   * @throws `NOT_FOUND` when no message has this id.
   */
  markDelivered(id: string, at: Date): Promise<boolean>;
  /**
   * {@link OutboxRepository.markDelivered} for several messages in one
   * round trip (a worker settling the deliveries that finished together):
   * each of `ids` not yet delivered is marked delivered at `at`, dead or
   * not, its `leaseId` cleared. An id listed twice counts once; an empty
   * array is a no-op.
   *
   * @param ids - the messages' ids (core passes at most 1000).
   * @returns how many were marked (the others were delivered already).
   * @throws `NOT_FOUND` when an id is no message's (its transaction, rolled back, marks none).
   */
  markDeliveredMany(ids: readonly string[], at: Date): Promise<number>;
  /**
   * Records one failed delivery: stores `failure.attempts` as the message's
   * count, `failure.error` as `lastError`, `failure.nextAttemptAt`, and
   * `failure.deadAt` (set: the message is parked dead), and clears `leaseId`. It writes only if the
   * message is undelivered, not dead, and its stored `attempts` is still
   * `failure.attempts - 1`, in one conditional write: of two drainers that
   * both saw the same attempt fail, one records it.
   *
   * @returns `true` if recorded; `false` if the message was delivered, parked
   * dead, or had this attempt recorded by someone else meanwhile (nothing changes).
   * @throws `NOT_FOUND` when no message has this id.
   */
  recordFailure(id: string, failure: OutboxFailure): Promise<boolean>;
  /**
   * One page of dead messages (`deadAt` set, undelivered), of one
   * organization or of all, the most recently parked first (`deadAt`
   * descending, ties by `id` descending).
   */
  listDead(query: OutboxDeadQuery): Promise<Page<OutboxMessage>>;
}

/**
 * One failed delivery of an outbox message, as core scheduled it, for
 * {@link OutboxRepository.recordFailure}.
 *
 * @category Store port (for adapter authors)
 */
export interface OutboxFailure {
  /** The message's failure count including this one: its `attempts` as read, plus one. */
  readonly attempts: number;
  /** Why it failed, at most {@link outboxErrorMaxLength} code units. */
  readonly error: string;
  /** When it may be tried again (when parked dead: the time it was parked). */
  readonly nextAttemptAt: Date;
  /** When set, the message is parked dead at that instant and never listed as due again. */
  readonly deadAt: Date | null;
}

/**
 * What {@link OutboxRepository.claim} takes.
 *
 * @category Store port (for adapter authors)
 */
export interface OutboxClaim {
  /** The claimer's current time: messages due at it are claimed. */
  readonly now: Date;
  /** At most this many (a positive integer; core passes 1 to 1000). */
  readonly limit: number;
  /** The lease's id, new for each claim (1 to 64 characters): stored as the messages' `leaseId`. */
  readonly leaseId: string;
  /** When the lease expires, after `now`: stored as the messages' `nextAttemptAt`. */
  readonly until: Date;
  /**
   * How many attempts park a message dead (an integer from 1 to 100): a
   * message claimed over an expired lease whose `attempts` + 1 reaches it
   * is parked instead of claimed.
   */
  readonly maxAttempts: number;
  /** The `lastError` of a message claimed over an expired lease (at most 1000 code units). */
  readonly interruptedError: string;
}

/**
 * Which dead messages {@link OutboxRepository.listDead} returns.
 *
 * @category Store port (for adapter authors)
 */
export interface OutboxDeadQuery {
  /** Only this organization's; every organization's when absent. */
  readonly orgId?: string;
  /** From {@link Page.nextCursor} of the previous page; a cursor the store cannot read is `INVALID_INPUT`. */
  readonly cursor?: string;
  /** Rows per page, an integer from 1 to 500, the adapter kit's `maxPageSize` (`INVALID_INPUT` otherwise). */
  readonly limit: number;
}
