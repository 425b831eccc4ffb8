import type { OutboxMessage } from '../../model/outbox-message.js';
import { exponentialBackoff } from '../outbox-backoff.js';
import type { Roster } from '../roster.js';
import { deliveredBatch } from './delivered-batch.js';
import { newLeaseId } from './lease-id.js';
import { openInvitation } from './open-invitation.js';
import type { OutboxTopics } from './outbox-topics.js';
import { payloadOf } from './outbox-topics.js';
import {
  type OutboxWorker,
  type OutboxWorkerEvent,
  type OutboxWorkerOptions,
  parseWorkerOptions,
} from './outbox-worker-options.js';
import { deliveryOf } from './roster-delivery.js';
import { interruptedDelivery, settleFailure } from './settle-failure.js';

const readCommitted = { isolation: 'read-committed' } as const;

/** How long a finished delivery waits for others to be settled with it, in milliseconds. */
const settleWithinMs = 10;

/** Waits for `work`, or `ms` at most. */
async function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
type AnyHandler = (payload: unknown, context: unknown) => Promise<void> | void;

/**
 * Starts a worker that delivers the roster's outbox through `handlers`, one
 * per topic, until stopped. Run one in every app server, or as a process of
 * its own, or both: workers claim messages with leases in the store, so any
 * number of them on any number of processes never hand one message to two
 * handlers at once, and a message whose worker died is due again when its
 * lease lapses (delivery is at least once: a handler cut off mid-delivery
 * runs again elsewhere). Such an interrupted delivery counts as an attempt,
 * so a message that kills its worker every time is parked dead after
 * `maxAttempts` of them, its `lastError` saying it was interrupted.
 *
 * Deliveries that finish together are marked delivered in one store
 * transaction (those done within a few milliseconds of each other, or at
 * once when no other is in flight), not one transaction each.
 *
 * Each handler gets its topic's typed payload: `invitation.created` the
 * invitation e-mail with its link's token, rebuilt from the message under
 * the roster's `invitationKeys` (a message superseded by a resend, or whose
 * invitation was accepted, revoked or expired, is settled without a call).
 * A handler that throws is tried again after the back-off, and parked dead
 * on its `maxAttempts`-th failure; a message of a topic without a handler
 * is parked dead at once, for `listDeadOutboxMessages` and
 * `retryDeadOutboxMessage` once a handler exists.
 *
 * @param roster - made by `createRoster`.
 * @param options - the handlers, how many at once, the lease, the back-off, the stop signal, the events.
 * @returns the running worker: `stop()`, `wake()`, `stopped`.
 * @throws `INVALID_INPUT` for bad options; a TypeError when an
 * `invitation.created` handler is given to a roster without `invitationKeys`.
 *
 * @example
 * ```ts
 * import { startOutboxWorker } from '@rosterkit/core';
 *
 * const worker = startOutboxWorker(roster, {
 *   handlers: {
 *     'invitation.created': async ({ email, token, expiresAt }) => {
 *       await mailer.sendMail({ to: email, subject: 'Join Acme', text: `https://app.example/join?token=${token} (until ${expiresAt.toDateString()})` });
 *     },
 *     'password.reset': async ({ accountId }) => auth.startPasswordReset(accountId),
 *     'sessions.revoke': async ({ accountId }) => sessions.revokeAll(accountId),
 *     'organization.deleted': async ({ orgId }) => sessions.revokeOrganization(orgId),
 *   },
 *   concurrency: 8,
 *   onEvent: (event) => metrics.increment(`outbox.${event.type}`),
 * });
 * process.on('SIGTERM', () => void worker.stop());
 * ```
 *
 * @category Delivery
 */
