import { DeadOutboxQuery } from '../request/list-query.js';
import { OutboxMessagePageBody, RetriedOutboxMessageBody } from './response-schemas.js';
import { defineRoute, noBody, type Route } from './route.js';

/**
 * The organization's dead outbox messages, for its admins (`manageOutbox`):
 * the actor's calls, tenant-scoped by core. The host's own operator calls
 * across organizations (`roster.listDeadOutboxMessages`) stay off HTTP.
 * @internal
 */
export const outboxRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'listDeadOutboxMessages',
    method: 'GET',
    path: '/outbox/dead',
    tag: 'Outbox',
    summary: 'The organization’s outbox messages parked dead (too many failed deliveries), paged.',
    auth: 'actor',
    query: DeadOutboxQuery,
    status: 200,
    response: OutboxMessagePageBody,
    call: ({ api, query }) => api.listDeadOutboxMessages(query),
  }),
  defineRoute({
    operationId: 'retryDeadOutboxMessage',
    method: 'POST',
    path: '/outbox/dead/{messageId}/retry',
    tag: 'Outbox',
    summary:
      'Puts a dead message back in the queue, due now; `retried` is `false` when it was no longer dead. Another organization’s message is a 404.',
    auth: 'actor',
    // The message's id is its only field, in the path: core validates it.
    body: noBody,
    status: 200,
    response: RetriedOutboxMessageBody,
    call: async ({ api, params }) => ({
      retried: await api.retryDeadOutboxMessage({ messageId: params.messageId }),
    }),
  }),
];
