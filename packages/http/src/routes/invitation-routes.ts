import { AcceptInvitationInput, InvitationRef, InviteInput } from '@rosterkit/core/extra';
import {
  AcceptedInvitationBody,
  IssuedInvitationBody,
  PublicInvitation,
  publicInvitation,
} from './response-schemas.js';
import { bodyOf, defineRoute, type Route } from './route.js';

/** Inviting, resending, revoking, and the one unauthenticated route: accepting. @internal */
export const invitationRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'invite',
    method: 'POST',
    path: '/invitations',
    tag: 'Invitations',
    summary: 'Invites an email into a space with a role; the token is in this response only.',
    auth: 'actor',
    body: InviteInput.schema,
    bodyRequired: true,
    status: 201,
    response: IssuedInvitationBody,
    call: async ({ api, body }) => {
      const issued = await api.invite(body);
      return { ...issued, invitation: publicInvitation(issued.invitation) };
    },
    etag: (issued) => issued.invitation.version,
  }),
  defineRoute({
    operationId: 'resendInvitation',
    method: 'POST',
    path: '/invitations/{invitationId}/resend',
    tag: 'Invitations',
    summary: 'Rotates a pending invitation’s token and expiry; the old link stops working.',
    auth: 'actor',
    body: bodyOf(InvitationRef, 'invitationId'),
    status: 200,
    response: IssuedInvitationBody,
    call: async ({ api, params }) => {
      const issued = await api.resendInvitation({ invitationId: params.invitationId });
      return { ...issued, invitation: publicInvitation(issued.invitation) };
    },
    etag: (issued) => issued.invitation.version,
  }),
  defineRoute({
    operationId: 'revokeInvitation',
    method: 'DELETE',
    path: '/invitations/{invitationId}',
    tag: 'Invitations',
    summary: 'Withdraws a pending invitation; its pending account disappears.',
    auth: 'actor',
    body: bodyOf(InvitationRef, 'invitationId'),
    status: 200,
    response: PublicInvitation,
    call: async ({ api, params }) =>
      publicInvitation(await api.revokeInvitation({ invitationId: params.invitationId })),
    etag: (invitation) => invitation.version,
  }),
  defineRoute({
    operationId: 'acceptInvitation',
    method: 'POST',
    path: '/invitations/accept',
    tag: 'Invitations',
    summary:
      'Accepts an invitation by its token (in the body, never the URL). Unauthenticated: the token is the credential.',
    auth: 'public',
    body: AcceptInvitationInput.schema,
    bodyRequired: true,
    status: 200,
    response: AcceptedInvitationBody,
    call: ({ roster, body }) => roster.acceptInvitation(body),
  }),
];