export function startOutboxWorker(roster: Roster, options: OutboxWorkerOptions): OutboxWorker {
  const { store, clock, invitationKeys } = deliveryOf(roster);
  const opts = parseWorkerOptions(options);
  if (opts.handlers['invitation.created'] !== undefined && invitationKeys === undefined) {
    throw new TypeError(
      'startOutboxWorker: an invitation.created handler needs the roster to have invitationKeys (createRoster option): without them no link can be rebuilt',
    );
  }
  const backoff = opts.backoff ?? exponentialBackoff();
  const policy = { maxAttempts: opts.maxAttempts, backoff, caller: 'startOutboxWorker' };
  const emit = (event: OutboxWorkerEvent) => {
    try {
      opts.onEvent?.(event);
    } catch {
      // A metrics hook must not stop deliveries.
    }
  };

  let stopping = false;
  let wakeUp: (() => void) | undefined;
  const inFlight = new Set<Promise<void>>();
  // Deliveries that finish together are marked delivered in one transaction,
  // while the slots they freed claim more: `settling` are those waiting for it.
  const settling = new Set<Promise<void>>();
  const delivered = deliveredBatch(store, clock, {
    withinMs: settleWithinMs,
    inFlight: () => inFlight.size,
  });
  /** Marks a message delivered with the others finishing with it; `then` runs once it is. */
  const settleDelivered = (id: string, then: () => void): void => {
    const done: Promise<void> = settle(() => delivered.add(id).then(then)).finally(() =>
      settling.delete(done),
    );
    settling.add(done);
  };
  const controllers = new Set<AbortController>();
  const wake = () => {
    wakeUp?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  async function settle(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      emit({ type: 'error', error });
    }
  }

  /**
   * Whether the lease still holds before the handler starts: one with less
   * than half its time left (the worker was slow to get here) is renewed
   * first, and one already claimed over is given up without a call.
   */
  async function stillHeld(message: OutboxMessage, leaseId: string, until: Date): Promise<boolean> {
    if (until.getTime() - clock.now().getTime() >= opts.lease / 2) return true;
    return store.transaction(
      (tx) =>
        tx.outbox.renewLease(message.id, leaseId, new Date(clock.now().getTime() + opts.lease)),
      readCommitted,
    );
  }

  async function deliver(message: OutboxMessage, leaseId: string, until: Date): Promise<void> {
    if (!(await stillHeld(message, leaseId, until))) {
      emit({ type: 'lease-lost', message });
      return;
    }
    const controller = new AbortController();
    controllers.add(controller);
    // Renewed while the handler runs, so only a dead worker lets it lapse.
    const renew = setInterval(
      () =>
        void settle(async () => {
          const until = new Date(clock.now().getTime() + opts.lease);
          const held = await store.transaction(
            (tx) => tx.outbox.renewLease(message.id, leaseId, until),
            readCommitted,
          );
          if (!held && !controller.signal.aborted) {
            emit({ type: 'lease-lost', message });
            controller.abort(new Error('The lease on this message was lost'));
          }
        }),
      Math.max(100, Math.floor(opts.lease / 3)),
    );
    const started = Date.now();
    try {
      const topic = message.topic as keyof OutboxTopics;
      const handler = opts.handlers[topic] as AnyHandler | undefined;
      const park = (reason: string) =>
        settleFailure(store, clock, message, reason, policy, true).then(() =>
          emit({ type: 'parked', message, reason }),
        );
      if (handler === undefined) {
        await park(`No handler for the topic "${message.topic}" in this worker.`);
        return;
      }
      let payload: unknown;
      if (topic === 'invitation.created') {
        const opened = await openInvitation(store, invitationKeys, message, clock.now());
        if (opened.kind === 'park') return await park(opened.reason);
        if (opened.kind === 'skip') {
          settleDelivered(message.id, () =>
            emit({ type: 'skipped', message, reason: opened.reason }),
          );
          return;
        }
        payload = opened.payload;
      } else {
        try {
          payload = payloadOf(message);
        } catch (error) {
          return await park(`The payload is not of its topic: ${String(error)}`);
        }
      }
      try {
        await handler(payload, { message, signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted) {
          // Cut off by stop() or a lost lease: no failure of the message's own.
          const at = clock.now();
          await store.transaction(
            (tx) => tx.outbox.release(message.id, leaseId, at),
            readCommitted,
          );
          emit({ type: 'released', message });
          return;
        }
        const settled = await settleFailure(store, clock, message, error, policy);
        emit({
          type: 'failed',
          message,
          error,
          attempts: settled.attempts,
          nextAttemptAt: settled.nextAttemptAt,
        });
        return;
      }
      settleDelivered(message.id, () =>
        emit({ type: 'delivered', message, durationMs: Date.now() - started }),
      );
    } finally {
      clearInterval(renew);
      controllers.delete(controller);
    }
  }

  function launch(message: OutboxMessage, leaseId: string, until: Date): void {
    const running: Promise<void> = settle(() => deliver(message, leaseId, until)).finally(() => {
      inFlight.delete(running);
      wake();
    });
    inFlight.add(running);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      // Up to `concurrency` delivered messages may wait for their settlement
      // while the slots they freed claim more; past that, they hold slots
      // too, so a slow store slows the claims rather than piling them up.
      const busy = inFlight.size + Math.max(0, settling.size - opts.concurrency);
      const free = opts.concurrency - busy;
      // Claims in batches: while at least half the slots are busy, wait for
      // more to free up rather than claim one message per transaction.
      if (free <= 0 || (busy > 0 && free * 2 < opts.concurrency)) {
        await Promise.race([...inFlight, ...settling, pause(opts.pollMs)]);
        continue;
      }
      let claimed: OutboxMessage[] = [];
      const leaseId = newLeaseId();
      let until = new Date(0);
      try {
        claimed = await store.transaction((tx) => {
          // The clock is read once the transaction holds a connection: a claim
          // that waited for the pool must not write a lease that has already
          // run out, or another worker claims the same messages at once.
          const now = clock.now();
          until = new Date(now.getTime() + opts.lease);
          return tx.outbox.claim({
            now,
            limit: free,
            leaseId,
            until,
            maxAttempts: opts.maxAttempts,
            interruptedError: interruptedDelivery,
          });
        }, readCommitted);
      } catch (error) {
        emit({ type: 'error', error });
      }
      // The claim parks, rather than claims, a message interrupted too often.
      const live = claimed.filter((message) => message.deadAt === null);
      for (const message of claimed) {
        if (message.deadAt !== null)
          emit({ type: 'parked', message, reason: message.lastError ?? interruptedDelivery });
      }
      if (live.length > 0) emit({ type: 'claimed', count: live.length });
      for (const message of live) launch(message, leaseId, until);
      if (claimed.length < free && !stopping) await pause(opts.pollMs);
    }
  }

  let stopResult: Promise<void> | undefined;
  let finished: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const running = loop();

  const stop = (): Promise<void> => {
    stopResult ??= (async () => {
      stopping = true;
      wake();
      await running;
      const all = Promise.all([...inFlight])
        .then(() => Promise.all([...settling]))
        .then(() => undefined);
      await within(all, opts.gracePeriodMs);
      for (const controller of controllers) controller.abort(new Error('The worker stopped'));
      // Handlers that honour the signal hand their messages back now.
      await within(all, 1000);
      finished();
    })();
    return stopResult;
  };
  if (opts.signal?.aborted) void stop();
  opts.signal?.addEventListener('abort', () => void stop(), { once: true });
  return { stop, wake, stopped };
}
