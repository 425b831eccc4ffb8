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
 * What a `reports.unassigned` handler gets: a provisioning connection
 * deactivated or removed a manager whose direct reports had no new manager
 * (an identity provider cannot reassign them), so rosterkit left them
 * without one (rule 7, DESIGN §8): tell the organization's admins to
 * reassign `reportIds` (accounts) in `spaceIds`.
 *
 * @category Delivery
 */
export interface ReportsUnassignedDelivery {
  readonly orgId: string;
  /** The manager who left. */
  readonly managerId: string;
  /** The accounts that now report to nobody. */
  readonly reportIds: readonly string[];
  /** The spaces of those reports' memberships. */
  readonly spaceIds: readonly string[];
  /** The provisioning connection that acted. */
  readonly connectionId: string;
}

/**
 * What a `provisioning.owner-protected` handler gets: a provisioning
 * connection tried to deactivate or deprovision the organization's owner,
 * which rule 1 refuses (the identity provider got a 403 and changed
 * nothing). Tell the organization's admins: transfer ownership first, or
 * fix the owner's assignment in the identity provider.
 *
 * @category Delivery
 */
export interface OwnerProtectedDelivery {
  readonly orgId: string;
  /** The owner's account. */
  readonly accountId: string;
  /** The provisioning connection that tried. */
  readonly connectionId: string;
  /** `deactivate` (`active: false`) or `deprovision` (a SCIM DELETE). */
  readonly attempted: 'deactivate' | 'deprovision';
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
  readonly 'reports.unassigned': ReportsUnassignedDelivery;
  readonly 'provisioning.owner-protected': OwnerProtectedDelivery;
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

const texts = (payload: Fields, key: string): string[] => {
  const value = payload[key];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    throw new TypeError(`payload.${key} is not a list of strings`);
  return value as string[];
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
    case 'reports.unassigned':
      return {
        orgId: message.orgId,
        managerId: text(payload, 'managerId'),
        reportIds: texts(payload, 'reportIds'),
        spaceIds: texts(payload, 'spaceIds'),
        connectionId: text(payload, 'connectionId'),
      };
    case 'provisioning.owner-protected': {
      const attempted = text(payload, 'attempted');
      if (attempted !== 'deactivate' && attempted !== 'deprovision')
        throw new TypeError('payload.attempted is not deactivate or deprovision');
      return {
        orgId: message.orgId,
        accountId: text(payload, 'accountId'),
        connectionId: text(payload, 'connectionId'),
        attempted,
      };
    }
    default:
      throw new TypeError(`no payload shape for topic ${message.topic}`);
  }
}
