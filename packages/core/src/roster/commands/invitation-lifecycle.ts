import { RosterError } from '../../errors/roster-error.js';
import { type AccountEvent, accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import type { Account } from '../../model/account.js';
import type { Invitation } from '../../model/invitation.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { type AccountTarget, accountScope, type EffectScope } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { settleTransition } from '../effects/settle-transition.js';
import { InvitationRef } from '../inputs.js';
import { notFound } from '../not-found.js';
import { appendMessages } from '../outbox.js';
import type { IssuedInvitation } from './invitations.js';

async function loadInvitation(ctx: ActorContext, raw: unknown): Promise<[Invitation, Account]> {
  const { invitationId } = InvitationRef.parse(raw);
  const orgId = ctx.actor.organization.id;
  const invitation = await ctx.tx.invitations.get(orgId, invitationId);
  if (invitation === undefined) throw notFound('Invitation', invitationId);
  const account = await ctx.tx.accounts.get(orgId, invitation.accountId);
  if (account === undefined) throw notFound('Account', invitation.accountId);
  return [invitation, account];
}

function checkInvitationPending(invitation: Invitation, event: string): void {
  if (invitation.status !== 'pending') {
    throw new RosterError(
      'INVALID_TRANSITION',
      `Cannot ${event} an invitation that is ${invitation.status}.`,
      {
        machine: 'invitation',
        from: invitation.status,
        event,
      },
    );
  }
}

/**
 * Resend and revoke: the account machine's event on the pending account,
 * after the Policy and the invitation's own state, then its effects; the
 * invitation draft the effects leave is written, with the event's audit.
 */
async function changeInvitation(
  ctx: ActorContext,
  raw: unknown,
  event: Extract<AccountEvent, 'resendInvitation' | 'revokeInvitation'>,
): Promise<{ scope: EffectScope & { target: AccountTarget }; saved: Invitation }> {
  const [invitation, account] = await loadInvitation(ctx, raw);
  const result = transition(accountMachine, account.status, event, {
    accountId: account.id,
    ownerId: ctx.actor.organization.ownerId,
  });
  const { effects } = await settleTransition(result, async () => {
    await authorize(ctx, event, { ...invitation, type: 'Invitation' });
    checkInvitationPending(invitation, event);
  });
  const scope = await runEffects(
    accountScope(ctx, event, { account, memberships: [], invitation }),
    effects,
  );
  const draft = scope.target.invitation ?? invitation;
  const saved = await ctx.tx.invitations.update(draft);
  await appendMessages(ctx, scope.messages);
  await audit(
    ctx,
    invitation.orgId,
    event,
    { type: 'Invitation', id: invitation.id },
    { ...invitation, tokenHash: undefined },
    { ...saved, tokenHash: undefined },
  );
  return { scope, saved };
}

/** @internal */
export async function resendInvitation(ctx: ActorContext, raw: unknown): Promise<IssuedInvitation> {
  const { scope, saved } = await changeInvitation(ctx, raw, 'resendInvitation');
  if (scope.token === undefined) throw new TypeError('resendInvitation made no token');
  return { invitation: saved, account: scope.target.account, token: scope.token };
}

/** @internal */
export async function revokeInvitation(ctx: ActorContext, raw: unknown): Promise<Invitation> {
  return (await changeInvitation(ctx, raw, 'revokeInvitation')).saved;
}
