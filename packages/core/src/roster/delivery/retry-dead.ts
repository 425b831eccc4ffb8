import { z } from 'zod';
import { defineModel, invalidInput, type Model, safeParseInput } from '../../model/define-model.js';
import { Id } from '../../model/primitives.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';

/** Input of `roster.retryDeadOutboxMessage`. */
export interface RetryDeadOutboxMessageInput {
  /** The dead message, from `listDeadOutboxMessages`. */
  readonly messageId: string;
}

/** The model of {@link RetryDeadOutboxMessageInput}, for the roster's and the actor's call alike. */
export const RetryDeadOutboxMessageInput: Model<RetryDeadOutboxMessageInput> = defineModel(
  'retryDeadOutboxMessage input',
  z.strictObject({ messageId: Id.schema }),
);

/** Puts a dead message back in the queue, due now, its attempts counted afresh. @internal */
export async function retryDeadOutboxMessage(
  store: Store,
  clock: Clock,
  raw: unknown,
): Promise<boolean> {
  const parsed = safeParseInput(RetryDeadOutboxMessageInput.schema, raw ?? {});
  if (!parsed.success) throw invalidInput('retryDeadOutboxMessage input', parsed.error);
  const at = clock.now();
  return store.transaction((tx) => tx.outbox.retryDead(parsed.data.messageId, at));
}
