import { describe, expectTypeOf, it } from 'vitest';
import {
  type InvitationDelivery,
  type OrganizationDeletedDelivery,
  type OutboxHandlerContext,
  type OutboxHandlers,
  type OutboxMessage,
  type OutboxTopics,
  type OutboxWorker,
  type OutboxWorkerOptions,
  type OwnerProtectedDelivery,
  type PasswordResetDelivery,
  type Roster,
  type SessionsRevokeDelivery,
  startOutboxWorker,
} from '../src/index.js';

// What a handler of each topic is given, checked by the compiler: a field
// the topic's payload does not have is a type error, so a handler written
// for one topic cannot read another's (or a misspelt) field.

declare const roster: Roster;

describe("startOutboxWorker's handlers", () => {
  it('give each topic its own payload type, and the context', () => {
    startOutboxWorker(roster, {
      handlers: {
        'invitation.created': (payload, context) => {
          expectTypeOf(payload).toEqualTypeOf<InvitationDelivery>();
          expectTypeOf(payload.token).toEqualTypeOf<string>();
          expectTypeOf(payload.email).toEqualTypeOf<string>();
          expectTypeOf(payload.expiresAt).toEqualTypeOf<Date>();
          expectTypeOf(context).toEqualTypeOf<OutboxHandlerContext>();
          expectTypeOf(context.message).toEqualTypeOf<OutboxMessage>();
          expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
        },
        'password.reset': (payload) => {
          expectTypeOf(payload).toEqualTypeOf<PasswordResetDelivery>();
          expectTypeOf(payload.accountId).toEqualTypeOf<string>();
          expectTypeOf(payload.email).toEqualTypeOf<string>();
        },
        'sessions.revoke': (payload) => {
          expectTypeOf(payload).toEqualTypeOf<SessionsRevokeDelivery>();
          expectTypeOf(payload.accountId).toEqualTypeOf<string>();
        },
        'organization.deleted': async (payload) => {
          expectTypeOf(payload).toEqualTypeOf<OrganizationDeletedDelivery>();
          expectTypeOf(payload.accounts).toEqualTypeOf<number>();
        },
        'provisioning.owner-protected': (payload) => {
          expectTypeOf(payload).toEqualTypeOf<OwnerProtectedDelivery>();
          expectTypeOf(payload.attempted).toEqualTypeOf<'deactivate' | 'deprovision'>();
          // @ts-expect-error the owner is named by account, not by email
          void payload.email;
        },
      },
    });
  });

  it("refuse a field that is not the topic's payload's", () => {
    startOutboxWorker(roster, {
      handlers: {
        'invitation.created': (payload) => {
          // @ts-expect-error an invitation e-mail carries no `accounts` count
          void payload.accounts;
          // @ts-expect-error the link's secret is `token`, never `tokenHash`
          void payload.tokenHash;
        },
        'password.reset': (payload) => {
          // @ts-expect-error a password reset has no invitation token
          void payload.token;
          // @ts-expect-error nor an invitation
          void payload.invitationId;
        },
        'sessions.revoke': (payload) => {
          // @ts-expect-error a session revocation carries the account, not its email
          void payload.email;
        },
        'organization.deleted': (payload) => {
          // @ts-expect-error the whole organization's sessions end: no one account
          void payload.accountId;
        },
      },
    });
  });

  it('refuse a handler typed for another topic, an unknown topic, and a wrong return', () => {
    const sendInvitation = (_payload: InvitationDelivery): void => undefined;
    const revoke = (_payload: SessionsRevokeDelivery): void => undefined;
    startOutboxWorker(roster, {
      handlers: {
        // A handler of a payload with fewer fields fits (it reads less).
        'password.reset': revoke,
        // @ts-expect-error an invitation handler needs fields a session revocation does not give
        'sessions.revoke': sendInvitation,
      },
    });
    startOutboxWorker(roster, {
      handlers: {
        // @ts-expect-error rosterkit writes no such topic
        'invitation.sent': () => undefined,
      },
    });
    startOutboxWorker(roster, {
      handlers: {
        // @ts-expect-error a handler resolves (delivered) or throws; it returns nothing else
        'password.reset': () => 'sent',
      },
    });
  });

  it('are optional per topic, and map each topic of OutboxTopics', () => {
    const none: OutboxWorkerOptions = { handlers: {} };
    expectTypeOf(startOutboxWorker(roster, none)).toEqualTypeOf<OutboxWorker>();
    expectTypeOf<keyof OutboxHandlers>().toEqualTypeOf<keyof OutboxTopics>();
    expectTypeOf<Parameters<NonNullable<OutboxHandlers['sessions.revoke']>>[0]>().toEqualTypeOf<
      OutboxTopics['sessions.revoke']
    >();
  });
});
