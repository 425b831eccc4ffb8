import { RosterError } from '../../errors/roster-error.js';
import { audit } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { revokeInvitation } from '../commands/invitation-lifecycle.js';
import { deactivate } from '../commands/lifecycle.js';
import { removeFromTeam } from '../commands/team.js';
import { loadUserLink } from './load-link.js';
import { requireProvisioner } from './require-provisioner.js';
import { ProvisionedUserRef } from './user-inputs.js';

/** @internal */
export async function deprovisionUser(ctx: ActorContext, raw: unknown): Promise<void> {
  const { id } = ProvisionedUserRef.parse(raw);
  const provisioner = requireProvisioner(ctx, 'deprovisionUser');
  const { link, account } = await loadUserLink(ctx, provisioner, id);
  const orgId = account.orgId;
  // DESIGN rule 1 and §8: the owner cannot be deprovisioned; refused before anything changes.
  if (account.id === provisioner.organization.ownerId) {
    throw new RosterError(
      'OWNER_PROTECTED',
      'The organization owner cannot be deprovisioned; transfer ownership first.',
      { accountId: account.id, action: 'deprovisionUser' },
    );
  }
  // The link goes first: nothing may point at a pending account revoked below.
  await ctx.tx.provisioning.deleteLink(orgId, link.connectionId, 'User', link.id);
  if (account.status === 'pending') {
    // An invitee who never joined: the invitation is withdrawn (its pending account goes with it).
    const invitations = await ctx.tx.invitations.listByAccount(orgId, account.id);
    for (const invitation of invitations.filter((candidate) => candidate.status === 'pending')) {
      await revokeInvitation(ctx, { invitationId: invitation.id });
    }
  } else {
    // Rule 2: the account stays; it is deactivated and leaves every team.
    if (account.status === 'active') await deactivate(ctx, { accountId: account.id });
    const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
    for (const membership of memberships.filter((candidate) => candidate.state === 'member')) {
      await removeFromTeam(ctx, { accountId: account.id, spaceId: membership.spaceId });
    }
  }
  await audit(ctx, orgId, 'deprovisionUser', { type: 'Account', id: account.id }, link, null);
}
