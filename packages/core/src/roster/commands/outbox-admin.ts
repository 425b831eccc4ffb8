import { z } from 'zod';
import { defineModel, type ModelInput } from '../../model/define-model.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import { maxPageSize } from '../../ports/limits.js';
import type { Page } from '../../ports/store.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { RetryDeadOutboxMessageInput } from '../delivery/retry-dead.js';
import { notFound } from '../not-found.js';

// The organization's own dead outbox messages, for its admins: the
// authorized, tenant-scoped side of `roster.listDeadOutboxMessages` and
// `roster.retryDeadOutboxMessage` (which stay the host's operator calls).

/** Input of the actor's `listDeadOutboxMessages`: a page of the actor's organization's dead messages. */
export const DeadOutboxPageInput = defineModel(
  'listDeadOutboxMessages input',
  z.strictObject({
    /** From `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(1000).optional(),
    /** Rows per page, 1 to 500. @default 50 */
    limit: z.int().min(1).max(maxPageSize).default(50),
  }),
);

/** What the actor's `listDeadOutboxMessages` takes, as a caller writes it. */
export type DeadOutboxPageInput = ModelInput<typeof DeadOutboxPageInput>;

/**
 * What the audit keeps of a message: its delivery state, not its payload
 * (an e-mail address, an invitation's nonce), so the trail holds no
 * personal data of the people the messages were about.
 */
function auditView(message: OutboxMessage) {
  const { payload: _payload, ...rest } = message;
  return rest;
}

/** @internal */
export async function listOwnDeadOutboxMessages(
  ctx: ActorContext,
  raw: unknown,
): Promise<Page<OutboxMessage>> {
  const input = DeadOutboxPageInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  await authorize(ctx, 'manageOutbox', { type: 'OutboxMessage', orgId });
  return ctx.tx.outbox.listDead({
    orgId,
    limit: input.limit,
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
}

/** @internal */
export async function retryOwnDeadOutboxMessage(ctx: ActorContext, raw: unknown): Promise<boolean> {
  const { messageId } = RetryDeadOutboxMessageInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  // Another organization's message is not there for this actor (rule 11).
  const message = await ctx.tx.outbox.get(orgId, messageId);
  if (message === undefined) throw notFound('OutboxMessage', messageId);
  await authorize(ctx, 'manageOutbox', {
    type: 'OutboxMessage',
    orgId,
    id: message.id,
    topic: message.topic,
  });
  if (!(await ctx.tx.outbox.retryDead(message.id, ctx.now))) return false;
  const after = await ctx.tx.outbox.get(orgId, message.id);
  await audit(
    ctx,
    orgId,
    'retryDeadOutboxMessage',
    { type: 'OutboxMessage', id: message.id },
    auditView(message),
    after === undefined ? null : auditView(after),
  );
  return true;
}
