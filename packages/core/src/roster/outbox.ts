import type { JsonValue } from '../model/json-value.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import type { CommandContext } from './command-context.js';

/** A new, undelivered outbox message, to append now or with a bulk batch. @internal */
export function outboxMessageOf(
  ctx: CommandContext,
  orgId: string,
  topic: string,
  payload: JsonValue,
): OutboxMessage {
  return {
    id: ctx.deps.ids.next('OutboxMessage'),
    orgId,
    topic,
    payload,
    createdAt: ctx.now,
    deliveredAt: null,
    attempts: 0,
    nextAttemptAt: ctx.now,
    lastError: null,
    deadAt: null,
    leaseId: null,
  };
}

/** Appends an outbox message in the command's transaction. @internal */
export async function enqueue(
  ctx: CommandContext,
  orgId: string,
  topic: string,
  payload: JsonValue,
): Promise<void> {
  await ctx.tx.outbox.append(outboxMessageOf(ctx, orgId, topic, payload));
}

/** Appends the outbox messages a command's effects asked for, in one call. @internal */
export async function appendMessages(
  ctx: CommandContext,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 1) await ctx.tx.outbox.append(messages[0] as OutboxMessage);
  else if (messages.length > 1) await ctx.tx.outbox.appendMany(messages);
}
