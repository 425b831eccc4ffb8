import type { OutboxMessage } from '../../model/outbox-message.js';

/**
 * What an `invitation.created` handler gets: the invitation e-mail to send,
 * with the link's `token` rebuilt from the message under the host's
 * `invitationKeys` (never stored). Build the link as
 * `https://app.example/join?token=${token}` and send it to `email`.
 *
 * @category Delivery
 */
export interface InvitationDelivery {
  readonly orgId: string;
  readonly invitationId: string;
  /** The pending account the invitation activates. */
  readonly accountId: string;
  readonly spaceId: string;
  readonly role: string;
  /** Who sent (or last resent) it. */
  readonly invitedBy: string;
  readonly email: string;
  readonly expiresAt: Date;
  /** The secret of the link: what `acceptInvitation` takes. */
  readonly token: string;
}

/**
 * What a `password.reset` handler gets: the account that asked, to hand to the host's auth.
 *
 * @category Delivery
 */
export interface PasswordResetDelivery {
  readonly orgId: string;
  readonly accountId: string;
  readonly email: string;
}

/**
 * What a `sessions.revoke` handler gets: the account whose sessions end
 * (deactivated, removed, deleted).
 *
 * @category Delivery
 */
export interface SessionsRevokeDelivery {
  readonly orgId: string;
  readonly accountId: string;
}

/**
 * What an `organization.deleted` handler gets: every session of the
 * organization ends; `accounts` is how many accounts were deleted.
 *
 * @category Delivery
 */
export interface OrganizationDeletedDelivery {
  readonly orgId: string;
  readonly accounts: number;
}

/**
 * The topics rosterkit writes, and the payload each handler of
 * `startOutboxWorker` is given.
 *
 * @category Delivery
 */
export interface OutboxTopics {
  readonly 'invitation.created': InvitationDelivery;
  readonly 'password.reset': PasswordResetDelivery;
  readonly 'sessions.revoke': SessionsRevokeDelivery;
  readonly 'organization.deleted': OrganizationDeletedDelivery;
}

/**
 * What a handler gets beside its payload.
 *
 * @category Delivery
 */
export interface OutboxHandlerContext {
  /** The message as claimed: `attempts` tells how many tries failed (or were interrupted) before. */
  readonly message: OutboxMessage;
  /**
   * Aborted when the worker stops and its grace period ends, or when the
   * lease was lost: stop soon, by throwing (the message is then handed back,
   * no failure counted).
   */
  readonly signal: AbortSignal;
}

/**
 * One handler per topic: delivers the message, or throws (or rejects) when
 * it could not, to be tried again after a back-off.
 *
 * @category Delivery
 */
export type OutboxHandlers = {
  readonly [T in keyof OutboxTopics]?: (
    payload: OutboxTopics[T],
    context: OutboxHandlerContext,
  ) => Promise<void> | void;
};

type Fields = Record<string, unknown>;

const text = (payload: Fields, key: string): string => {
  const value = payload[key];
  if (typeof value !== 'string') throw new TypeError(`payload.${key} is not a string`);
  return value;
};

/**
 * The typed payload of a message of a topic other than `invitation.created`
 * (which needs the keys, see open-invitation.ts). Throws a TypeError for a
 * payload not of its topic's shape.
 * @internal
 */
export function payloadOf(message: OutboxMessage): OutboxTopics[keyof OutboxTopics] {
  const payload = (message.payload ?? {}) as Fields;
  switch (message.topic) {
    case 'password.reset':
      return {
        orgId: message.orgId,
        accountId: text(payload, 'accountId'),
        email: text(payload, 'email'),
      };
    case 'sessions.revoke':
      return { orgId: message.orgId, accountId: text(payload, 'accountId') };
    case 'organization.deleted':
      return { orgId: message.orgId, accounts: Number(payload.accounts ?? 0) };
    default:
      throw new TypeError(`no payload shape for topic ${message.topic}`);
  }
}
