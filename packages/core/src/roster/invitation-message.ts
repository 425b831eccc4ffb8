import type { Invitation } from '../model/invitation.js';

/**
 * The payload of an invitation's outbox message (`invitation.created`), sent
 * on invite and on resend: to whom and until when, never the token.
 * @internal
 */
export function invitationEmail(invitation: Invitation) {
  return {
    invitationId: invitation.id,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
