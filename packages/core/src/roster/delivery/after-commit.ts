import type { OutboxMessage } from '../../model/outbox-message.js';
import type { Store, StoreTransaction } from '../../ports/store.js';

/**
 * A host hook told of the outbox messages a transaction wrote, once it has
 * committed: the fast, best-effort path beside the outbox (revoke a session
 * in this process at once, wake the worker). It runs after the command
 * resolved its transaction and is not awaited; what it throws or rejects
 * with is ignored; it does not run if the process dies first. The outbox
 * still delivers every message, so a handler of the worker must expect
 * what the hook already did.
 *
 * @example
 * ```ts
 * const roster = createRoster({
 *   store,
 *   policy,
 *   afterCommit: (messages) => {
 *     for (const message of messages) {
 *       if (message.topic === 'sessions.revoke') sessions.dropFromCache(message.payload);
 *     }
 *     worker?.wake();
 *   },
 * });
 * ```
 *
 * @category Delivery
 */
export type AfterCommitHook = (messages: readonly OutboxMessage[]) => void | Promise<void>;

/**
 * The store, with every transaction's outbox appends recorded and handed to
 * `hook` after it commits (of a transaction run again after a conflict,
 * only the attempt that committed). @internal
 */
export function withAfterCommit<Native>(
  store: Store<Native>,
  hook: AfterCommitHook,
): Store<Native> {
  return {
    async transaction(work, options) {
      let appended: OutboxMessage[] = [];
      const result = await store.transaction((tx) => {
        appended = [];
        const outbox = tx.outbox;
        const recorded: StoreTransaction<Native> = {
          ...tx,
          outbox: {
            ...outbox,
            append: async (message) => {
              await outbox.append(message);
              appended.push(message);
            },
            appendMany: async (messages) => {
              await outbox.appendMany(messages);
              appended.push(...messages);
            },
          },
        };
        return work(recorded);
      }, options);
      if (appended.length > 0) {
        const messages = appended;
        try {
          void Promise.resolve(hook(messages)).catch(() => undefined);
        } catch {
          // Best effort: the outbox delivers it anyway.
        }
      }
      return result;
    },
  };
}
