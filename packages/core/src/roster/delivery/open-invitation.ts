import type { OutboxMessage } from '../../model/outbox-message.js';
import type { Store } from '../../ports/store.js';
import {
  deriveInvitationToken,
  invitationKeyFor,
  type ResolvedInvitationKeys,
} from '../invitation-keys.js';
import { hashInvitationToken } from '../invitation-token.js';
import type { InvitationDelivery } from './outbox-topics.js';

/** What became of an `invitation.created` message when the worker opened it. @internal */
export type OpenedInvitation =
  | { readonly kind: 'deliver'; readonly payload: InvitationDelivery }
  /** Nothing to send: the link would not work (resent since, accepted, revoked, expired). */
  | { readonly kind: 'skip'; readonly reason: string }
  /** No handler can ever deliver it: parked dead with this reason. */
  | { readonly kind: 'park'; readonly reason: string };

type Fields = Record<string, unknown>;

/**
 * Rebuilds the link of an `invitation.created` message: the token from
 * the message's nonce under the key it names, checked against the
 * invitation as stored now, so that a message superseded by a resend (whose
 * token's hash is no longer the invitation's) sends nothing rather than a
 * dead link.
 * @internal
 */
export async function openInvitation(
  store: Store,
  keys: ResolvedInvitationKeys | undefined,
  message: OutboxMessage,
  now: Date,
): Promise<OpenedInvitation> {
  const payload = (message.payload ?? {}) as Fields;
  const { invitationId, keyId, nonce } = payload;
  if (typeof invitationId !== 'string') {
    return { kind: 'park', reason: 'The invitation.created payload names no invitation.' };
  }
  if (typeof keyId !== 'string' || typeof nonce !== 'string') {
    return {
      kind: 'park',
      reason:
        'This invitation.created message carries no token nonce: it was made by a roster without invitationKeys. Resend the invitation.',
    };
  }
  if (keys === undefined) {
    return { kind: 'park', reason: 'The roster has no invitationKeys to rebuild the link with.' };
  }
  const key = invitationKeyFor(keys, keyId, now);
  if (key === 'unknown' || key === 'retired') {
    return {
      kind: 'park',
      reason: `The invitation key "${keyId}" is ${key === 'unknown' ? 'not among invitationKeys' : 'retired (past its retiresAt)'}. Resend the invitation.`,
    };
  }
  const token = await deriveInvitationToken(key.secret, nonce);
  const tokenHash = await hashInvitationToken(token);
  const invitation = await store.transaction((tx) =>
    tx.invitations.get(message.orgId, invitationId),
  );
  if (invitation === undefined) return { kind: 'skip', reason: 'The invitation no longer exists.' };
  if (invitation.status !== 'pending') {
    return { kind: 'skip', reason: `The invitation is ${invitation.status}.` };
  }
  if (invitation.tokenHash !== tokenHash) {
    return {
      kind: 'skip',
      reason: 'The invitation was resent since: a newer message carries its link.',
    };
  }
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    return { kind: 'skip', reason: 'The invitation has expired.' };
  }
  return {
    kind: 'deliver',
    payload: {
      orgId: message.orgId,
      invitationId,
      accountId: invitation.accountId,
      spaceId: invitation.spaceId,
      role: invitation.role,
      invitedBy: invitation.invitedBy,
      email: invitation.email,
      expiresAt: invitation.expiresAt,
      token,
    },
  };
}
