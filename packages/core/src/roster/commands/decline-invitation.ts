import { RosterError } from '../../errors/roster-error.js';
import { accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import type { Invitation } from '../../model/invitation.js';
import { audit } from '../audit.js';
import type { CommandContext } from '../command-context.js';
import { accountScope } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { settleTransition } from '../effects/settle-transition.js';
import { hashInvitationToken } from '../invitation-token.js';
import { notFound } from '../not-found.js';
import { appendMessages, outboxMessageOf } from '../outbox.js';
import { DeclineInvitationInput } from '../structure-inputs.js';

/**
 * The invitee turns an invitation down (better-auth's "reject"), by the
 * token of its link, with no actor: like `acceptInvitation`, the link is
 * the invitee's only credential. The account machine's `declineInvitation`
 * runs on the pending account: the invitation becomes `declined` and stays
 * as the record of it, and the pending account disappears as on revoke.
 * An expired invitation may be declined too (its pending account goes);
 * unknown, used, revoked and declined tokens get one answer, `NOT_FOUND`,
 * as at acceptance. An `invitation.declined` outbox message (the
 * invitation's id, email and `invitedBy`) tells the host, to let the
 * inviter know.
 * @internal
 */
export async function declineInvitation(ctx: CommandContext, raw: unknown): Promise<Invitation> {
  const { token } = DeclineInvitationInput.parse(raw);
  const invitation = await ctx.tx.invitations.findByTokenHash(await hashInvitationToken(token));
  if (invitation === undefined || invitation.status !== 'pending') {
    throw new RosterError(
      'NOT_FOUND',
      'This invitation link is not valid: it was revoked, already used, or never existed.',
      { subject: 'Invitation', id: 'token' },
    );
  }
  const { orgId } = invitation;
  const [organization, account] = await Promise.all([
    ctx.tx.organizations.get(orgId),
    ctx.tx.accounts.get(orgId, invitation.accountId),
  ]);
  if (organization === undefined) throw notFound('Organization', orgId);
  if (account === undefined) throw notFound('Account', invitation.accountId);
  const result = transition(accountMachine, account.status, 'declineInvitation', {
    accountId: account.id,
    ownerId: organization.ownerId,
  });
  const { effects } = await settleTransition(result, () => undefined);
  const scope = await runEffects(
    accountScope(ctx, 'declineInvitation', { account, memberships: [], invitation }),
    effects,
  );
  const draft = scope.target.invitation ?? invitation;
  const saved = await ctx.tx.invitations.update(draft);
  await appendMessages(ctx, [
    ...scope.messages,
    outboxMessageOf(ctx, orgId, 'invitation.declined', {
      invitationId: saved.id,
      email: saved.email,
      invitedBy: saved.invitedBy,
    }),
  ]);
  // The invitee acted; their account is gone, its id stays as a pseudonym.
  await audit(
    ctx,
    orgId,
    'declineInvitation',
    { type: 'Invitation', id: invitation.id },
    { ...invitation, tokenHash: undefined },
    { ...saved, tokenHash: undefined },
    account.id,
  );
  return saved;
}
