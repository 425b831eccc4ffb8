import {
  AcceptInvitationInput,
  DeclineInvitationInput,
  InvitationRef,
  InviteInput,
} from '@rosterkit/core/extra';
import { InvitationsQuery } from '../request/list-query.js';
import {
  AcceptedInvitationBody,
  InvitationPageBody,
  IssuedInvitationBody,
  PublicInvitation,
  publicInvitation,
} from './response-schemas.js';
import { bodyOf, defineRoute, type Route } from './route.js';

/** Inviting, listing, resending, revoking, and the two unauthenticated routes: accepting and declining. @internal */
export const invitationRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'listInvitations',
    method: 'GET',
    path: '/invitations',
    tag: 'Invitations',
    summary:
      'The invitations the actor may read, newest first, each with where it stands now (`expired` past its expiry).',
    auth: 'actor',
    query: InvitationsQuery,
    status: 200,
    response: InvitationPageBody,
    call: ({ api, query }) => api.listInvitations(query),
  }),
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
  defineRoute({
    operationId: 'declineInvitation',
    method: 'POST',
    path: '/invitations/decline',
    tag: 'Invitations',
    summary:
      'Declines an invitation by its token (in the body); its pending account goes. Unauthenticated, like accepting.',
    auth: 'public',
    body: DeclineInvitationInput.schema,
    bodyRequired: true,
    status: 200,
    response: PublicInvitation,
    call: async ({ roster, body }) => publicInvitation(await roster.declineInvitation(body)),
  }),
];
