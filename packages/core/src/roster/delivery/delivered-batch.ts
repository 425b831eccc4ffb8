import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';

/** Settles deliveries that finish together in one transaction. @internal */
export interface DeliveredBatch {
  /**
   * Queues a delivered message to be marked delivered with the others that
   * finish with it: resolves once their transaction committed, rejects
   * with its error.
   */
  add(id: string): Promise<void>;
}

/** The most messages one settlement marks. */
const maxBatch = 100;

/**
 * Batches `markDelivered`: one `markDeliveredMany` transaction for the
 * messages delivered within `withinMs` of the first, or at once when
 * `othersInFlight()` says no other delivery can still join (every one in
 * flight is waiting here), so a worker spends one transaction per batch
 * rather than one per message, and a lone delivery waits for nobody.
 * @internal
 */
export function deliveredBatch(
  store: Store,
  clock: Clock,
  options: { readonly withinMs: number; readonly inFlight: () => number },
): DeliveredBatch {
  let pending: { id: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    const at = clock.now();
    store
      .transaction(
        (tx) =>
          tx.outbox.markDeliveredMany(
            batch.map((entry) => entry.id),
            at,
          ),
        {
          isolation: 'read-committed',
        },
      )
      .then(
        () => {
          for (const entry of batch) entry.resolve();
        },
        (error: unknown) => {
          for (const entry of batch) entry.reject(error);
        },
      );
  };
  return {
    add(id) {
      const settled = new Promise<void>((resolve, reject) => {
        pending.push({ id, resolve, reject });
      });
      if (pending.length >= maxBatch || pending.length >= options.inFlight()) flush();
      else timer ??= setTimeout(flush, options.withinMs);
      return settled;
    },
  };
}
