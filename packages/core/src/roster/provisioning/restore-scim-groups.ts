import type { Account } from '../../model/account.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';
import type { ProvisionerPolicyActor } from '../../ports/policy.js';
import type { ActorContext } from '../command-context.js';
import { getLinksByIds } from './link-list.js';
import { applyGroupChanges } from './scim-group-sync.js';

/**
 * Puts an account the connection just reactivated back in the rosterkit
 * groups of its SCIM groups (the identity provider still lists it in them,
 * so leaving it out would disagree with what it reads back), as
 * assignGroups would (audited). Unlike an admin's reactivate, which
 * restores no group (DESIGN §3): the admin re-assigns them.
 * @internal
 */
export async function restoreScimGroups(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  link: ProvisioningLink,
  account: Account,
): Promise<void> {
  const { connection, organization } = provisioner;
  const groupLinkIds = await ctx.tx.provisioning.listMemberGroups(
    organization.id,
    connection.id,
    link.id,
  );
  if (groupLinkIds.length === 0) return;
  const groupLinks = await getLinksByIds(ctx, provisioner, 'Group', groupLinkIds);
  const add = [...groupLinks.values()].map((groupLink) => groupLink.targetId);
  await applyGroupChanges(ctx, connection.spaceId, [{ account, add }]);
}
