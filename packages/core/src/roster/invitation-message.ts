import type { Invitation } from '../model/invitation.js';
import type { InvitationSecret } from './invitation-token.js';

/**
 * The payload of an invitation's outbox message (`invitation.created`), sent
 * on invite and on resend: to whom and until when, and, when the roster has
 * invitation keys, the key id and nonce the link's token is derived from
 * (never the token itself).
 * @internal
 */
export function invitationEmail(invitation: Invitation, secret: InvitationSecret) {
  return {
    invitationId: invitation.id,
    accountId: invitation.accountId,
    spaceId: invitation.spaceId,
    role: invitation.role,
    invitedBy: invitation.invitedBy,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
    ...(secret.derivation === undefined
      ? {}
      : { keyId: secret.derivation.keyId, nonce: secret.derivation.nonce }),
  };
}
