import type { Actor } from '../model/actor.js';
import type { Invitation } from '../model/invitation.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import type { Page } from '../ports/store.js';
import type { FindAccountInput } from './account-inputs.js';
import type { ActorApi } from './actor-api.js';
import type { AuthenticatedProvisioner } from './authenticate-provisioner.js';
import type { AcceptedInvitation } from './commands/accept-invitation.js';
import type { CreatedOrganization } from './commands/create-organization.js';
import type { FoundAccount } from './commands/find-account.js';
import type { RetryDeadOutboxMessageInput } from './delivery/retry-dead.js';
import type {
  DrainOutboxOptions,
  DrainOutboxResult,
  ListDeadOutboxMessagesInput,
} from './drain-outbox.js';
import type { AcceptInvitationInput } from './inputs.js';
import type { CreateOrganizationInput } from './organization-inputs.js';
import type { DeclineInvitationInput } from './structure-inputs.js';
/** The roster: the commands that have no actor yet, and {@link Roster.as} for the rest. */
export interface Roster {
  /** Creates an organization with its owner (active, top role) and its default space. */
  createOrganization(input: CreateOrganizationInput): Promise<CreatedOrganization>;
  /**
   * Accepts an invitation by its token: the pending account becomes active and
   * a member. Refused (`FORBIDDEN`) when the person who sent or last resent it
   * is no longer active or may no longer invite with its role into its space:
   * an invitation carries its inviter's authority only while they have it.
   */
  acceptInvitation(input: AcceptInvitationInput): Promise<AcceptedInvitation>;
  /**
   * Declines an invitation by its token (the invitee turns it down; no
   * actor, as for acceptance): the invitation becomes `declined` and stays
   * as the record of it, its pending account disappears as on revoke, and an
   * `invitation.declined` outbox message (`invitationId`, `email`,
   * `invitedBy`) lets the host tell the inviter. Audited, with the invitee's
   * id as a pseudonym. An expired invitation may be declined; an unknown,
   * used, revoked or declined token is `NOT_FOUND`.
   *
   * @example
   * ```ts
   * const declined = await roster.declineInvitation({ token });
   * declined.status; // 'declined'
   * ```
   */
  declineInvitation(input: DeclineInvitationInput): Promise<Invitation>;
  /**
   * Finds the account behind the host's signed-in user, by the host's id
   * linked to it (`externalId`) or by email (normalized as account emails
   * are: any spelling finds it): the host's sign-in path, so no actor is
   * needed. Returns only what resolving needs (no profile), or `null` when
   * the organization has no such account (a deleted one included).
   *
   * An actor that `canAct` is `false` for exists but may not act (pending,
   * deactivated, or a member of no space): its commands throw
   * `ACTOR_INACTIVE`, and those of an unknown actor `ACTOR_UNKNOWN` (an HTTP
   * layer answers 403 and 401).
   *
   * @example
   * ```ts
   * const found = await roster.findAccount({ orgId, externalId: session.userId });
   * if (found === null) return new Response(null, { status: 401 });
   * if (!found.canAct) return new Response(null, { status: 403 });
   * const api = roster.as(found.actor);
   * ```
   */
  findAccount(input: FindAccountInput): Promise<FoundAccount | null>;
  /**
   * Resolves a SCIM request's bearer token to the provisioning connection
   * it belongs to (DESIGN §8, SCIM 2.0): the host's SCIM endpoint calls it
   * before anything else, so no actor is needed. The token is hashed and
   * looked up by its hash; the organization comes from the connection.
   * Records the connection's `lastUsedAt` (at most once a minute, and
   * without changing its version, so admins' edits never go stale for it).
   *
   * @param token - the bearer token as the identity provider sent it.
   * @returns the actor and the connection (without its token hash), or
   * `null` for a token that is unknown, malformed, rotated away or of a
   * revoked connection (an HTTP layer answers 401).
   *
   * @example
   * ```ts
   * const bearer = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
   * const found = await roster.authenticateProvisioner(bearer);
   * if (found === null) return new Response(null, { status: 401 });
   * const scim = roster.as(found.actor);
   * ```
   */
  authenticateProvisioner(token: string): Promise<AuthenticatedProvisioner | null>;
  /**
   * The API of one actor; every call is authorized for them. An actor
   * rosterkit does not know (no such account in that organization, a deleted
   * one, no such organization) makes every call throw `ACTOR_UNKNOWN`; one
   * that exists but may not act (pending, deactivated, a member of no space)
   * `ACTOR_INACTIVE`.
   */
  as(actor: Actor): ActorApi;
  /**
   * Delivers the outbox messages that are due, in the order they became due,
   * through `handler`: the host's mailer, session store, … (DESIGN §8,
   * Delivery). A message is marked delivered only after `handler` resolves,
   * so delivery is at least once; `message.attempts` tells the handler how
   * many tries failed before.
   *
   * When `handler` throws, the failure is counted, its error kept as
   * `lastError`, and the message waits out a back-off before it is due
   * again, so messages that keep failing never hold back the ones behind
   * them. Its `maxAttempts`-th failure parks it dead: it is never tried
   * again on its own, and {@link Roster.listDeadOutboxMessages} lists it.
   * One call claims up to `limit` due messages with a lease of `leaseMs`
   * (so drains running at once, on any servers, take different messages)
   * and tries each once. For a long-running delivery loop with concurrency,
   * lease renewal, typed payloads and invitation links rebuilt after a
   * crash, use `startOutboxWorker` instead.
   *
   * @param handler - delivers one message; throws (or rejects) when it could not.
   * @param options - how many to try, when to give up, how long to wait between tries.
   * @returns how many were delivered, how many failed, and how many of those were parked dead.
   * @throws `INVALID_INPUT` for bad options, or when `backoff` throws or returns
   * a wait that is not 0 to 365 days (that failure is then not recorded).
   *
   * @example
   * ```ts
   * setInterval(async () => {
   *   const { dead } = await roster.drainOutbox(async (message) => {
   *     if (message.topic === 'password.reset') await mailer.sendReset(message.payload);
   *     if (message.topic === 'sessions.revoke') await sessions.revokeAll(message.payload);
   *   }, { maxAttempts: 8 });
   *   if (dead > 0) alertOps(`${dead} outbox messages were parked dead`);
   * }, 5_000);
   * ```
   */
  drainOutbox(
    handler: (message: OutboxMessage) => Promise<void>,
    options?: DrainOutboxOptions,
  ): Promise<DrainOutboxResult>;
  /**
   * The outbox messages parked dead (their last allowed delivery failed), of
   * one organization or of all, the most recently parked first, with
   * `attempts` and `lastError` to tell why. A host reads them here, to show
   * an operator or to alert when `total` is not 0. A message that is later
   * delivered leaves the list.
   *
   * This is the host's operator call, like `drainOutbox`: no actor, no
   * Policy, every organization (a platform's on-call alerting on `total`,
   * a support console), so never expose it to an organization's users as it
   * is. An organization's own admins use the actor's
   * {@link ActorApi.listDeadOutboxMessages} (authorized by `manageOutbox`,
   * their organization only) instead.
   *
   * @param input - the organization (every one when absent), the cursor, the page size.
   * @returns one page, and `total` dead messages matching.
   * @throws `INVALID_INPUT` for bad input or a cursor not from this list.
   *
   * @example
   * ```ts
   * const page = await roster.listDeadOutboxMessages({ limit: 20 });
   * for (const message of page.items) console.warn(message.topic, message.attempts, message.lastError);
   * ```
   */
  listDeadOutboxMessages(input?: ListDeadOutboxMessagesInput): Promise<Page<OutboxMessage>>;
  /**
   * Puts a dead message back in the queue, due now, with its attempts
   * counted afresh (its `lastError` kept until the next try): once the
   * cause is fixed (a mail server's credentials, a handler deployed for its
   * topic). The host's operator call, like `listDeadOutboxMessages`: no
   * actor, no Policy, any organization's message, and not audited (there
   * is no one to record); authorize it in your own ops tooling. An
   * organization's admins use the actor's
   * {@link ActorApi.retryDeadOutboxMessage} (authorized, their organization
   * only, audited).
   *
   * @param input - the message's id.
   * @returns `true` if it was dead and is queued again; `false` if it was not dead (delivered, or alive).
   * @throws `NOT_FOUND` for an unknown message; `INVALID_INPUT` for bad input.
   *
   * @example
   * ```ts
   * const { items } = await roster.listDeadOutboxMessages({ limit: 100 });
   * for (const message of items.filter((m) => m.topic === 'invitation.created')) {
   *   await roster.retryDeadOutboxMessage({ messageId: message.id });
   * }
   * ```
   */
  retryDeadOutboxMessage(input: RetryDeadOutboxMessageInput): Promise<boolean>;
}
